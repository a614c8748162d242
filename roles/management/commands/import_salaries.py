"""Update a guide's salary table from a CSV file (docs/salary-import.md), as a new draft revision.

    python manage.py import_salaries pay-2027.csv --guide mlops-engineer-2027 [--table 2]
        [--user editor] [--dry-run]

Prints the diff (the guide's table against the file, with the % change on each end), then saves
a draft revision; never publishes. Any problem is a CommandError naming the line and column,
and nothing is saved.
"""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from roles.models import RoleGuidePage
from roles.salary_import import MAX_FILE_BYTES, SalaryImportError, read_salary_csv
from roles.salary_import_draft import (
    SalaryImportRefused,
    apply_salary_import,
    plan_salary_import,
)

DIFF_COLUMNS = ("Level", "{before}", "File", "Lower end", "Upper end", "Check")


class Command(BaseCommand):
    help = (
        "Replace the rows, currency, source and year of a guide's salary table with a CSV "
        "file's, as a new draft revision (never published). Prints the diff first."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The CSV file (docs/salary-import.md).")
        parser.add_argument("--guide", required=True, help="The guide's slug.")
        parser.add_argument(
            "--table", type=int, default=1, help="Which salary table of the guide (default 1)."
        )
        parser.add_argument(
            "--user", help="The editor the revision is saved as (their permissions apply)."
        )
        parser.add_argument("--dry-run", action="store_true", help="Print the diff; save nothing.")

    def handle(self, *args, file, guide, table, user, dry_run, **options):
        editor = find_user(user) if user else None
        page = find_guide(guide)
        imported = read_file(file)
        try:
            plan = plan_salary_import(page, imported, table_number=table, user=editor)
        except SalaryImportRefused as refused:
            raise CommandError(str(refused)) from None
        self.print_diff(plan)
        if plan.unchanged:
            self.stdout.write("The file holds what the table already holds: nothing to save.")
            return
        if dry_run:
            self.stdout.write("Dry run: nothing saved.")
            return
        try:
            revision = apply_salary_import(plan, user=editor)
        except SalaryImportRefused as refused:
            raise CommandError(str(refused)) from None
        live = (
            " The live guide keeps its old figures until the draft is published."
            if page.live
            else ""
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Saved salary table {table} of '{page.title}' as a new draft revision "
                f"(#{revision.pk}); nothing was published.{live}"
            )
        )

    def print_diff(self, plan):
        guide = plan.guide
        self.stdout.write(
            f"Salary table {plan.table_number} of '{guide.title}' ({guide.url_path}): "
            f"{plan.before_name.casefold()} against the file."
        )
        header = [name.format(before=plan.before_name) for name in DIFF_COLUMNS]
        lines = [header] + [
            [
                row.level,
                row.before,
                row.after,
                row.change_min,
                row.change_max,
                row.note if row.flagged else "",
            ]
            for row in plan.display_rows()
        ]
        widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
        for line in lines:
            cells = [cell.ljust(width) for cell, width in zip(line, widths, strict=True)]
            self.stdout.write("  ".join(cells).rstrip())
        for name, old, new in plan.value_changes():
            self.stdout.write(f"{name}: {shown(old)} → {shown(new)}")


def shown(value):
    return "(none)" if value is None else str(value)


def find_user(username):
    try:
        return get_user_model().objects.get_by_natural_key(username)
    except get_user_model().DoesNotExist:
        raise CommandError(f"--user: there is no user '{username}'.") from None


def find_guide(slug):
    """The one guide with this slug (slugs are unique only under one parent)."""
    guides = list(RoleGuidePage.objects.filter(slug=slug).order_by("path")[:20])
    if not guides:
        raise CommandError(f"--guide: no role guide has the slug '{slug}'.")
    if len(guides) > 1:
        paths = ", ".join(guide.url_path for guide in guides)
        raise CommandError(
            f"--guide: more than one role guide has the slug '{slug}': {paths}. Rename one of "
            "them, or import from the guide's editor in the admin (Import salaries)."
        )
    return guides[0]


def read_file(name):
    path = Path(name)
    try:
        with path.open("rb") as file:
            data = file.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise CommandError(f"{name}: cannot be read ({error.strerror}).") from None
    try:
        return read_salary_csv(data)
    except SalaryImportError as error:
        problems = "\n".join(f"  {problem}" for problem in error.problems)
        raise CommandError(f"{name}: nothing imported.\n{problems}") from None
