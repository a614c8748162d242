"""Generate realistic role guides in bulk, with a progress bar: `--count 10000` takes minutes."""

import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from roles.generation import generate
from roles.models import RoleIndexPage


class Command(BaseCommand):
    help = "Generate N live role guides under the Roles index (bulk insert, with progress)."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, required=True, help="How many guides.")
        parser.add_argument("--seed", type=int, default=1, help="Random seed (default 1).")
        parser.add_argument("--batch-size", type=int, default=500)
        parser.add_argument(
            "--extra-sections", type=int, default=0, help="Extra sections per guide (body size)."
        )

    def handle(self, *args, count, seed, batch_size, extra_sections, **options):
        if count < 1:
            raise CommandError("--count must be at least 1.")
        if not 1 <= batch_size <= 5000:
            raise CommandError("--batch-size must be between 1 and 5000.")
        if extra_sections < 0:
            raise CommandError("--extra-sections cannot be negative.")
        roles = RoleIndexPage.objects.first()
        if roles is None:
            call_command("load_demo_content", stdout=self.stdout)
            roles = RoleIndexPage.objects.first()
        started = time.monotonic()
        generate(
            roles,
            count,
            seed=seed,
            batch_size=batch_size,
            extra_sections=extra_sections,
            progress=self.progress,
        )
        self.stdout.write("")
        elapsed = time.monotonic() - started
        self.stdout.write(self.style.SUCCESS(f"Generated {count} guides in {elapsed:.1f}s."))

    def progress(self, done, total):
        width = 30
        filled = width * done // total
        bar = "#" * filled + "-" * (width - filled)
        self.stdout.write(f"\r[{bar}] {done}/{total} guides", ending="")
        self.stdout.flush()
