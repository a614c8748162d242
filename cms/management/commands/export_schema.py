"""Write the GraphQL schema's SDL, sorted, to frontend_contract/schema.graphql (or stdout)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from cms.api.schema import printed_schema

SNAPSHOT = Path(settings.BASE_DIR) / "frontend_contract" / "schema.graphql"


class Command(BaseCommand):
    help = "Refresh the committed schema snapshot (frontend_contract/schema.graphql)."

    def add_arguments(self, parser):
        parser.add_argument("--print", action="store_true", dest="print_only", help="Print only.")

    def handle(self, *args, print_only=False, **options):
        sdl = printed_schema()
        if print_only:
            self.stdout.write(sdl, ending="")
            return
        SNAPSHOT.write_text(sdl, encoding="utf-8")
        self.stdout.write(f"Wrote {SNAPSHOT.relative_to(settings.BASE_DIR)}")
