"""Rebuild the cross-role facts (roles/facts.py) of every live guide, with a progress bar."""

from django.core.management.base import BaseCommand, CommandError

from roles.facts import GuideSalary, GuideSkill, GuideTool, live_guides_for_facts, rebuild_facts
from roles.models import RoleGuidePage


class Command(BaseCommand):
    help = "Rebuild the tools, skills and salaries tables of live role guides from their bodies."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=500)

    def handle(self, *args, batch_size, **options):
        if not 1 <= batch_size <= 5000:
            raise CommandError("--batch-size must be between 1 and 5000.")
        guides = live_guides_for_facts(RoleGuidePage)
        total = guides.count()
        # Facts of guides no longer live (published before a bulk change): gone.
        for model in (GuideTool, GuideSkill, GuideSalary):
            model.objects.exclude(guide__live=True).delete()
        done, last = 0, 0
        while batch := list(guides.filter(pk__gt=last)[:batch_size]):
            rebuild_facts(batch)
            done, last = done + len(batch), batch[-1].pk
            self.progress(done, total)
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"Rebuilt the facts of {done} live guides."))

    def progress(self, done, total):
        width = 30
        filled = width * done // max(total, 1)
        bar = "#" * filled + "-" * (width - filled)
        self.stdout.write(f"\r[{bar}] {done}/{total} guides", ending="")
        self.stdout.flush()
