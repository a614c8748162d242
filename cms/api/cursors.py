"""Cursor (keyset) pagination: a listing read from a cursor costs what its first page costs.

A cursor is opaque to clients: the sort key of the last item a page gave (its order column's
value and its pk), with a version and the listing it belongs to, signed with Django's
`signing` so that a tampered, truncated or foreign cursor is refused (BAD_USER_INPUT) rather
than read. The next page is a range condition on the (order column, pk) index, never an OFFSET.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import graphene
from django.core import signing
from django.db.models import Count, F, Q

from cms.api.errors import ApiError

if TYPE_CHECKING:
    from typing import Any

    from django.db.models import Model, QuerySet

CURSOR_VERSION = 1
CURSOR_SALT = "cms.api.cursors"


class PageInfo(graphene.ObjectType):
    """Where a page ends, for the next one: pass `endCursor` as `after`."""

    end_cursor = graphene.String(description="The cursor of the page's last item; null if empty.")
    has_next_page = graphene.Boolean(required=True, description="Whether more items follow.")


@dataclass(frozen=True)
class OrderKey:
    """A listing's order: one column, then the pk in the same direction. A nullable column's
    nulls come last in either direction (on every database)."""

    column: str
    descending: bool = False
    nullable: bool = False

    @classmethod
    def parse(cls, order: str, model: type[Model]) -> OrderKey:
        """`order` as Django writes it ('title', '-first_published_at') on `model`."""
        column = order.lstrip("-")
        return cls(column, order.startswith("-"), model._meta.get_field(column).null)

    def ordering(self) -> list[Any]:
        """`order_by()` arguments that sort as `keyset_page` reads."""
        sign = "-" if self.descending else ""
        column = F(self.column)
        if self.nullable:
            column = (
                column.desc(nulls_last=True) if self.descending else column.asc(nulls_last=True)
            )
        else:
            column = sign + self.column
        return [column, sign + "pk"]

    def value_of(self, item: Model) -> Any:
        return getattr(item, self.column)

    def after_q(self, value: Any, pk: int) -> Q:
        """Every item after (value, pk) in this order."""
        beyond = "lt" if self.descending else "gt"
        if value is None:
            return Q(**{f"{self.column}__isnull": True, f"pk__{beyond}": pk})
        following = Q(**{f"{self.column}__{beyond}": value}) | Q(
            **{self.column: value, f"pk__{beyond}": pk}
        )
        return following | Q(**{f"{self.column}__isnull": True}) if self.nullable else following


def encode_cursor(listing: str, values: list[Any]) -> str:
    """An opaque cursor for `listing` ('roleGuides:title') at `values` (JSON-able)."""
    values = [value.isoformat() if hasattr(value, "isoformat") else value for value in values]
    # No timestamp (as `signing.dumps` adds): the same item always has the same cursor, so
    # answers are reproducible and cacheable.
    return signing.Signer(salt=CURSOR_SALT).sign_object([CURSOR_VERSION, listing, *values])


def decode_cursor(cursor: str, listing: str, size: int) -> list[Any]:
    """The `size` values of a cursor this API gave for `listing`; ApiError for any other."""
    try:
        data = signing.Signer(salt=CURSOR_SALT).unsign_object(cursor)
    except (signing.BadSignature, ValueError, TypeError):
        raise ApiError("`after` is not a cursor this API gave out.") from None
    if not isinstance(data, list) or len(data) < 2 or data[0] != CURSOR_VERSION:
        raise ApiError("`after` is a cursor of another version: start again from page 1.")
    if data[1] != listing or len(data) != size + 2:
        raise ApiError("`after` is a cursor of another listing or order: start again.")
    return data[2:]


def item_cursor(listing: str, key: OrderKey, item: Model) -> str:
    return encode_cursor(listing, [key.value_of(item), item.pk])


def read_cursor(cursor: str, listing: str, key: OrderKey, model: type[Model]) -> tuple[Any, int]:
    """(order value, pk) of a cursor, converted as the model's fields convert."""
    value, pk = decode_cursor(cursor, listing, 2)
    try:
        if value is not None:
            value = model._meta.get_field(key.column).to_python(value)
        pk = model._meta.pk.to_python(pk)
    except Exception:  # a cursor signed by us always converts: defensive only
        raise ApiError("`after` is not a cursor this API gave out.") from None
    if value is None and not key.nullable:
        raise ApiError("`after` is not a cursor this API gave out.")
    return value, pk


def keyset_page(
    queryset: QuerySet, key: OrderKey, size: int, after: tuple[Any, int] | None = None
) -> tuple[list[Model], bool]:
    """(`size` items of `queryset` after the sort key `after`, whether more follow).

    Each query is a range on the (column, pk) index read in its own direction, cut at
    `size + 1`: a nullable column's rows with a value are read first, then its nulls by pk
    (a second query only when the first runs out)."""
    sign = "-" if key.descending else ""
    beyond = "lt" if key.descending else "gt"
    wanted = size + 1
    value, pk = after if after else (None, None)
    items: list[Model] = []
    if after is None or value is not None:
        valued = queryset.filter(**{f"{key.column}__isnull": False}) if key.nullable else queryset
        if after is not None:
            # The first condition alone is the index range; the second drops the ties before pk.
            valued = valued.filter(**{f"{key.column}__{beyond}e": value}).filter(
                Q(**{f"{key.column}__{beyond}": value}) | Q(**{f"pk__{beyond}": pk})
            )
        items = list(valued.order_by(sign + key.column, sign + "pk")[:wanted])
    if key.nullable and len(items) < wanted:
        nulls = queryset.filter(**{f"{key.column}__isnull": True})
        if after is not None and value is None:
            nulls = nulls.filter(**{f"pk__{beyond}": pk})
        items += list(nulls.order_by(sign + "pk")[: wanted - len(items)])
    return items[:size], len(items) > size


def position_counts(queryset: QuerySet, key: OrderKey, after: tuple[Any, int]) -> tuple[int, int]:
    """(how many items `queryset` has, how many come after the sort key `after`): one query."""
    counts = queryset.order_by().aggregate(
        total=Count("pk"), following=Count("pk", filter=key.after_q(*after))
    )
    return counts["total"], counts["following"]
