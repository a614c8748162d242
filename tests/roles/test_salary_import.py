"""Salary data import from a CSV file: the file is read by the salary table block's own rules,
every problem is named by line and column, and `import_salaries` saves a new draft revision
(never published) or nothing at all."""

import io
from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.utils import timezone
from wagtail.models import GroupPagePermission, Page, PageLogEntry

from home.models import HomePage
from roles.models import RoleGuidePage, RoleIndexPage
from roles.salary import SalaryRow, row_fields, table_rows
from roles.salary_import import (
    MAX_FILE_BYTES,
    SalaryImportError,
    columns,
    read_salary_csv,
    salary_table_block,
)
from roles.salary_import_draft import SalaryImportRefused, apply_salary_import, plan_salary_import
from tests.roles.salary_csv import HEADER, NEW_ROWS, cells, csv_bytes, make_paid_guide

EXAMPLE_CSV = Path(__file__).resolve().parents[2] / "docs" / "salary-import-example.csv"

PAY_QUERY = """query($slug: String!) { roleGuide(slug: $slug) { body {
  ... on SalaryTableBlock { heading currency sourceNote asOfYear rows { level baseSalaryMin } }
} } }"""


def problems_of(data):
    with pytest.raises(SalaryImportError) as raised:
        read_salary_csv(data)
    return [str(problem) for problem in raised.value.problems]


def junior(level="Junior", **changes):
    given = {"years_from": 0, "years_to": 2, "base_min": 100000, "base_max": 150000}
    return cells(level, **{**given, **changes})


# Reading a file


def test_every_row_field_and_table_value_has_a_column():
    block_fields = {name for name in salary_table_block().child_blocks if name != "rows"}
    row_names = {f.name for f in row_fields()}
    read = {column.field for column in columns()}
    assert read == row_names | (block_fields - {"heading"})
    assert [column.name for column in columns()] == HEADER


def test_a_valid_file_gives_the_blocks_value():
    table = read_salary_csv(csv_bytes(*NEW_ROWS))
    assert table.rows[0] == SalaryRow(
        level="Junior",
        currency="USD",
        experience_min_years=0,
        experience_max_years=2,
        base_salary_min=110000,
        base_salary_max=150000,
    )
    assert table.rows[2].intern_monthly_max == 9000
    assert table.rows[2].base_salary_min is None  # an empty cell is no value
    assert (table.value["currency"], table.value["source_note"]) == ("USD", "Survey 2027.")
    assert table.value["as_of_year"] == 2027


def test_headers_are_read_whatever_their_case_spacing_and_order_and_field_names_too():
    readable = [
        "Equity/bonus % max",
        "LEVEL",
        "Years From",
        "years to",
        "Base min",
        "base_salary_max",  # SalaryRow's own name
        "equity bonus pct min",
        "Intern monthly min",
        "intern-monthly-max",
        "As-of year",
        "Source note",
        "Currency",
    ]
    row = ["40", "Senior", "5", "8", "200000", "250000", "20", "", "", "2027", "Survey.", "eur"]
    table = read_salary_csv(csv_bytes(row, header=readable))
    (senior,) = table.rows
    assert (senior.level, senior.base_salary_max, senior.equity_bonus_percent_max) == (
        "Senior",
        250000,
        40,
    )
    assert (senior.currency, table.value["as_of_year"]) == ("EUR", 2027)


def test_a_byte_order_mark_thousands_separators_and_blank_lines_are_fine():
    data = csv_bytes(junior(base_min="125,000", base_max="1,250,000"), bom=True)
    data += b",,,,,,,,,,,\r\n\r\n"  # a spreadsheet's empty rows
    (row,) = read_salary_csv(data).rows
    assert (row.base_salary_min, row.base_salary_max) == (125000, 1250000)


def test_a_semicolon_separated_file_is_read_when_its_header_says_so():
    table = read_salary_csv(csv_bytes(junior(base_min="125,000"), delimiter=";"))
    assert table.rows[0].base_salary_min == 125000


