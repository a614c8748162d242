"""Refresh the frontend contract: the schema snapshot and the persisted-query manifest.

Refuses to write a schema with an unrecorded breaking change (see cms/api/contract.py).
"""

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from cms.api.contract import contract_problems, dangerous_changes
from cms.api.operations import operations
from cms.api.schema import printed_schema

CONTRACT = Path(settings.BASE_DIR) / "frontend_contract"
SNAPSHOT = CONTRACT / "schema.graphql"
MANIFEST = CONTRACT / "persisted-queries.json"


def persisted_query_manifest():
    """{sha256: query text} for every operation in frontend_contract/operations/."""
    by_hash = {op.sha256: op.text for op in operations().values()}
    return json.dumps(dict(sorted(by_hash.items())), indent=2) + "\n"


class Command(BaseCommand):
    help = "Refresh frontend_contract/schema.graphql and persisted-queries.json."

    def add_arguments(self, parser):
        parser.add_argument("--print", action="store_true", dest="print_only", help="Print only.")

    def handle(self, *args, print_only=False, **options):
        sdl = printed_schema()
        if print_only:
            self.stdout.write(sdl, ending="")
            return
        if SNAPSHOT.exists():
            old = SNAPSHOT.read_text(encoding="utf-8")
            problems = contract_problems(old, sdl)
            if problems:
                raise CommandError("Schema not written:\n  " + "\n  ".join(problems))
            for warning in dangerous_changes(old, sdl):
                self.stdout.write(self.style.WARNING(f"Dangerous: {warning}"))
        SNAPSHOT.write_text(sdl, encoding="utf-8")
        MANIFEST.write_text(persisted_query_manifest(), encoding="utf-8")
        self.stdout.write(f"Wrote {SNAPSHOT.name} and {MANIFEST.name} in frontend_contract/")
