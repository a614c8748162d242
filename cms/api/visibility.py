"""Only live, public content leaves the API.

grapple filters most page queries to live, public pages, but a few of its paths do not:
the generic `snippets` list (which would include unpublished FAQ
drafts), the cross-model `search`, and redirects to unpublished pages (images and documents:
`cms/api/media.py`). This module puts
a filter on each of those, in our code, and `cms/wagtail_hooks.py` swaps them into the schema.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING

import graphene
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import DraftStateMixin, Page
from wagtail.search.backends import get_search_backend

from cms.api.errors import ApiError
from cms.api.grapple_compat import (
    RedirectObjectType,
    check_replaced_root_fields,
    get_snippet_interface,
    registry,
)
from cms.api.grapple_compat import RedirectsQuery as GrappleRedirectsQuery
from cms.api.limits import register_field_cost
from cms.api.listing import (
    DEFAULT_PER_PAGE,
    MAX_LIMIT,
    check_page,
    listing_type,
    page_arguments,
    paginate,
    pagination,
    window,
    window_arguments,
)
from cms.api.search_filters import apply_search_filters, search_filter_arguments
from cms.api.search_input import MAX_SEARCH_WINDOW, check_search_window, clean_search_query

if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Any

    from django.db.models import Model, QuerySet
    from graphql import GraphQLResolveInfo
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.query import PageQuerySet


def live_public_pages() -> PageQuerySet:
    return Page.objects.live().public()


def is_visible(instance: object) -> bool:
    """True for content the public may see: live pages outside view restrictions,
    published snippets, and anything without a draft state."""
    if isinstance(instance, Page):
        return live_public_pages().filter(pk=instance.pk).exists()
    if isinstance(instance, DraftStateMixin):
        return instance.live
    return True


def visible_snippet_objects(model: type[Model]) -> QuerySet:
    queryset = model._default_manager.all()
    if issubclass(model, DraftStateMixin):
        queryset = queryset.filter(live=True)
    return queryset


class Chain:
    """Querysets one after another, sliced and counted without loading them all."""

    def __init__(self, querysets: list[QuerySet]) -> None:
        self.querysets = querysets

    def count(self) -> int:
        return sum(queryset.count() for queryset in self.querysets)

    def __getitem__(self, window: slice) -> list[Model]:
        skip, wanted = window.start or 0, window.stop - (window.start or 0)
        items = []
        for queryset in self.querysets:
            if len(items) >= wanted:
                break
            size = queryset.count()
            if skip >= size:
                skip -= size
                continue
            items += list(queryset[skip : skip + wanted - len(items)])
            skip = 0
        return items


def visible_snippets() -> Chain:

    return Chain(
        [
            visible_snippet_objects(snippet_type._meta.model).order_by("pk")
            for snippet_type in registry.snippets
        ]
    )


def SnippetsQuery() -> type:  # noqa: N802 (mirrors grapple's factory)
    SnippetListing = listing_type(  # noqa: N806
        "SnippetListing",
        get_snippet_interface,
        "One page of published snippets, with totals for pagination.",
    )

    class Mixin:
        snippets = graphene.List(
            graphene.NonNull(get_snippet_interface),
            required=True,
            description="Published snippets (drafts are never listed), by type then id.",
            **window_arguments(),
        )
        snippet_listing = graphene.Field(
            graphene.NonNull(SnippetListing),
            description="Published snippets, by type then id, paginated.",
            **page_arguments(),
        )

        def resolve_snippets(
            self,
            info: GraphQLResolveInfo,
            limit: int | None = None,
            offset: int | None = None,
            **kwargs: Any,
        ) -> list[Model]:
            return window(visible_snippets(), limit, offset)

        def resolve_snippet_listing(
            self,
            info: GraphQLResolveInfo,
            page: int = 1,
            per_page: int | None = None,
            **kwargs: Any,
        ) -> graphene.ObjectType:
            return paginate(SnippetListing, visible_snippets(), page, per_page)

    return Mixin


# Search reads at most this many ranked results (offset + limit), as search engines do.
MAX_WINDOW = MAX_SEARCH_WINDOW  # entries a list paged in Python may read


def searchable_models() -> Iterator[type[Model]]:
    from django.apps import apps

    for app_label in registry.apps:
        for model in apps.get_app_config(app_label).get_models():
            if model not in registry.class_models:
                continue
            if issubclass(model, Page) or hasattr(model, "search_fields"):
                yield model


def searchable_querysets(types: list[str] | None = None) -> Iterator[QuerySet]:
    """Each searchable model's visible objects; only those of the GraphQL `types` if given."""
    models = list(searchable_models())
    if types is not None:
        names = {registry.class_models[model]._meta.name: model for model in models}
        unknown = sorted(set(types) - set(names))
        if unknown:
            raise ApiError(
                f"Unknown `type` {', '.join(unknown)}: search finds {', '.join(sorted(names))}."
            )
        models = [model for model in models if registry.class_models[model]._meta.name in types]
    for model in models:
        if issubclass(model, Page):
            yield model.objects.live().public()
        else:
            yield visible_snippet_objects(model)


