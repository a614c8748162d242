"""The `sitemap` root field: every live, public, indexable page, for a frontend's sitemap.xml."""

from __future__ import annotations

from typing import TYPE_CHECKING

import graphene
from grapple.helpers import register_graphql_schema
from wagtail.models import Site

from cms.api.listing import listing_type, page_arguments, paginate, window, window_arguments
from cms.api.seo_types import SitemapEntryType
from cms.pages import BasePage
from cms.seo import frontend_url

if TYPE_CHECKING:
    from graphql import GraphQLResolveInfo


def page_models() -> list[type[BasePage]]:
    from django.apps import apps

    return [
        model
        for model in apps.get_models()
        if issubclass(model, BasePage) and not model._meta.abstract
    ]


def sitemap_pages(site: Site | None) -> SitemapPages:
    """The site's indexable pages by tree path, as a sliceable, countable sequence: the paths
    are read for every page (two columns), the pages themselves only for a window."""
    return SitemapPages(site)


class SitemapPages:
    def __init__(self, site: Site | None) -> None:
        rows = []
        for model in page_models():
            pages = model.objects.live().public().filter(no_index=False)
            if site:
                pages = pages.filter(path__startswith=site.root_page.path)
            rows += [(path, model, pk) for pk, path in pages.values_list("pk", "path")]
        rows.sort(key=lambda row: row[0])
        self.rows = rows

    def count(self) -> int:
        return len(self.rows)

    def __getitem__(self, window: slice) -> list[BasePage]:
        chosen = self.rows[window]
        by_model = {}
        for _, model, pk in chosen:
            by_model.setdefault(model, []).append(pk)
        found = {}
        for model, pks in by_model.items():
            found.update({(model, page.pk): page for page in model.objects.filter(pk__in=pks)})
        return [found[(model, pk)] for _, model, pk in chosen if (model, pk) in found]


def entry(page: BasePage, site: Site | None) -> SitemapEntryType:
    return SitemapEntryType(
        url=frontend_url(page),
        path=page.relative_url(site) if site else page.url_path,
        last_modified=page.last_published_at or page.latest_revision_created_at,
    )


SitemapListing = listing_type(
    "SitemapListing",
    SitemapEntryType,
    "One page of sitemap entries, by tree path, with totals for pagination.",
)


@register_graphql_schema
class SitemapQuery:
    sitemap = graphene.NonNull(
        graphene.List(graphene.NonNull(SitemapEntryType)),
        description="Live, public pages not marked no-index, with their last change, by tree path.",
        **window_arguments(),
    )
    sitemap_listing = graphene.Field(
        graphene.NonNull(SitemapListing),
        description="The sitemap's entries, paginated, with the total number of pages.",
        **page_arguments(),
    )

    def resolve_sitemap(
        self, info: GraphQLResolveInfo, limit: int | None = None, offset: int | None = None
    ) -> list[SitemapEntryType]:
        site = Site.objects.filter(is_default_site=True).first()
        return [entry(page, site) for page in window(sitemap_pages(site), limit, offset)]

    def resolve_sitemap_listing(
        self, info: GraphQLResolveInfo, page: int = 1, per_page: int | None = None
    ) -> graphene.ObjectType:
        site = Site.objects.filter(is_default_site=True).first()
        listing = paginate(SitemapListing, sitemap_pages(site), page, per_page)
        listing.items = [entry(p, site) for p in listing.items]
        return listing
