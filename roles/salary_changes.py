"""How each served salary row changed since the guide's previous edition:
`SalaryRow.changeFromPreviousEdition`.

grapple resolves a salary table's `rows` from the block's value alone, without the page it
is on. So the guide's `body` resolver (`RoleGuidePage.graphql_body`) notes, per request,
which guide's body it serves at which response path (`note_served_body`). A table's rows
find their guide from their own path: `…/body/<block index>/rows`, the body's path two steps
up. They are served as `PlacedSalaryRow`s, which know their guide, the table's position among
the guide's salary tables and their index in it. The change is worked out once per table
when a row first asks: `roles/salary_diff.py` compares the table with the same-position table
of the guide's previous edition (`roles/edition_loaders.py`, live content), rows paired by
level.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from functools import cached_property
from typing import TYPE_CHECKING

from cms import cache_tags
from cms.api import loaders
from roles.salary import SalaryRow, table_rows
from roles.salary_diff import compare_rows, salary_tables

if TYPE_CHECKING:
    from graphql import GraphQLResolveInfo
    from graphql.pyutils import Path

    from roles.models import RoleGuidePage


@dataclass(frozen=True)
class SalaryChange:
    """A row's pay against the same level of the previous edition: the % change of each
    end (None for an end with nothing to compare), which pay, and the previous year."""

    min: float | None
    max: float | None
    pay: str  # roles.salary_diff.BASE_SALARY or INTERN_MONTHLY
    previous_year: int


def path_key(path: Path) -> tuple[str | int, ...]:
    return tuple(path.as_list())


def served_bodies() -> dict[tuple[str | int, ...], RoleGuidePage]:
    """The request's map from a `body` field's response path to the guide it serves."""
    return loaders.memo("roles.served-bodies", dict)


def note_served_body(info: GraphQLResolveInfo, guide: RoleGuidePage) -> None:
    """`guide`'s body is being served at `info.path` (called by the `body` resolver)."""
    served_bodies()[path_key(info.path)] = guide


@dataclass(eq=False)
class SalaryTablePlace:
    """A salary table served in a guide's body: the guide, the table's position among the
    guide's salary tables, and its rows."""

    guide: RoleGuidePage
    position: int
    rows: list[SalaryRow]

    @cached_property
    def changes(self) -> list[SalaryChange | None]:
        """The change of each row (None where there is nothing to compare)."""
        from roles.edition_loaders import edition_loader

        loader = edition_loader()
        previous = loader.previous_edition(self.guide)
        if previous is None:
            return [None] * len(self.rows)
        loaders.record_tags(cache_tags.object_tag(previous))
        tables = salary_tables(loader.with_body(previous).body)
        before = table_rows(tables[self.position]) if self.position < len(tables) else []
        comparisons = compare_rows(before, self.rows)[: len(self.rows)]
        found = []
        for comparison in comparisons:
            change = comparison.change
            found.append(
                None
                if change is None
                else SalaryChange(change.min, change.max, change.kind, previous.year)
            )
        return found


@dataclass(frozen=True)
class PlacedSalaryRow(SalaryRow):
    """A SalaryRow served in a guide's body, which can say how it changed."""

    place: SalaryTablePlace | None = field(default=None, compare=False, repr=False)
    index: int = field(default=0, compare=False, repr=False)

    @property
    def change_from_previous_edition(self) -> SalaryChange | None:
        return None if self.place is None else self.place.changes[self.index]


def table_place(info: GraphQLResolveInfo, rows: list[SalaryRow]) -> SalaryTablePlace | None:
    """Where the salary table whose `rows` field `info` resolves is served: None when it is
    not served in a guide's body."""
    block_path = info.path.prev
    body_path = block_path.prev if block_path is not None else None
    if body_path is None or not isinstance(block_path.key, int):
        return None
    guide = served_bodies().get(path_key(body_path))
    if guide is None:
        return None
    blocks = list(guide.body)
    if block_path.key >= len(blocks) or blocks[block_path.key].block_type != "salary_table":
        return None
    position = sum(1 for b in blocks[: block_path.key] if b.block_type == "salary_table")
    return SalaryTablePlace(guide, position, rows)


def placed_rows(info: GraphQLResolveInfo, rows: list[SalaryRow]) -> list[SalaryRow]:
    """`rows` of the salary table `info` resolves, each knowing its place when it has one."""
    place = table_place(info, rows)
    if place is None:
        return rows
    names = [f.name for f in fields(SalaryRow)]
    return [
        PlacedSalaryRow(**{name: getattr(row, name) for name in names}, place=place, index=i)
        for i, row in enumerate(rows)
    ]
