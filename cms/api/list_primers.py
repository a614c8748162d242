"""Batching for every list an answer holds: before graphql-core completes a list's items one
by one, the primers registered for their model see the whole list, so that what each item
then asks for (its editions, its images' tags) loads in one query for all of them.

A listing resolver knows its items, but grapple's generic lists (`pages`, `search`,
`children`…) and any list field added later do not call it: priming here, in the execution,
covers them all. Domain apps register their primers in `AppConfig.ready()`:

    register_list_primer(RoleGuidePage, lambda guides: edition_loader().expect(guides))
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Model, QuerySet
from graphql.execution import ExecutionContext
from wagtail.search.backends.base import BaseSearchResults

from cms.api import loaders

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from typing import Any

    from graphql import FieldNode, GraphQLList, GraphQLOutputType, GraphQLResolveInfo
    from graphql.pyutils import Path

PRIMERS: list[tuple[type[Model], Callable[[list[Model]], None]]] = [
    (Model, loaders.remember_images),  # every model: its images' collections and tags
]


def register_list_primer(model: type[Model], primer: Callable[[list[Model]], None]) -> None:
    """Call `primer(instances)` with the instances of `model` (or a subclass) of each list an
    answer holds, before their fields are resolved."""
    PRIMERS.append((model, primer))


def prime(items: Sequence[Any]) -> None:
    """Run the registered primers over the model instances in `items`."""
    instances = [item for item in items if isinstance(item, Model)]
    if not instances:
        return
    for model, primer in PRIMERS:
        matching = [item for item in instances if isinstance(item, model)]
        if matching:
            primer(matching)


class PrimingExecutionContext(ExecutionContext):
    """graphql-core's execution, priming each list of model instances before its items."""

    def complete_list_value(
        self,
        return_type: GraphQLList[GraphQLOutputType],
        field_nodes: list[FieldNode],
        info: GraphQLResolveInfo,
        path: Path,
        result: Any,
    ) -> Any:
        if (
            isinstance(result, QuerySet | BaseSearchResults | list | tuple)
            and loaders.current_store() is not None
        ):
            prime(list(result))  # a queryset or search keeps its results: read once
        return super().complete_list_value(return_type, field_nodes, info, path, result)
