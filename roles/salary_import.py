"""Read a salary table from a CSV file (docs/salary-import.md), checked by the block's own rules.

The file's cells are handed to `SalaryTableBlock.clean` (the rules an editor meets in the admin:
bounds from `SalaryRow`'s metadata, ordered ranges, a currency once there is money, at most the
block's number of rows); this module only reads the file and says where a problem is, as
`line N, <column>: message` with the file's own line numbers (the header is line 1).
Every problem in the file is reported at once, and a table is returned only when there is none.
"""

import codecs
import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from wagtail import blocks

from roles.models import RoleGuidePage
from roles.salary import row_fields, table_rows

MAX_FILE_BYTES = 64 * 1024
# How much of a header cell a problem quotes.
SHOWN_HEADER_LENGTH = 40

# The CSV name of each SalaryRow field (a new field without one fails here, at import).
ROW_FIELD_COLUMNS = {
    "level": "level",
    "experience_min_years": "years_from",
    "experience_max_years": "years_to",
    "base_salary_min": "base_min",
    "base_salary_max": "base_max",
    "equity_bonus_percent_min": "equity_bonus_pct_min",
    "equity_bonus_percent_max": "equity_bonus_pct_max",
    "intern_monthly_min": "intern_monthly_min",
    "intern_monthly_max": "intern_monthly_max",
}
# Columns that hold the table's own values: every row repeats them.
TABLE_FIELD_COLUMNS = {"currency": "currency", "source_note": "source", "as_of_year": "as_of_year"}

# A whole number, with thousands separated by commas or not: 125000, 125,000, -5 (the block
# then says why -5 is refused). Not 12.5, 125.000, 1,00, $125,000 or 20%.
WHOLE_NUMBER = re.compile(r"-?(?:\d+|\d{1,3}(?:,\d{3})+)")


def salary_table_block():
    """The guide body's salary table block: its rules are the import's rules."""
    return RoleGuidePage._meta.get_field("body").stream_block.child_blocks["salary_table"]


@dataclass(frozen=True)
class Column:
    """A column of the file: its CSV name and the block field it fills."""

    name: str
    field: str
    per_table: bool
    whole_number: bool


def columns():
    """Every column, in the documented order: the row's fields, then the table's."""
    table_block = salary_table_block()
    row_block = table_block.child_blocks["rows"].child_block
    found = [
        Column(
            ROW_FIELD_COLUMNS[f.name],
            f.name,
            per_table=False,
            whole_number=isinstance(row_block.child_blocks[f.name], blocks.IntegerBlock),
        )
        for f in row_fields()
    ]
    for field_name, name in TABLE_FIELD_COLUMNS.items():
        block = table_block.child_blocks[field_name]
        found.append(Column(name, field_name, True, isinstance(block, blocks.IntegerBlock)))
    return found


def column_key(header):
    """'Equity/bonus % min', 'EQUITY_BONUS_PCT_MIN' and 'equity bonus pct min' are one column."""
    words = re.findall(r"[a-z0-9]+", header.casefold().replace("%", " pct "))
    return "_".join(words)


def columns_by_key():
    """Each column under its CSV name and under its SalaryRow/block field name."""
    return {key: column for column in columns() for key in (column.name, column.field)}


@dataclass(frozen=True)
class Problem:
    """What is wrong, and where: a line of the file (None for the whole file) and a column."""

    line: int | None
    column: str | None
    message: str
    position: int = field(default=0, compare=False)  # the column's place, to sort a line's

    def __str__(self):
        where = [f"line {self.line}"] if self.line is not None else []
        if self.column:
            where.append(self.column)
        return f"{', '.join(where)}: {self.message}" if where else self.message


class SalaryImportError(Exception):
    """The file cannot be imported; `problems` lists every reason, in file order."""

    def __init__(self, problems):
        self.problems = sorted(problems, key=lambda p: (p.line or 0, p.position))
        super().__init__("\n".join(str(problem) for problem in self.problems))


@dataclass(frozen=True)
class ImportedTable:
    """A salary table read from a file and cleaned by the block: `value` is the block's value
    (its heading left blank: an import keeps the guide's heading)."""

    value: blocks.StructValue

    @property
    def rows(self):
        return table_rows(self.value)


