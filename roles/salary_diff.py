"""How one salary table differs from another: row by row, as a % change on each end.

One comparison serves every place that shows a difference: the salary panel of a new
edition (this year against last year), the preview of a salary import (the file against
the draft) and `SalaryRow.changeFromPreviousEdition` in the API.

Rows are paired by level ('Entry-Level' with 'entry-level '), so inserting a level does not
shift every comparison below it. A row's pay is its base salary, or its monthly intern pay
when it has no base salary; two rows are compared only when both have the same kind of pay
in the same currency. A change of currency or of the kind of pay, and an amount where there
was 0, have no % change but are flagged (`PayMismatch`).
"""

from dataclasses import dataclass
from enum import Enum

from roles.salary import SalaryRow, table_rows

DEFAULT_FLAG_PERCENT = 30

BASE_SALARY = "base salary"
INTERN_MONTHLY = "intern pay"


def level_key(level):
    """Levels match whatever their case and spacing."""
    return " ".join((level or "").split()).casefold()


def percent_change(old, new):
    """The change from `old` to `new` in %, to one decimal; None when there is no base."""
    if old is None or new is None or old == 0:
        return None
    return round((new - old) * 100 / old, 1)


def pay(row):
    """(kind, low, high) of the pay a row shows; kind is None when the row shows none."""
    if row.base_salary_min is not None or row.base_salary_max is not None:
        return BASE_SALARY, row.base_salary_min, row.base_salary_max
    if row.intern_monthly_min is not None or row.intern_monthly_max is not None:
        return INTERN_MONTHLY, row.intern_monthly_min, row.intern_monthly_max
    return None, None, None


class PayMismatch(Enum):
    """Why two rows of a level that both show pay have no % change, though they differ."""

    CURRENCY = "currency"
    PAY_KIND = "pay kind"
    FROM_ZERO = "from zero"


def from_zero(old, new):
    return old == 0 and new is not None and new != 0


@dataclass(frozen=True)
class RangeChange:
    """The % change on each end of a pay range (None for an end with nothing to compare)."""

    kind: str
    min: float | None
    max: float | None

    def largest(self):
        return max((abs(end) for end in (self.min, self.max) if end is not None), default=0)


@dataclass(frozen=True)
class RowComparison:
    """A level as it was (`before`) and as it is (`after`); either is None when the level
    is only on one side."""

    level: str
    before: SalaryRow | None
    after: SalaryRow | None

    @property
    def levels_match(self):
        return self.before is not None and self.after is not None

    @property
    def change(self):
        """The RangeChange of the row's pay, or None when the two can't be compared."""
        if not self.levels_match or self.before.currency != self.after.currency:
            return None
        kind, old_low, old_high = pay(self.before)
        new_kind, new_low, new_high = pay(self.after)
        if kind is None or kind != new_kind:
            return None
        change = RangeChange(
            kind, percent_change(old_low, new_low), percent_change(old_high, new_high)
        )
        return None if change.min is None and change.max is None else change

    @property
    def mismatch(self):
        """The PayMismatch of two rows that both show pay, or None."""
        if not self.levels_match:
            return None
        kind, old_low, old_high = pay(self.before)
        new_kind, new_low, new_high = pay(self.after)
        if kind is None or new_kind is None:
            return None
        if self.before.currency != self.after.currency:
            return PayMismatch.CURRENCY
        if kind != new_kind:
            return PayMismatch.PAY_KIND
        if from_zero(old_low, new_low) or from_zero(old_high, new_high):
            return PayMismatch.FROM_ZERO
        return None

    def flagged(self, threshold=DEFAULT_FLAG_PERCENT):
        """Worth a second look: the level is only on one side, its pay changed currency or
        kind or went up from 0, or an end moved by more than `threshold` %."""
        if not self.levels_match or self.mismatch is not None:
            return True
        change = self.change
        return change is not None and change.largest() > threshold


