"""Salary import files for the tests, written as a spreadsheet writes them, and the guide they
go into."""

import csv
import io

from roles import block_values as values
from tests.factories import make_guide

# The documented header (docs/salary-import.md), in its documented order.
HEADER = [
    "level",
    "years_from",
    "years_to",
    "base_min",
    "base_max",
    "equity_bonus_pct_min",
    "equity_bonus_pct_max",
    "intern_monthly_min",
    "intern_monthly_max",
    "currency",
    "source",
    "as_of_year",
]
TABLE_CELLS = {"currency": "USD", "source": "Survey 2027.", "as_of_year": "2027"}


def cells(level, header=HEADER, **values_):
    """A row's cells under `header`; the table's cells default to TABLE_CELLS."""
    given = {**TABLE_CELLS, "level": level, **values_}
    return ["" if given.get(name) is None else str(given.get(name, "")) for name in header]


def csv_bytes(*rows, header=HEADER, delimiter=",", bom=False):
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    data = out.getvalue().encode()
    return b"\xef\xbb\xbf" + data if bom else data


# Next year's figures for the guide below: Junior +10% / +0%, Senior +40% (flagged), Intern new.
NEW_ROWS = [
    cells("Junior", years_from=0, years_to=2, base_min=110000, base_max=150000),
    cells(
        "Senior",
        years_from=5,
        years_to=8,
        base_min=280000,
        base_max=350000,
        equity_bonus_pct_min=20,
        equity_bonus_pct_max=40,
    ),
    cells("Intern", intern_monthly_min=7000, intern_monthly_max=9000),
]


def old_table(heading="Pay by level"):
    rows = [
        values.salary_row(
            "Junior",
            experience_min_years=0,
            experience_max_years=2,
            base_salary_min=100000,
            base_salary_max=150000,
        ),
        values.salary_row("Senior", base_salary_min=200000, base_salary_max=250000),
    ]
    return values.salary_table(rows, heading=heading, source_note="Survey 2026.", as_of_year=2026)


def make_paid_guide(index, slug="data-engineer-2026", tables=1, **fields):
    """A live guide with a section and `tables` salary tables of `old_table()`."""
    body = [values.section("About", "<p>Text.</p>")]
    body += [old_table(heading=f"Pay {n}" if n else "Pay by level") for n in range(tables)]
    return make_guide(index, slug, body=body, **fields)