def test_blank_lines_above_a_semicolon_separated_header_are_fine():
    data = b"\r\n\r\n" + csv_bytes(junior(base_min="125,000"), delimiter=";")
    assert read_salary_csv(data).rows[0].base_salary_min == 125000


@pytest.mark.parametrize("separator", [";", ","])
def test_a_separator_line_from_excel_names_the_separator(separator):
    data = f"sep={separator}\r\n".encode() + csv_bytes(junior(), delimiter=separator)
    assert read_salary_csv(data).rows[0].base_salary_max == 150000


def test_a_separator_line_naming_another_separator_is_a_header_like_any_other():
    data = b"sep=|\r\n" + csv_bytes(junior())
    assert "line 1: unknown column 'sep=|'." in problems_of(data)


def test_line_numbers_count_the_separator_line():
    data = b"sep=;\r\n" + csv_bytes(junior(base_min="abc"), delimiter=";")
    (problem,) = problems_of(data)
    assert problem.startswith("line 3, base_min: 'abc' is not a whole number")


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        (junior(base_min="abc"), "line 2, base_min: 'abc' is not a whole number"),
        (junior(base_min="12.5"), "line 2, base_min: '12.5' is not a whole number"),
        (junior(base_min="125.000"), "line 2, base_min: '125.000' is not a whole number"),
        (junior(base_min="1,00"), "line 2, base_min: '1,00' is not a whole number"),
        (junior(base_min="$125,000"), "line 2, base_min: '$125,000' is not a whole number"),
        (junior(base_min=-5), "line 2, base_min: Ensure this value is greater than or equal to 0"),
        (junior(base_max=10_000_001), "line 2, base_max: Ensure this value is less than or equal"),
        (junior(years_to=51), "line 2, years_to: Ensure this value is less than or equal to 50"),
        (junior(years_from=3, years_to=1), "line 2, years_to: The experience maximum (1) must"),
        (
            junior(base_min=200000, base_max=100000),
            "line 2, base_max: The base salary maximum (100,000) must not be below",
        ),
        (
            junior(equity_bonus_pct_min=50, equity_bonus_pct_max=10),
            "line 2, equity_bonus_pct_max: The equity/bonus maximum (10) must not be below",
        ),
        (
            cells("Intern", intern_monthly_min=9000, intern_monthly_max=1_000_001),
            "line 2, intern_monthly_max: Ensure this value is less than or equal to 1000000",
        ),
        (junior(level=""), "line 2, level: This field is required."),
        (junior(level="x" * 81), "line 2, level: Ensure this value has at most 80 characters"),
        (junior(currency="XYZ"), "line 2, currency: Select a valid choice. XYZ is not one"),
        (junior(currency=""), "line 2, currency: Choose the currency the amounts are in."),
        (junior(as_of_year=1999), "line 2, as_of_year: Ensure this value is greater than or"),
        (junior(source="s" * 301), "line 2, source: Ensure this value has at most 300 characters"),
        (junior()[:-1], "line 2: 11 cells, but the header has 12 columns."),
        (junior() + [""], "line 2: 13 cells, but the header has 12 columns."),
    ],
)
def test_a_bad_row_is_named_by_line_and_column(row, expected):
    problems = problems_of(csv_bytes(row))
    assert len(problems) == 1, problems
    assert problems[0].startswith(expected), problems


def test_every_problem_of_every_row_is_reported_in_file_order():
    data = csv_bytes(
        junior(),
        junior(level="Mid", base_min="abc", base_max=-1),
        junior(level="Senior"),
        junior(level="Staff", years_from=9, years_to=3),
    )
    assert problems_of(data) == [
        "line 3, base_min: 'abc' is not a whole number (e.g. 125000 or \"125,000\").",
        "line 3, base_max: Ensure this value is greater than or equal to 0.",
        "line 5, years_to: The experience maximum (3) must not be below the minimum (9).",
    ]