def searched_rows(arguments: dict[str, Any]) -> int:
    """The rows a search may read, for its cost: each searchable model's best `offset + limit`
    (or up to the end of the asked page). Graphene passes Python argument names."""
    if "page" in arguments:
        per_page = arguments.get("per_page") or DEFAULT_PER_PAGE
        stop = max(arguments.get("page") or 1, 1) * per_page
    else:
        stop = (arguments.get("offset") or 0) + (arguments.get("limit") or DEFAULT_PER_PAGE)
    return min(stop, MAX_SEARCH_WINDOW) * len(list(searchable_models()))


register_field_cost("Query", "search", searched_rows)
register_field_cost("Query", "searchListing", searched_rows)


def search_hits(
    text: str | None,
    start: int,
    stop: int,
    with_total: bool = False,
    types: list[str] | None = None,
    filters: dict[str, Any] | None = None,
) -> tuple[list[Model], int]:
    """(results start..stop by relevance across every searchable model, how many match, or
    None unless `with_total`: counting is a second full-text query per model). `types` and
    `filters` (cms/api/search_filters.py) narrow the models and their objects before the
    full-text query."""
    from django.db import connection

    check_search_window(start, stop - start)
    query = clean_search_query(text)
    if not query:
        return [], 0
    backend = get_search_backend()
    total, scored = 0, []
    for queryset in searchable_querysets(types):
        queryset = apply_search_filters(queryset, filters or {})
        if queryset is None:
            continue
        results = backend.search(query, queryset).annotate_score("_score")
        if with_total:
            total += results.count()
        scored += list(results[:stop])  # each model's best, in order of relevance
    # SQLite's bm25() is lower for better matches; PostgreSQL's rank is higher.
    descending = connection.vendor != "sqlite"
    scored.sort(key=lambda item: (item._score or 0) * (-1 if descending else 1))
    return scored[start:stop], total


