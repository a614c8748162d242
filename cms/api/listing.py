"""Bounded lists for root fields: `limit`/`offset` arguments, and paginated listings
(`{ items, pagination { total … } }`, as `roleGuides` has) where a frontend needs a total."""

from __future__ import annotations

from typing import TYPE_CHECKING

import graphene

from cms.api.errors import ApiError
from cms.api.grapple_compat import PaginationType

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from typing import Any, Protocol, TypeVar

    T = TypeVar("T")
    T_co = TypeVar("T_co", covariant=True)

    class Sliceable(Protocol[T_co]):
        """A list, a QuerySet, or a lazy sequence (`visibility.Chain`, `sitemap.SitemapPages`)."""

        def __getitem__(self, window: slice, /) -> T_co: ...

    class CountedSliceable(Sliceable[T_co], Protocol[T_co]):
        def count(self) -> int: ...


MAX_LIMIT = 100  # as grapple's MAX_PAGE_SIZE: the most items one list field returns
DEFAULT_PER_PAGE = 20


def window_arguments(default: int = MAX_LIMIT) -> dict[str, graphene.Int]:
    """`limit` and `offset` for a root list field."""
    return {
        "limit": graphene.Int(
            default_value=default, description=f"How many items, 1 to {MAX_LIMIT}."
        ),
        "offset": graphene.Int(default_value=0, description="How many items to skip."),
    }


def window(items: Sliceable[T], limit: int | None, offset: int | None) -> T:
    """items[offset:offset + limit], the arguments checked (a queryset is sliced in SQL)."""
    limit = MAX_LIMIT if limit is None else limit
    offset = 0 if offset is None else offset
    if not 1 <= limit <= MAX_LIMIT:
        raise ApiError(f"`limit` must be between 1 and {MAX_LIMIT}.")
    if offset < 0:
        raise ApiError("`offset` may not be negative.")
    return items[offset : offset + limit]


def page_arguments() -> dict[str, graphene.Int]:
    return {
        "page": graphene.Int(default_value=1, description="From 1."),
        "per_page": graphene.Int(
            default_value=DEFAULT_PER_PAGE, description=f"Items per page, 1 to {MAX_LIMIT}."
        ),
    }


def listing_type(
    name: str, item_type: type | Callable[[], type], description: str
) -> type[graphene.ObjectType]:
    """`{ items: [Item!]!, pagination: PaginationType! }`."""
    return type(
        name,
        (graphene.ObjectType,),
        {
            "__doc__": description,
            "items": graphene.List(graphene.NonNull(item_type), required=True),
            "pagination": graphene.Field(PaginationType, required=True),
        },
    )


def check_page(page: int | None, per_page: int | None) -> tuple[int, int]:
    page = 1 if page is None else page
    per_page = DEFAULT_PER_PAGE if per_page is None else per_page
    if page < 1:
        raise ApiError("`page` starts at 1.")
    if not 1 <= per_page <= MAX_LIMIT:
        raise ApiError(f"`perPage` must be between 1 and {MAX_LIMIT}.")
    return page, per_page


def pagination(total: int, count: int, page: int, per_page: int) -> PaginationType:
    total_pages = max((total + per_page - 1) // per_page, 1)
    return PaginationType(
        total=total,
        count=count,
        per_page=per_page,
        current_page=page,
        prev_page=page - 1 if page > 1 else None,
        next_page=page + 1 if page < total_pages else None,
        total_pages=total_pages,
    )


def paginate(
    listing: type[graphene.ObjectType],
    items: list[Any] | CountedSliceable[Iterable[Any]],
    page: int | None,
    per_page: int | None,
    total: int | None = None,
) -> graphene.ObjectType:
    """One page of `items` (a queryset or a list) as a `listing` object. A page past the last
    is empty (its total still says how many there are)."""
    page, per_page = check_page(page, per_page)
    total = len(items) if total is None and isinstance(items, list) else total
    if total is None:
        total = items.count()
    start = (page - 1) * per_page
    chosen = list(items[start : start + per_page])
    return listing(items=chosen, pagination=pagination(total, len(chosen), page, per_page))