def compare_rows(before, after):
    """RowComparisons of two lists of SalaryRows: `after`'s levels in its order, then the
    rows of `before` left unpaired (its levels `after` lacks, and a level's repeats), in its
    order. A level pairs once: with its first row on each side."""
    earlier = {}
    for row in before:
        earlier.setdefault(level_key(row.level), row)
    paired = set()
    comparisons = []
    for row in after:
        key = level_key(row.level)
        match = earlier.get(key) if key not in paired else None
        paired.add(key)
        comparisons.append(RowComparison(row.level, match, row))
    comparisons += [
        RowComparison(row.level, row, None)
        for row in before
        if not (level_key(row.level) in paired and earlier[level_key(row.level)] is row)
    ]
    return comparisons


def salary_tables(body):
    """The values of the salary tables in a guide's body, in order."""
    return [block.value for block in body if block.block_type == "salary_table"]


def compare_tables(before_body, after_body):
    """[(before table or None, after table or None, [RowComparison])] for the salary tables
    of two bodies, paired by position (the first table with the first table)."""
    before_tables, after_tables = salary_tables(before_body), salary_tables(after_body)
    result = []
    for index in range(max(len(before_tables), len(after_tables))):
        old = before_tables[index] if index < len(before_tables) else None
        new = after_tables[index] if index < len(after_tables) else None
        rows = compare_rows(
            table_rows(old) if old is not None else [], table_rows(new) if new is not None else []
        )
        result.append((old, new, rows))
    return result


def signed_percent(change):
    """'+8%', '−10.5%', '0%', '+1,234,567.8%'; '–' when there is nothing to compare."""
    if change is None:
        return "–"
    text = f"{abs(change):,.1f}".removesuffix(".0") + "%"
    return f"+{text}" if change > 0 else f"−{text}" if change < 0 else text


def pay_display(row):
    """What a reader sees of a row's pay, e.g. '$125,000–$175,000' or '$8,000–$12,000/mo'."""
    if row is None:
        return "–"
    kind, _, _ = pay(row)
    shown = row.base_salary_display if kind == BASE_SALARY else row.intern_monthly_display
    return shown or "–"


@dataclass(frozen=True)
class DisplayRow:
    """One line of a salary diff as an editor sees it (the admin's diff template)."""

    level: str
    before: str
    after: str
    change_min: str
    change_max: str
    flagged: bool
    note: str


def mismatch_note(comparison, before_name):
    """What an editor reads about a row's PayMismatch."""
    mismatch = comparison.mismatch
    if mismatch is PayMismatch.CURRENCY:
        return f"Currency changed: {comparison.before.currency} → {comparison.after.currency}."
    if mismatch is PayMismatch.PAY_KIND:
        old_kind, new_kind = pay(comparison.before)[0], pay(comparison.after)[0]
        return f"Pay changed from {old_kind} to {new_kind}."
    return f"New amount where {before_name} had 0."


def display_rows(comparisons, threshold=DEFAULT_FLAG_PERCENT, before_name="before"):
    """DisplayRows of RowComparisons: ranges and signed % changes as text, and why a row is
    flagged (`before_name` names the older side in the notes, e.g. '2026')."""
    shown = []
    for comparison in comparisons:
        change = comparison.change
        if comparison.before is None:
            note = f"New level: not in {before_name}."
        elif comparison.after is None:
            note = f"Level dropped: only in {before_name}."
        elif comparison.mismatch is not None:
            note = mismatch_note(comparison, before_name)
        elif comparison.flagged(threshold):
            note = f"Changed by more than {threshold:g}%."
        else:
            note = ""
        shown.append(
            DisplayRow(
                level=comparison.level,
                before=pay_display(comparison.before),
                after=pay_display(comparison.after),
                change_min=signed_percent(change.min if change else None),
                change_max=signed_percent(change.max if change else None),
                flagged=comparison.flagged(threshold),
                note=note,
            )
        )
    return shown