def SearchQuery() -> type:  # noqa: N802

    class SearchResult(graphene.Union):
        class Meta:
            name = "Search"
            types = tuple(registry.class_models.values())

    SearchListing = listing_type(  # noqa: N806
        "SearchListing",
        SearchResult,
        "One page of search results, best first, with totals for pagination.",
    )

    class Mixin:
        search = graphene.List(
            graphene.NonNull(SearchResult),
            query=graphene.String(),
            required=True,
            description="Full-text search over live, public pages and published snippets, "
            "best first.",
            **window_arguments(default=DEFAULT_PER_PAGE),
        )
        search_listing = graphene.Field(
            graphene.NonNull(SearchListing),
            query=graphene.String(required=True),
            type=graphene.List(
                graphene.NonNull(graphene.String),
                description='Only results of these GraphQL types, e.g. ["RoleGuidePage"].',
            ),
            description="Full-text search, best first, paginated with the number of matches.",
            **page_arguments(),
            **search_filter_arguments(),
        )

        def resolve_search(
            self,
            info: GraphQLResolveInfo,
            query: str | None = None,
            limit: int | None = None,
            offset: int | None = None,
            **kwargs: Any,
        ) -> list[Model]:
            offset = offset or 0
            limit = DEFAULT_PER_PAGE if limit is None else limit
            return search_hits(query, offset, offset + limit)[0]

        def resolve_search_listing(
            self,
            info: GraphQLResolveInfo,
            query: str,
            page: int = 1,
            per_page: int | None = None,
            **kwargs: Any,
        ) -> graphene.ObjectType:
            page, per_page = check_page(page, per_page)
            start = (page - 1) * per_page
            types = kwargs.pop("type", None)
            items, total = search_hits(
                query, start, start + per_page, with_total=True, types=types, filters=kwargs
            )
            return SearchListing(
                items=items, pagination=pagination(total, len(items), page, per_page)
            )

    return Mixin


class RedirectsQuery(GrappleRedirectsQuery):
    """Redirects whose target is a URL or a live, public page."""

    redirects = graphene.List(
        graphene.NonNull(RedirectObjectType),
        required=True,
        description="Redirects to URLs or to live, public pages, one per site they apply to.",
        **window_arguments(),
    )

    def resolve_redirects(
        self,
        info: GraphQLResolveInfo,
        limit: int | None = None,
        offset: int | None = None,
        **kwargs: Any,
    ) -> list[Redirect]:
        from django.db.models import Q
        from wagtail.contrib.redirects.models import Redirect
        from wagtail.models import Site

        offset, limit = offset or 0, limit or MAX_LIMIT
        redirects = (
            Redirect.objects.select_related("redirect_page", "site")
            .filter(Q(redirect_page=None) | Q(redirect_page__in=live_public_pages()))
            .order_by("pk")
        )
        sites = list(Site.objects.all()[:2])
        if len(sites) == 1:  # one entry per redirect: paged in SQL
            entries = list(redirects[offset : offset + limit])
            for entry in entries:
                entry.site = entry.site or sites[0]
            return entries
        if offset + limit > MAX_WINDOW:  # several sites: entries are counted out in Python
            raise ApiError(f"With several sites, redirects reads at most {MAX_WINDOW} entries.")
        sites = None
        entries = []
        for redirect in redirects[: offset + limit]:  # each gives one entry or more
            if redirect.site is None:  # one entry per site, as grapple lists them
                sites = list(Site.objects.all()) if sites is None else sites
                for site in sites:
                    entry = copy.copy(redirect)
                    entry.site = site
                    entries.append(entry)
            else:
                entries.append(redirect)
            if len(entries) >= offset + limit:
                break
        return entries[offset : offset + limit]


def replace_leaky_query_mixins(query_mixins: list[type]) -> None:
    """Swap grapple's unfiltered root fields for the filtered ones above, in place; fail at
    start-up if one of them is no longer where grapple kept it."""
    from cms.api.media import public_media_query
    from cms.api.preview import PagesQuery

    replacements = {"snippets": SnippetsQuery(), "search": SearchQuery(), "pages": PagesQuery()}
    replaced = set()
    for index, mixin in enumerate(query_mixins):
        if "images" in vars(mixin):  # public collections only: cms/api/media.py
            query_mixins[index] = public_media_query(mixin, "images", get_image_model)
            replaced.add("images")
            continue
        if "documents" in vars(mixin):
            query_mixins[index] = public_media_query(mixin, "documents", get_document_model)
            replaced.add("documents")
            continue
        if mixin is GrappleRedirectsQuery:
            query_mixins[index] = RedirectsQuery
            replaced.add("redirects")
            continue
        for field_name, replacement in replacements.items():
            if field_name in vars(mixin):
                query_mixins[index] = replacement
                replaced.add(field_name)
    check_replaced_root_fields(replaced)
