"""Where an imported salary table goes: into the N-th salary table of a guide's latest revision
(its draft if it has one, else its live content), saved as a new draft revision. Never
published: a live guide serves its old figures until someone publishes the draft.

Shared by `manage.py import_salaries` and the admin's "Import salaries" view: both plan an
import (which table, what changes, whether the guide may be changed now), show the plan's diff,
then apply it.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from wagtail.locks import ScheduledForPublishLock, WorkflowLock

from roles.models import RoleGuidePage
from roles.salary import table_rows
from roles.salary_diff import compare_rows, display_rows
from roles.salary_import import ImportedTable, salary_table_block

SALARY_TABLE = "salary_table"

# The table's own values an import replaces (the heading is kept), with the names editors see.
TABLE_VALUES = {"currency": "Currency", "source_note": "Source", "as_of_year": "As of year"}


class SalaryImportRefused(Exception):
    """The guide cannot take this import now; the message says why and what to do."""


def salary_table_positions(body):
    """The stream positions of a body's salary tables, in order."""
    return [index for index, block in enumerate(body) if block.block_type == SALARY_TABLE]


def table_label(number, value):
    """'Table 1: Salaries (4 rows, USD)': how an editor picks a table."""
    heading = value.get("heading") or "Salary table"
    rows = len(value["rows"])
    currency = f", {value['currency']}" if value.get("currency") else ""
    return f"Table {number}: {heading} ({rows} row{'s' if rows != 1 else ''}{currency})"


def latest_tables(guide):
    """[(number, value)] of the salary tables in the guide's latest revision, from 1."""
    body = guide.get_latest_revision_as_object().body
    return [(n, body[i].value) for n, i in enumerate(salary_table_positions(body), start=1)]


def refusal(guide, user=None):
    """Why `user` (None: a command run without --user) may not change the guide now, or None."""
    if user is not None and not guide.permissions_for_user(user).can_edit():
        return f"{user} may not edit '{guide.title}'."
    if guide.alias_of_id:
        return (
            f"'{guide.title}' is an alias: it shows another guide's content. Import into that "
            f"guide ({guide.alias_of.url_path})."
        )
    lock = guide.get_lock()
    if lock is not None and (user is None or lock.for_user(user)):
        return (
            f"'{guide.title}' is {lock_reason(guide, lock)}: nothing can be imported into it now."
        )
    return None


def lock_reason(guide, lock):
    if isinstance(lock, WorkflowLock):
        return "in a moderation workflow (it can be changed once the workflow lets it)"
    if isinstance(lock, ScheduledForPublishLock):
        return "scheduled for publishing (cancel the schedule to change it)"
    who = guide.locked_by or "someone"
    return f"locked by {who} (unlock it in the editor first)"


@dataclass
class SalaryImportPlan:
    """An imported table set against the guide's table it replaces, before anything is saved."""

    guide: RoleGuidePage
    draft: RoleGuidePage
    table_number: int
    position: int
    imported: ImportedTable
    revision_id: int | None

    @property
    def before(self):
        return self.draft.body[self.position].value

    @property
    def before_name(self):
        """What the old side of the diff is: the guide's draft, or its live content."""
        return "Draft" if self.guide.has_unpublished_changes else "Live"

    def comparisons(self):
        return compare_rows(table_rows(self.before), self.imported.rows)

    def display_rows(self):
        return display_rows(
            self.comparisons(),
            threshold=settings.SALARY_CHANGE_FLAG_PERCENT,
            before_name=self.before_name.casefold(),
        )

    def value_changes(self):
        """[(name, old, new)] for the table's currency, source and year that change."""
        changes = []
        for field, name in TABLE_VALUES.items():
            old, new = self.before.get(field) or None, self.imported.value.get(field) or None
            if old != new:
                changes.append((name, old, new))
        return changes

    @property
    def unchanged(self):
        """The file holds what the table already holds: importing it would change nothing."""
        rows_before = table_rows(self.before)
        return rows_before == self.imported.rows and not self.value_changes()

    def new_table(self):
        """The imported table under the old table's heading."""
        block = salary_table_block()
        value = block.to_python(block.get_prep_value(self.imported.value))
        value["heading"] = self.before.get("heading", "")
        return value


LATEST = object()  # plan against whatever revision is the latest


def plan_salary_import(guide, imported, table_number=1, user=None, seen_revision_id=LATEST):
    """A plan to put `imported` in the guide's `table_number`-th salary table (from 1), or
    SalaryImportRefused. `seen_revision_id`: the revision an editor saw the diff against (the
    plan is refused if the guide has a newer one)."""
    problem = refusal(guide, user)
    if problem:
        raise SalaryImportRefused(problem)
    if seen_revision_id is not LATEST and seen_revision_id != guide.latest_revision_id:
        raise changed_since(guide)
    draft = guide.get_latest_revision_as_object()
    positions = salary_table_positions(draft.body)
    if not 1 <= table_number <= len(positions):
        has = f"only {len(positions)}" if positions else "none"
        raise SalaryImportRefused(
            f"'{guide.title}' has no salary table {table_number} (it has {has}): add the table "
            "in the editor first."
        )
    return SalaryImportPlan(
        guide=guide,
        draft=draft,
        table_number=table_number,
        position=positions[table_number - 1],
        imported=imported,
        revision_id=guide.latest_revision_id,
    )


def changed_since(guide):
    return SalaryImportRefused(
        f"'{guide.title}' was changed since this import was prepared (a newer revision was "
        "saved). Nothing was imported: import the file again to see the diff against the "
        "latest version."
    )


def apply_salary_import(plan, user=None):
    """Save the plan as a new draft revision of the guide and return the revision, or
    SalaryImportRefused when the guide got a newer revision since the plan was made (its edit
    is never overwritten)."""
    with transaction.atomic():
        current = (
            RoleGuidePage.objects.select_for_update()
            .values_list("latest_revision_id", flat=True)
            .get(pk=plan.guide.pk)
        )
        if current != plan.revision_id:
            raise changed_since(plan.guide)
        stream_id = plan.draft.body[plan.position].id
        plan.draft.body[plan.position] = (SALARY_TABLE, plan.new_table(), stream_id)
        # The table was cleaned by its block; the rest of the draft is as its editor saved it.
        return plan.draft.save_revision(user=user, log_action=True, clean=False)
