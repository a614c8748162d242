"""The arguments of grapple's list fields, checked in one place: `order`, `limit`, `offset`
and `searchQuery`, on every field of the schema that takes them.

grapple passes `order` to Django's `order_by`, which accepts any lookup: `-draft_title` sorted
by unpublished titles and `owner__password` reached into other tables. Here each `order` is an
allow-list of public fields for what the field lists. `limit` above the maximum is refused
instead of being cut silently, `offset` may not be negative, and `searchQuery` goes through
`clean_search_query`. List fields without a page size are cut to their registered maximum
(`cms/api/limits.py`), so they never return more than their cost counts.
"""

from __future__ import annotations

from functools import wraps
from itertools import islice
from typing import TYPE_CHECKING

from django.db.models import QuerySet
from graphql import (
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLObjectType,
    GraphQLString,
    default_field_resolver,
    get_named_type,
    get_nullable_type,
)

from cms.api.errors import ApiError
from cms.api.grapple_compat import grapple_settings
from cms.api.limits import LIST_SIZES, PAGE_SIZE_ARGUMENTS
from cms.api.search_input import clean_search_query

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator
    from typing import Any

    from graphql import GraphQLField, GraphQLResolveInfo, GraphQLSchema

PAGE_ORDER = ("id", "title", "slug", "first_published_at", "last_published_at")
MEDIA_ORDER = ("id", "title", "created_at")
# What each listed type may be sorted by (the named type of the field's items).
ORDER_FIELDS = {
    "PageInterface": PAGE_ORDER,
    "ImageObjectType": MEDIA_ORDER,
    "DocumentObjectType": MEDIA_ORDER,
    "CollectionObjectType": ("id", "name"),
    "TagObjectType": ("id", "name", "slug"),
    "SiteObjectType": ("id", "hostname", "site_name"),
}


def allowed_order(type_name: str) -> tuple[str, ...] | None:
    return ORDER_FIELDS.get(type_name) or ORDER_FIELDS.get(
        "PageInterface" if type_name.endswith("Page") else ""
    )


def check_order(order: str, allowed: Iterable[str]) -> str:
    """`order` (grapple's comma-separated `order_by` terms) with each term allowed."""
    terms = [term.strip() for term in str(order).split(",")]
    for term in terms:
        if term.removeprefix("-") not in allowed:
            choices = ", ".join(f"`{name}`" for name in allowed)
            raise ApiError(
                f"`order` may name only {choices}, each optionally prefixed with `-` "
                "(for descending) and separated by commas."
            )
    return ",".join(terms)


def check_page_arguments(kwargs: dict[str, Any]) -> None:
    most = grapple_settings.MAX_PAGE_SIZE
    limit = kwargs.get("limit")
    if limit is not None and not 1 <= limit <= most:
        raise ApiError(f"`limit` must be between 1 and {most}.")
    offset = kwargs.get("offset")
    if offset is not None and offset < 0:
        raise ApiError("`offset` may not be negative.")


def guarded(
    resolve: Callable[..., object], allowed: tuple[str, ...] | None, searchable: bool
) -> Callable[..., object]:
    @wraps(resolve)
    def resolve_guarded(source: object, info: GraphQLResolveInfo, **kwargs: Any) -> object:
        if kwargs.get("order") is not None:
            kwargs["order"] = check_order(kwargs["order"], allowed)
        check_page_arguments(kwargs)
        if searchable and kwargs.get("search_query") is not None:
            text = kwargs["search_query"]
            kwargs["search_query"] = clean_search_query(text)
            if kwargs["search_query"] is None and text.strip():
                return []  # nothing searchable in it: nothing found
        return resolve(source, info, **kwargs)

    return resolve_guarded


def at_most(resolve: Callable[..., Any], most: int) -> Callable[..., object]:
    @wraps(resolve)
    def resolve_at_most(source: object, info: GraphQLResolveInfo, **kwargs: Any) -> object:
        result = resolve(source, info, **kwargs)
        if result is None:
            return None
        if isinstance(result, list | tuple | QuerySet):
            return result[:most]
        return list(islice(result, most))

    return resolve_at_most


def is_list_field(field: GraphQLField) -> bool:
    return isinstance(get_nullable_type(field.type), GraphQLList)


def guard_list_arguments(graphql_schema: GraphQLSchema) -> None:
    """Wrap, once, the resolver of every field taking `order`/`limit`/`searchQuery`, and of
    every list field with a registered maximum."""
    for type_name, graphql_type in graphql_schema.type_map.items():
        if type_name.startswith("__") or not isinstance(graphql_type, GraphQLObjectType):
            continue
        for field_name, field in graphql_type.fields.items():
            resolve = field.resolve or default_field_resolver
            if getattr(resolve, "_list_guarded", False):
                continue
            order = field.args.get("order")
            string_order = order is not None and get_nullable_type(order.type) is GraphQLString
            if string_order or "limit" in field.args or "searchQuery" in field.args:
                allowed = allowed_order(get_named_type(field.type).name)
                if string_order and not allowed:
                    raise LookupError(f"No order allow-list for {type_name}.{field_name}.")
                resolve = guarded(resolve, allowed, "searchQuery" in field.args)
            elif is_list_field(field) and (type_name, field_name) in LIST_SIZES:
                if not any(name in field.args for name in PAGE_SIZE_ARGUMENTS):
                    resolve = at_most(resolve, LIST_SIZES[(type_name, field_name)])
            else:
                continue
            resolve._list_guarded = True
            field.resolve = resolve


def list_fields(graphql_schema: GraphQLSchema) -> Iterator[tuple[str, str, GraphQLField]]:
    """(type name, field name, field) for every list field of an object or interface type."""
    for type_name, graphql_type in graphql_schema.type_map.items():
        if type_name.startswith("__"):
            continue
        if isinstance(graphql_type, GraphQLObjectType | GraphQLInterfaceType):
            for field_name, field in graphql_type.fields.items():
                if is_list_field(field):
                    yield type_name, field_name, field