def decode(data):
    """The file's text: UTF-8, with or without a byte order mark."""
    if len(data) > MAX_FILE_BYTES:
        raise SalaryImportError(
            [Problem(None, None, f"The file is larger than {MAX_FILE_BYTES // 1024} KB.")]
        )
    try:
        return codecs.decode(data, "utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        message = "the file is not UTF-8 text (save it as 'CSV UTF-8')."
        raise SalaryImportError([Problem(line, None, message)]) from None


# Excel writes a first line `sep=;` to name the separator of the lines below it.
SEPARATOR_LINE = re.compile(r"^sep=([,;])$", re.IGNORECASE)


def first_line(text):
    """The first line that is not blank (blank lines above the header are allowed)."""
    return next((line.strip() for line in text.splitlines() if line.strip()), "")


def delimiter(text):
    """The separator a `sep=` line names; else ',' unless the header line is plainly separated
    by ';' (and has no comma at all)."""
    header = first_line(text)
    named = SEPARATOR_LINE.match(header)
    if named:
        return named.group(1)
    if ";" not in header or "," in header:
        return ","
    try:
        return csv.Sniffer().sniff(header, delimiters=",;").delimiter
    except csv.Error:
        return ","


def records(text):
    """(line number, cells) of every record, multi-line quoted cells included; blank records
    (a blank line, or a row of empty cells) and a leading `sep=` line are left out."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter(text), strict=True)
    skip_separator_line = bool(SEPARATOR_LINE.match(first_line(text)))
    line = 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise SalaryImportError([Problem(line, None, f"not valid CSV ({error}).")]) from None
        if any(cell.strip() for cell in cells):
            if skip_separator_line:
                skip_separator_line = False
            else:
                yield line, cells
        line = reader.line_num + 1


def shown_header(header, limit=SHOWN_HEADER_LENGTH):
    """A header cell as a problem quotes it: stripped, each control or format character as
    '?', and cut to `limit` characters with '…'."""
    text = "".join(
        "?" if unicodedata.category(char).startswith("C") else char for char in header.strip()
    )
    return text if len(text) <= limit else text[:limit] + "…"


def read_header(line, cells):
    """[(column, header as written)] in the file's order, or the problems with the header."""
    known = columns_by_key()
    problems, found, seen = [], [], {}
    for header in cells:
        column = known.get(column_key(header))
        if column is None:
            problems.append(Problem(line, None, f"unknown column '{shown_header(header)}'."))
        elif column.name in seen:
            message = f"'{shown_header(header)}' repeats the column '{seen[column.name]}'."
            problems.append(Problem(line, None, message))
        else:
            seen[column.name] = shown_header(header)
            found.append((column, shown_header(header)))
    missing = [column.name for column in columns() if column.name not in seen]
    if missing:
        problems.append(Problem(line, None, f"missing column(s): {', '.join(missing)}."))
    if problems:
        expected = ", ".join(column.name for column in columns())
        problems.append(Problem(line, None, f"the header must name these columns: {expected}."))
        raise SalaryImportError(problems)
    return found


def cell_value(column, cell):
    """The cell as the block reads it; raises ValueError for a malformed whole number."""
    cell = cell.strip()
    if column.field == "currency":
        return cell.upper()
    if not column.whole_number or not cell:
        return cell
    if not WHOLE_NUMBER.fullmatch(cell):
        raise ValueError(f"'{cell}' is not a whole number (e.g. 125000 or \"125,000\").")
    return cell.replace(",", "")


class TableReader:
    """Collects the cells of every row and every problem, then lets the block clean them."""

    def __init__(self, header_line, header):
        self.header_line = header_line
        self.header = header
        self.spelling = {column.field: written for column, written in header}
        self.position = {column.field: place for place, (column, _) in enumerate(header, 1)}
        self.rows, self.lines, self.problems = [], [], []
        self.table = {}  # field -> (value, line it was first read on)
        self.disagreed = set()  # table fields whose first disagreeing row is reported

    def report(self, line, field, message):
        """A problem on `line` (None: the whole file), in the column of `field` (None: the
        whole line)."""
        column, place = self.spelling.get(field), self.position.get(field, 0)
        self.problems.append(Problem(line, column, message, place))

    def add(self, line, cells):
        if len(cells) != len(self.header):
            message = f"{len(cells)} cells, but the header has {len(self.header)} columns."
            self.report(line, None, message)
            return
        row = {}
        for (column, _), cell in zip(self.header, cells, strict=True):
            try:
                value = cell_value(column, cell)
            except ValueError as error:
                self.report(line, column.field, str(error))
                value = ""
            if column.per_table:
                self.agree(line, column.field, value)
            else:
                row[column.field] = value
        self.rows.append(row)
        self.lines.append(line)

    def agree(self, line, field, value):
        """The table's values are the first row's; the first row that differs is a problem."""
        if field not in self.table:
            self.table[field] = (value, line)
            return
        first, first_line = self.table[field]
        if value != first and field not in self.disagreed:
            self.disagreed.add(field)
            message = (
                f"'{value}' differs from '{first}' on line {first_line}: every row repeats "
                f"the table's {self.spelling[field]}."
            )
            self.report(line, field, message)

    def cleaned(self):
        """The block's value of the table, or SalaryImportError with every problem."""
        if not self.rows and not self.problems:
            self.report(self.header_line, None, "no rows under the header.")
        if not self.rows:
            raise SalaryImportError(self.problems)
        table_block = salary_table_block()
        raw = {"heading": "", "rows": self.rows}
        raw.update({field: value for field, (value, _) in self.table.items()})
        try:
            value = table_block.clean(table_block.to_python(raw))
        except ValidationError as error:
            self.report_block_errors(error)
        if self.problems:
            raise SalaryImportError(self.problems)
        return value

    def report_block_errors(self, error):
        """The block's errors, each at its row's line and column."""
        for name, field_error in getattr(error, "block_errors", {}).items():
            if name != "rows":
                line = self.table[name][1] if name in self.table else self.lines[0]
                self.report(line, name, messages(field_error))
                continue
            for index, row_error in getattr(field_error, "block_errors", {}).items():
                for cell_name, cell_error in getattr(row_error, "block_errors", {}).items():
                    self.report(self.lines[index], cell_name, messages(cell_error))
            self.report_whole(field_error)
        self.report_whole(error)

    def report_whole(self, error):
        if hasattr(error, "non_block_errors"):
            for other in error.non_block_errors.as_data():
                self.report(None, None, messages(other))


def messages(error):
    return " ".join(error.messages)


def read_salary_csv(data):
    """The salary table in `data` (the file's bytes), or SalaryImportError listing every
    problem with its line and column."""
    found = records(decode(data))
    first = next(found, None)
    if first is None:
        raise SalaryImportError([Problem(None, None, "The file is empty.")])
    reader = TableReader(first[0], read_header(*first))
    max_rows = salary_table_block().child_blocks["rows"].meta.max_num
    for number, (line, cells) in enumerate(found, start=1):
        if number > max_rows:
            message = f"a salary table has at most {max_rows} rows; this is row {number}."
            reader.report(line, None, message)
            break
        reader.add(line, cells)
    return ImportedTable(reader.cleaned())