def test_line_numbers_are_the_files_even_after_a_cell_on_several_lines():
    data = csv_bytes(
        junior(level="Junior\nengineer"),  # a quoted cell holding a line break: lines 2-3
        junior(level="Mid", base_min="x"),
    )
    assert problems_of(data) == [
        "line 4, base_min: 'x' is not a whole number (e.g. 125000 or \"125,000\")."
    ]


def test_the_column_is_named_as_the_file_spells_it():
    header = [name.replace("_", " ").title() for name in HEADER]
    data = csv_bytes(junior(base_min="abc"), header=header)
    assert problems_of(data)[0].startswith("line 2, Base Min: 'abc'")


def test_the_tables_values_must_agree_on_every_row_and_the_first_disagreement_is_named():
    data = csv_bytes(
        junior(),
        junior(level="Mid", currency="EUR", as_of_year=2026),
        junior(level="Senior", currency="GBP"),
    )
    assert problems_of(data) == [
        "line 3, currency: 'EUR' differs from 'USD' on line 2: every row repeats the table's "
        "currency.",
        "line 3, as_of_year: '2026' differs from '2027' on line 2: every row repeats the "
        "table's as_of_year.",
    ]


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (HEADER + ["bonus"], "line 1: unknown column 'bonus'."),
        (HEADER[:-1], "line 1: missing column(s): as_of_year."),
        (HEADER + ["Base Min"], "line 1: 'Base Min' repeats the column 'base_min'."),
        (HEADER + ["x" * 41], f"line 1: unknown column '{'x' * 40}…'."),
        (HEADER + ["\x00" * 100], f"line 1: unknown column '{'?' * 40}…'."),
        (HEADER + ["bo\x1bnus\u200b"], "line 1: unknown column 'bo?nus?'."),
        (
            HEADER + ["base" + "\x00" * 5000 + "min"],
            f"line 1: 'base{'?' * 36}…' repeats the column 'base_min'.",
        ),
    ],
    ids=[
        "unknown",
        "missing",
        "repeated",
        "long",
        "control characters",
        "format character",
        "long repeat",
    ],
)
def test_header_problems(header, expected):
    row = cells("Junior", header=header)
    problems = problems_of(csv_bytes(row, header=header))
    assert problems[0] == expected
    assert problems[-1].startswith("line 1: the header must name these columns: level, years_")


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", "The file is empty."),
        (b"\xef\xbb\xbf\r\n\r\n", "The file is empty."),
        (csv_bytes(), "line 1: no rows under the header."),
        (
            csv_bytes(junior()) + "Mid,0,2,1,2,,,,,USD,Caf\xe9,2027\r\n".encode("latin-1"),
            "line 3: the file is not UTF-8 text (save it as 'CSV UTF-8').",
        ),
        (
            csv_bytes(junior()) + b'"Mid"x,0\r\n',
            "line 3: not valid CSV (',' expected after '\"').",
        ),
    ],
)
def test_file_problems(data, expected):
    assert problems_of(data) == [expected]


def test_at_most_the_blocks_number_of_rows():
    most = salary_table_block().child_blocks["rows"].meta.max_num
    assert most == 15
    rows = [junior(level=f"Level {n}") for n in range(most)]
    assert len(read_salary_csv(csv_bytes(*rows)).rows) == most
    problems = problems_of(csv_bytes(*rows, junior(level="One more")))
    assert problems == ["line 17: a salary table has at most 15 rows; this is row 16."]


