"""The comparison of two salary tables that the edition panel, the import preview and the API
share: pairing by level, % change on each end, and what gets flagged."""

import pytest

from roles.salary import SalaryRow
from roles.salary_diff import (
    BASE_SALARY,
    INTERN_MONTHLY,
    PayMismatch,
    compare_rows,
    display_rows,
    percent_change,
    signed_percent,
)


def row(level, low=None, high=None, currency="USD", **amounts):
    return SalaryRow(
        level=level, currency=currency, base_salary_min=low, base_salary_max=high, **amounts
    )


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (100_000, 108_000, 8.0),
        (100_000, 90_000, -10.0),
        (150_000, 200_000, 33.3),
        (3, 2, -33.3),
        (100, 100, 0.0),
        (0, 10, None),
        (None, 10, None),
        (10, None, None),
    ],
)
def test_percent_change(old, new, expected):
    assert percent_change(old, new) == expected


def test_rows_pair_by_level_whatever_the_case_and_spacing_and_order():
    before = [row("Entry-Level", 100_000, 120_000), row("Senior", 200_000, 250_000)]
    after = [row(" senior ", 210_000, 250_000), row("entry-level", 108_000, 120_000)]
    first, second = compare_rows(before, after)
    assert (first.before, first.after) == (before[1], after[0])
    assert (first.change.min, first.change.max, first.change.kind) == (5.0, 0.0, BASE_SALARY)
    assert (second.change.min, second.change.max) == (8.0, 0.0)
    assert not first.flagged() and not second.flagged()


def test_a_level_on_one_side_only_is_flagged_and_has_no_change():
    before = [row("Junior", 90_000, 100_000), row("Mid", 120_000, 150_000)]
    after = [row("Mid", 120_000, 150_000), row("Staff", 250_000, 300_000)]
    mid, staff, junior = compare_rows(before, after)
    assert (mid.level, staff.level, junior.level) == ("Mid", "Staff", "Junior")
    assert mid.levels_match and not mid.flagged()
    assert staff.before is None and staff.change is None and staff.flagged()
    assert junior.after is None and junior.change is None and junior.flagged()


@pytest.mark.parametrize(
    ("new_high", "threshold", "flagged"),
    [(130_000, 30, False), (131_000, 30, True), (131_000, 31, False), (60_000, 30, True)],
)
def test_a_change_beyond_the_threshold_on_either_end_is_flagged(new_high, threshold, flagged):
    (comparison,) = compare_rows([row("Mid", 90_000, 100_000)], [row("Mid", 90_000, new_high)])
    assert comparison.flagged(threshold) is flagged


def test_intern_pay_is_compared_when_there_is_no_base_salary():
    before = [row("Intern", intern_monthly_min=6_000, intern_monthly_max=8_000)]
    after = [row("Intern", intern_monthly_min=6_600, intern_monthly_max=8_000)]
    (comparison,) = compare_rows(before, after)
    assert (comparison.change.kind, comparison.change.min, comparison.change.max) == (
        INTERN_MONTHLY,
        10.0,
        0.0,
    )


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (row("Mid", 100, 200, currency="USD"), row("Mid", 100, 200, currency="EUR")),
        (row("Mid", 100, 200), row("Mid", intern_monthly_min=5, intern_monthly_max=8)),
        (row("Mid"), row("Mid")),
        (row("Mid", 0, None), row("Mid", 10, None)),
    ],
    ids=["other currency", "other kind of pay", "no pay", "nothing to divide by"],
)
def test_rows_that_cannot_be_compared_have_no_change(before, after):
    (comparison,) = compare_rows([before], [after])
    assert comparison.levels_match
    assert comparison.change is None


def test_a_level_without_pay_on_either_side_is_not_flagged():
    (comparison,) = compare_rows([row("Mid")], [row("Mid")])
    assert comparison.mismatch is None and not comparison.flagged()


