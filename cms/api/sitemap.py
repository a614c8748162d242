"""The `sitemap` root field: every live, public, indexable page, for a frontend's sitemap.xml."""

import graphene
from grapple.helpers import register_graphql_schema
from wagtail.models import Site

from cms.api.seo_types import SitemapEntryType
from cms.pages import BasePage
from cms.seo import frontend_url


def indexable_pages():
    for model in page_models():
        yield from model.objects.live().public().filter(no_index=False).order_by("path")


def page_models():
    from django.apps import apps

    return [
        model
        for model in apps.get_models()
        if issubclass(model, BasePage) and not model._meta.abstract
    ]


@register_graphql_schema
class SitemapQuery:
    sitemap = graphene.NonNull(
        graphene.List(graphene.NonNull(SitemapEntryType)),
        description="Live, public pages not marked no-index, with their last change.",
    )

    def resolve_sitemap(self, info):
        site = Site.objects.filter(is_default_site=True).first()
        entries = []
        for page in sorted(indexable_pages(), key=lambda p: p.path):
            if site and not page.path.startswith(site.root_page.path):
                continue
            entries.append(
                SitemapEntryType(
                    url=frontend_url(page),
                    path=page.relative_url(site) if site else page.url_path,
                    last_modified=page.last_published_at or page.latest_revision_created_at,
                )
            )
        return entries
