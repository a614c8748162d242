"""Filters a domain app offers on `searchListing`, e.g. a guide's category or year.

A domain app registers each filter from its AppConfig.ready(): the argument's name and
GraphQL type, the model it narrows, and how (a function of the model's searchable queryset
and the argument's value, applied before the full-text search, so on the search backend's
FilterFields). A model that did not register a filter the client gave has no results: an
FAQ entry has no year.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import graphene

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    from django.db.models import Model, QuerySet


@dataclass(frozen=True)
class SearchFilter:
    """One argument of `searchListing` and how it narrows one model's results."""

    argument: str
    graphql_type: type[graphene.Scalar]
    model: type[Model]
    apply: Callable[[QuerySet, Any], QuerySet]
    description: str


SEARCH_FILTERS: list[SearchFilter] = []


def register_search_filter(
    argument: str,
    graphql_type: type[graphene.Scalar],
    model: type[Model],
    apply: Callable[[QuerySet, Any], QuerySet],
    description: str = "",
) -> None:
    """Offer `argument` on `searchListing`: it narrows `model`'s results with `apply`."""
    SEARCH_FILTERS.append(SearchFilter(argument, graphql_type, model, apply, description))


def search_filter_arguments() -> dict[str, graphene.Argument]:
    """One GraphQL argument per registered filter name (Python names, as graphene takes)."""
    arguments = {}
    for search_filter in SEARCH_FILTERS:
        if search_filter.argument not in arguments:
            models = sorted(
                f.model.__name__ for f in SEARCH_FILTERS if f.argument == search_filter.argument
            )
            arguments[search_filter.argument] = graphene.Argument(
                search_filter.graphql_type,
                description=(search_filter.description or search_filter.argument)
                + f" (results of {', '.join(models)} only).",
            )
    return arguments


def apply_search_filters(queryset: QuerySet, given: dict[str, Any]) -> QuerySet | None:
    """`queryset` narrowed by every filter given (None values are not given), or None when
    one of them does not apply to its model."""
    for argument, value in given.items():
        if value is None:
            continue
        found = [
            f
            for f in SEARCH_FILTERS
            if f.argument == argument and issubclass(queryset.model, f.model)
        ]
        if not found:
            return None
        queryset = found[0].apply(queryset, value)
    return queryset
