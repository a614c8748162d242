"""Display strings are derived from the stored integers, never typed twice."""

import pytest

from roles import block_values as values
from roles.salary import SalaryRow, format_money_range, format_range
from roles.salary_import import salary_table_block


@pytest.mark.parametrize(
    ("low", "high", "currency", "expected"),
    [
        (125000, 175000, "USD", "$125,000–$175,000"),
        (245000, None, "USD", "$245,000+"),
        (None, 90000, "EUR", "up to €90,000"),
        (50000, 50000, "GBP", "£50,000"),
        (None, None, "USD", None),
        (1000, 2000, "CHF", "CHF 1,000–CHF 2,000"),
    ],
)
def test_money_ranges(low, high, currency, expected):
    assert format_money_range(low, high, currency) == expected


def test_percent_and_year_ranges():
    assert format_range(20, 40, prefix="+", suffix="%") == "+20–40%"
    assert format_range(0, 2) == "0–2"
    assert format_range(8, None) == "8+"


def test_a_row_derives_every_display_string():
    row = SalaryRow(
        level="Entry-Level",
        currency="USD",
        experience_min_years=0,
        experience_max_years=2,
        base_salary_min=125000,
        base_salary_max=175000,
        equity_bonus_percent_min=20,
        equity_bonus_percent_max=40,
    )
    assert row.level_display == "Entry-Level (0–2 yrs)"
    assert row.base_salary_display == "$125,000–$175,000"
    assert row.equity_bonus_display == "+20–40%"
    assert row.intern_monthly_display is None


def test_an_intern_row():
    row = SalaryRow(
        level="Intern", currency="USD", intern_monthly_min=8000, intern_monthly_max=12000
    )
    assert row.level_display == "Intern"
    assert row.intern_monthly_display == "$8,000–$12,000/mo"
    assert row.base_salary_display is None and row.experience_display is None


def test_a_table_of_years_and_equity_only_needs_no_currency():
    """Only amounts of money need a currency: years of experience and equity/bonus
    percentages do not."""
    block = salary_table_block()
    row = values.salary_row(
        "Junior",
        experience_min_years=0,
        experience_max_years=2,
        equity_bonus_percent_min=5,
        equity_bonus_percent_max=10,
    )
    table = values.salary_table([row], currency="")["value"]

    cleaned = block.clean(block.to_python(table))

    assert cleaned["currency"] == ""
