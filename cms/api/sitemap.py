"""The `sitemap` root field: every live, public, indexable page, for a frontend's sitemap.xml."""

from __future__ import annotations

from typing import TYPE_CHECKING

import graphene
from django.db.models import QuerySet
from grapple.helpers import register_graphql_schema
from wagtail.models import Page, Site

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


def sitemap_pages(site: Site | None) -> QuerySet[Page]:
    """The site's indexable pages by tree path: live, public, of a type with SEO fields and
    not marked no-index. Filtered, sorted and sliced in SQL on Wagtail's page table (the
    path index), so a window costs what it returns and no page body is read."""
    models = page_models()
    pages = Page.objects.live().public().type(*models).order_by("path")
    for model in models:
        pages = pages.exclude(pk__in=model.objects.filter(no_index=True).values("pk"))
    if site:
        pages = pages.filter(path__startswith=site.root_page.path)
    return pages


def entry(page: Page, site: Site | None) -> SitemapEntryType:
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