def test_a_file_past_the_size_cap_is_refused_before_it_is_read():
    padding = junior(source="s" * 200)
    rows = [padding] * (MAX_FILE_BYTES // 200)
    data = csv_bytes(*rows)
    assert len(data) > MAX_FILE_BYTES
    assert problems_of(data) == ["The file is larger than 64 KB."]


# The command


def run(*args, **options):
    out = io.StringIO()
    call_command("import_salaries", *args, stdout=out, **options)
    return out.getvalue()


@pytest.fixture
def csv_file(tmp_path):
    def write(*rows, data=None):
        path = tmp_path / "pay.csv"
        path.write_bytes(data if data is not None else csv_bytes(*rows))
        return str(path)

    return write


@pytest.fixture
def guide(roles_index):
    return make_paid_guide(roles_index)


def served_table(gql, slug="data-engineer-2026"):
    body = gql(PAY_QUERY, {"slug": slug})["roleGuide"]["body"]
    return [block for block in body if block][0]


def latest_tables(guide):
    guide.refresh_from_db()
    body = guide.get_latest_revision_as_object().body
    return [block.value for block in body if block.block_type == "salary_table"]


def test_the_import_is_a_new_draft_revision_and_the_live_guide_is_unchanged_until_published(
    guide, csv_file, gql
):
    revisions = guide.revisions.count()
    out = run(csv_file(*NEW_ROWS), guide="data-engineer-2026")

    guide.refresh_from_db()
    assert guide.revisions.count() == revisions + 1
    assert guide.live and guide.has_unpublished_changes
    (table,) = latest_tables(guide)
    assert table_rows(table) == read_salary_csv(csv_bytes(*NEW_ROWS)).rows
    assert table["heading"] == "Pay by level"  # kept
    assert (table["source_note"], table["as_of_year"]) == ("Survey 2027.", 2027)
    assert "nothing was published" in out
    assert "live guide keeps its old figures" in out

    live = served_table(gql)
    assert [row["baseSalaryMin"] for row in live["rows"]] == [100000, 200000]
    assert (live["sourceNote"], live["asOfYear"]) == ("Survey 2026.", 2026)

    guide.latest_revision.publish()
    published = served_table(gql)
    assert [row["level"] for row in published["rows"]] == ["Junior", "Senior", "Intern"]
    assert [row["baseSalaryMin"] for row in published["rows"]] == [110000, 280000, None]
    assert published["heading"] == "Pay by level"


def test_the_revision_is_logged_as_an_edit_by_the_user(guide, csv_file):
    get_user_model().objects.create_superuser("ana", "ana@example.com", "pw")
    run(csv_file(*NEW_ROWS), guide="data-engineer-2026", user="ana")
    guide.refresh_from_db()
    assert guide.latest_revision.user.username == "ana"
    log = PageLogEntry.objects.filter(page=guide).latest("timestamp")
    assert (log.action, log.user.username, log.revision_id) == (
        "wagtail.edit",
        "ana",
        guide.latest_revision_id,
    )


def test_the_diff_is_printed_with_the_change_on_each_end_and_flags(guide, csv_file):
    out = run(csv_file(*NEW_ROWS), guide="data-engineer-2026")
    lines = out.splitlines()
    assert lines[0] == (
        "Salary table 1 of 'Guide data-engineer-2026' (/home-test/roles/data-engineer-2026/): "
        "live against the file."
    )
    assert lines[1].split() == ["Level", "Live", "File", "Lower", "end", "Upper", "end", "Check"]
    assert lines[2].split() == ["Junior", "$100,000–$150,000", "$110,000–$150,000", "+10%", "0%"]
    assert lines[3].split()[:5] == [
        "Senior",
        "$200,000–$250,000",
        "$280,000–$350,000",
        "+40%",
        "+40%",
    ]
    assert lines[3].endswith("Changed by more than 30%.")
    assert lines[4].endswith("New level: not in live.")
    assert "Source: Survey 2026. → Survey 2027." in out
    assert "As of year: 2026 → 2027" in out


def test_a_dry_run_prints_the_diff_and_saves_nothing(guide, csv_file):
    revisions = guide.revisions.count()
    out = run(csv_file(*NEW_ROWS), guide="data-engineer-2026", dry_run=True)
    assert "+10%" in out
    assert "Dry run: nothing saved." in out
    guide.refresh_from_db()
    assert guide.revisions.count() == revisions
    assert not guide.has_unpublished_changes


def test_the_draft_is_what_gets_updated_when_there_is_one(guide, csv_file):
    draft = guide.get_latest_revision_as_object()
    draft.title = "A draft title"
    draft.save_revision()
    out = run(csv_file(*NEW_ROWS), guide="data-engineer-2026")
    assert "draft against the file" in out
    guide.refresh_from_db()
    assert guide.get_latest_revision_as_object().title == "A draft title"
    assert guide.title == "Guide data-engineer-2026"  # the live page is untouched


def test_the_nth_table_and_only_it_is_replaced(roles_index, csv_file):
    guide = make_paid_guide(roles_index, tables=2)
    run(csv_file(*NEW_ROWS), guide="data-engineer-2026", table=2)
    first, second = latest_tables(guide)
    assert [row.level for row in table_rows(first)] == ["Junior", "Senior"]
    assert [row.level for row in table_rows(second)] == ["Junior", "Senior", "Intern"]
    assert (first["heading"], second["heading"]) == ("Pay by level", "Pay 1")


def assert_refused(message, *args, page=None, **options):
    """The command stops with `message`, and `page` has no new revision."""
    state = (page.revisions.count(), page.latest_revision_id) if page else None
    with pytest.raises(CommandError) as raised:
        run(*args, **options)
    assert message in str(raised.value), str(raised.value)
    if page is not None:
        page.refresh_from_db()
        assert (page.revisions.count(), page.latest_revision_id) == state
    return str(raised.value)


def test_bad_rows_are_listed_and_nothing_is_saved(guide, csv_file):
    path = csv_file(junior(base_min="abc"), junior(level="Mid", currency="EUR"))
    error = assert_refused("nothing imported", path, page=guide, guide="data-engineer-2026")
    assert error.splitlines()[1:] == [
        "  line 2, base_min: 'abc' is not a whole number (e.g. 125000 or \"125,000\").",
        "  line 3, currency: 'EUR' differs from 'USD' on line 2: every row repeats the "
        "table's currency.",
    ]


def test_a_missing_file(guide, tmp_path):
    missing = str(tmp_path / "nope.csv")
    assert_refused(
        "nope.csv: cannot be read (No such file or directory)", missing, guide="data-engineer-2026"
    )


def test_a_guide_that_is_not_found(guide, csv_file):
    assert_refused("--guide: no role guide has the slug 'nope'", csv_file(*NEW_ROWS), guide="nope")


def test_a_slug_of_several_guides_lists_their_paths(guide, site_tree, csv_file):
    other_home = Page.get_first_root_node().add_child(instance=HomePage(title="B", slug="b"))
    other_roles = other_home.add_child(instance=RoleIndexPage(title="Roles", slug="roles"))
    other = make_paid_guide(other_roles)
    error = assert_refused(
        "more than one role guide has the slug 'data-engineer-2026'",
        csv_file(*NEW_ROWS),
        page=guide,
        guide="data-engineer-2026",
    )
    assert guide.url_path in error and other.url_path in error


def test_a_guide_without_that_table(guide, csv_file):
    assert_refused(
        "has no salary table 2 (it has only 1): add the table in the editor first.",
        csv_file(*NEW_ROWS),
        page=guide,
        guide="data-engineer-2026",
        table=2,
    )


def test_a_locked_guide_is_refused_unless_the_user_holds_the_lock(guide, csv_file):
    owner = get_user_model().objects.create_superuser("owner", "o@example.com", "pw")
    get_user_model().objects.create_superuser("other", "x@example.com", "pw")
    RoleGuidePage.objects.filter(pk=guide.pk).update(locked=True, locked_by=owner)
    path = csv_file(*NEW_ROWS)
    for user in (None, "other"):
        assert_refused(
            "is locked by owner (unlock it in the editor first): nothing can be imported",
            path,
            page=guide,
            guide="data-engineer-2026",
            user=user,
        )
    run(path, guide="data-engineer-2026", user="owner")
    assert latest_tables(guide)[0]["as_of_year"] == 2027


def test_a_user_who_may_not_edit_the_guide_is_refused(guide, csv_file):
    user = get_user_model().objects.create_user("reader", "r@example.com", "pw")
    readers = Group.objects.create(name="Readers")
    user.groups.add(readers)
    GroupPagePermission.objects.create(group=readers, page=guide, permission_type="view")
    assert_refused(
        "reader may not edit 'Guide data-engineer-2026'.",
        csv_file(*NEW_ROWS),
        page=guide,
        guide="data-engineer-2026",
        user="reader",
    )
    assert_refused("--user: there is no user 'ghost'", csv_file(*NEW_ROWS), guide="x", user="ghost")


def test_a_plan_made_before_a_newer_revision_is_not_applied(guide):
    plan = plan_salary_import(guide, read_salary_csv(csv_bytes(*NEW_ROWS)))
    draft = guide.get_latest_revision_as_object()
    draft.title = "Edited meanwhile"
    draft.save_revision()
    with pytest.raises(SalaryImportRefused, match="was changed since this import was prepared"):
        apply_salary_import(plan)
    guide.refresh_from_db()
    assert guide.get_latest_revision_as_object().title == "Edited meanwhile"
    assert table_rows(latest_tables(guide)[0])[0].base_salary_min == 100000


def test_the_example_file_matches_the_demo_guide_and_changes_nothing(db):
    call_command("load_demo_content", stdout=io.StringIO())
    demo = RoleGuidePage.objects.get(slug="mlops-engineer-2026")
    before = latest_tables(demo)
    revisions = demo.revisions.count()

    out = run(str(EXAMPLE_CSV), guide="mlops-engineer-2026")

    assert "nothing to save" in out
    assert demo.revisions.count() == revisions
    assert [table_rows(t) for t in latest_tables(demo)] == [table_rows(t) for t in before]
    imported = read_salary_csv(EXAMPLE_CSV.read_bytes())
    assert imported.rows == table_rows(before[0])
    changes = [line for line in out.splitlines() if "%" in line]
    assert changes and all(line.split()[-2:] == ["0%", "0%"] for line in changes), out


def test_an_unchanged_file_saves_no_revision_even_for_a_draft_guide(roles_index, csv_file):
    guide = make_paid_guide(roles_index, live=False)
    first = run(csv_file(*NEW_ROWS), guide="data-engineer-2026")
    assert "Saved salary table 1" in first and "live guide" not in first
    revisions = guide.revisions.count()
    assert "nothing to save" in run(csv_file(*NEW_ROWS), guide="data-engineer-2026")
    assert guide.revisions.count() == revisions


def test_a_guide_scheduled_for_publishing_is_refused(guide, csv_file):
    draft = guide.get_latest_revision_as_object()
    draft.go_live_at = timezone.now() + timedelta(days=1)
    draft.save_revision().publish()  # publishing a future go-live schedules it
    guide.refresh_from_db()
    assert guide.scheduled_revision is not None
    assert_refused(
        "is scheduled for publishing (cancel the schedule to change it)",
        csv_file(*NEW_ROWS),
        page=guide,
        guide="data-engineer-2026",
    )


def test_an_alias_is_refused_with_the_original_named(guide, roles_index, csv_file):
    guide.create_alias(update_slug="data-engineer-alias")
    alias = RoleGuidePage.objects.get(slug="data-engineer-alias")
    assert_refused(
        f"is an alias: it shows another guide's content. Import into that guide "
        f"({guide.url_path}).",
        csv_file(*NEW_ROWS),
        page=alias,
        guide="data-engineer-alias",
    )