@pytest.mark.parametrize(
    ("before", "after", "mismatch", "note"),
    [
        (
            row("Mid", 100, 200, currency="USD"),
            row("Mid", 100, 200, currency="JPY"),
            PayMismatch.CURRENCY,
            "Currency changed: USD → JPY.",
        ),
        (
            row("Mid", 100, 200),
            row("Mid", intern_monthly_min=5, intern_monthly_max=8),
            PayMismatch.PAY_KIND,
            "Pay changed from base salary to intern pay.",
        ),
        (
            row("Mid", intern_monthly_min=5, intern_monthly_max=8),
            row("Mid", 100, 200),
            PayMismatch.PAY_KIND,
            "Pay changed from intern pay to base salary.",
        ),
        (
            row("Mid", intern_monthly_min=0, intern_monthly_max=0),
            row("Mid", intern_monthly_min=9_000, intern_monthly_max=12_000),
            PayMismatch.FROM_ZERO,
            "New amount where 2026 had 0.",
        ),
        (row("Mid", 100, 0), row("Mid", 100, 500), PayMismatch.FROM_ZERO, None),
    ],
    ids=["currency", "base to intern", "intern to base", "from 0", "one end from 0"],
)
def test_a_change_of_currency_or_kind_of_pay_or_from_0_is_flagged_with_why(
    before, after, mismatch, note
):
    (comparison,) = compare_rows([before], [after])
    assert comparison.mismatch is mismatch
    assert comparison.flagged(threshold=1_000)
    (shown,) = display_rows([comparison], before_name="2026")
    assert shown.flagged
    assert shown.note == (note or "New amount where 2026 had 0.")


def test_an_open_end_is_compared_on_the_end_both_have():
    (comparison,) = compare_rows([row("Principal", 300_000)], [row("Principal", 330_000)])
    assert (comparison.change.min, comparison.change.max) == (10.0, None)


def test_a_level_repeated_in_the_old_table_pairs_once_and_its_repeats_are_dropped():
    before = [row("Senior", 100, 200), row("Junior", 50, 60), row("senior", 300, 400)]
    after = [row("Senior", 100, 200)]
    senior, junior, repeat = compare_rows(before, after)
    assert (senior.before, senior.after) == (before[0], after[0])
    assert (junior.before, junior.after) == (before[1], None)
    assert (repeat.level, repeat.before, repeat.after) == ("senior", before[2], None)
    assert repeat.flagged()
    *_, shown = display_rows([senior, junior, repeat], before_name="2026")
    assert (shown.before, shown.note) == ("$300–$400", "Level dropped: only in 2026.")


def test_a_level_repeated_in_the_new_table_pairs_once():
    before = [row("Mid", 100, 200)]
    after = [row("Mid", 100, 200), row("mid", 150, 250)]
    first, second = compare_rows(before, after)
    assert first.levels_match and not second.levels_match and second.flagged()


def test_display_rows_show_ranges_signed_changes_and_why_a_row_is_flagged():
    before = [row("Entry", 100_000, 120_000), row("Lead", 200_000, 250_000)]
    after = [
        row("Entry", 108_000, 120_000),
        row("Intern", intern_monthly_min=6_000, intern_monthly_max=8_000),
        row("Lead", 150_000, 250_000),
    ]
    entry, intern, lead = display_rows(compare_rows(before, after), 30, before_name="2026")
    assert (entry.before, entry.after) == ("$100,000–$120,000", "$108,000–$120,000")
    assert (entry.change_min, entry.change_max, entry.flagged, entry.note) == (
        "+8%",
        "0%",
        False,
        "",
    )
    assert (intern.before, intern.after, intern.change_min) == ("–", "$6,000–$8,000/mo", "–")
    assert intern.flagged and intern.note == "New level: not in 2026."
    assert (lead.change_min, lead.flagged, lead.note) == ("−25%", False, "")
    (dropped,) = display_rows(compare_rows(before[:1], []), before_name="2026")
    assert dropped.flagged and dropped.note == "Level dropped: only in 2026."


@pytest.mark.parametrize(
    ("change", "text"),
    [
        (8.0, "+8%"),
        (-10.5, "−10.5%"),
        (0.0, "0%"),
        (1_234_567.8, "+1,234,567.8%"),
        (999_999_900.0, "+999,999,900%"),
        (-2_500.0, "−2,500%"),
        (None, "–"),
    ],
)
def test_signed_percent_has_a_sign_separators_and_at_most_one_decimal(change, text):
    assert signed_percent(change) == text
