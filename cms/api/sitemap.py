"""The `sitemap` root fields: every live, public, indexable page, for a frontend's sitemap.xml,
and `sitemapIndex`, the sitemaps.org index that splits them into sitemaps of at most 50,000."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

import graphene
from django.db import connection
from django.db.models import F, QuerySet, Window
from django.db.models.functions import Coalesce, RowNumber
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from grapple.helpers import register_graphql_schema
from wagtail.models import Page, Site

from cms.api.cursors import PageInfo, decode_cursor, encode_cursor
from cms.api.errors import ApiError
from cms.api.grapple_compat import PaginationType
from cms.api.limits import register_list_size
from cms.api.listing import (
    check_page,
    page_arguments,
    paginate,
    pagination,
    window,
    window_arguments,
)
from cms.api.selection import selected_paths
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


class SitemapListing(graphene.ObjectType):
    """One page of sitemap entries, by tree path, with totals for pagination."""

    items = graphene.List(graphene.NonNull(SitemapEntryType), required=True)
    pagination = graphene.Field(PaginationType, required=True)
    page_info = graphene.Field(
        graphene.NonNull(PageInfo), description="The cursor to pass as `after` for the next page."
    )


SITEMAP_CURSOR = "sitemap:path"
MAX_SITEMAP_SIZE = 50_000  # sitemaps.org: at most 50,000 URLs in one sitemap
MIN_SITEMAP_SIZE = 10
MAX_SITEMAPS = 1_000


def path_cursor(path: str) -> str:
    return encode_cursor(SITEMAP_CURSOR, [path])


def cursor_path(cursor: str) -> str:
    (path,) = decode_cursor(cursor, SITEMAP_CURSOR, 1)
    if not isinstance(path, str):
        raise ApiError("`after` is not a cursor this API gave out.")
    return path


class SitemapChunk(graphene.ObjectType):
    """One sitemap of the index: read it with `sitemapListing(after: …)` for `count` entries."""

    number = graphene.Int(required=True, description="From 1, in tree-path order.")
    last_modified = graphene.DateTime(required=True, description="Its newest entry's change.")
    after = graphene.String(
        description="Pass as `sitemapListing(after:)` to start at this sitemap's first entry "
        "(null for the first sitemap)."
    )
    count = graphene.Int(required=True, description="How many entries it holds.")


class SitemapIndex(graphene.ObjectType):
    """The sitemaps that together list every sitemap entry (a sitemaps.org index)."""

    total = graphene.Int(required=True, description="Entries in all the sitemaps.")
    sitemaps = graphene.List(
        graphene.NonNull(SitemapChunk),
        required=True,
        description=f"In order; at most {MAX_SITEMAPS:,} (a smaller `size` is refused beyond).",
    )


register_list_size("SitemapIndex", "sitemaps", MAX_SITEMAPS)  # costed as the most it can hold


def as_datetime(value: datetime.datetime | str) -> datetime.datetime:
    """A timestamp read from a raw query (SQLite gives text)."""
    if isinstance(value, str):
        value = parse_datetime(value)
    if timezone.is_naive(value):
        value = timezone.make_aware(value, datetime.UTC)
    return value


def sitemap_index(pages: QuerySet[Page], size: int) -> SitemapIndex:
    """`pages` (by path) cut into chunks of `size`: one SQL query at any size, numbering the
    entries with a window function and grouping every `size` of them."""
    entries = pages.order_by().annotate(
        modified=Coalesce("last_published_at", "latest_revision_created_at"),
        position=Window(RowNumber(), order_by=F("path").asc()),
    )
    sql, params = entries.values("path", "modified", "position").query.sql_with_params()
    chunk_sql = (
        "SELECT (position - 1) / %s AS chunk, COUNT(*), MAX(modified), MAX(path) "
        f"FROM ({sql}) entries GROUP BY chunk ORDER BY chunk LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(chunk_sql, [size, *params, MAX_SITEMAPS + 1])
        rows = cursor.fetchall()
    if len(rows) > MAX_SITEMAPS:
        raise ApiError(f"`size` is too small: the index would list over {MAX_SITEMAPS} sitemaps.")
    sitemaps, after = [], None
    for chunk, count, modified, last_path in rows:
        sitemaps.append(
            SitemapChunk(
                number=chunk + 1, last_modified=as_datetime(modified), after=after, count=count
            )
        )
        after = path_cursor(last_path)
    return SitemapIndex(total=sum(chunk.count for chunk in sitemaps), sitemaps=sitemaps)


def listing_after(
    pages: QuerySet[Page], after: str, per_page: int, with_total: bool
) -> tuple[list[Page], PaginationType | None, bool]:
    """The `per_page` entries after the cursor's path (a range on the path index), whether
    more follow, and the pagination (counted only when asked for)."""
    path = cursor_path(after)
    chosen = list(pages.filter(path__gt=path)[: per_page + 1])
    items, has_next = chosen[:per_page], len(chosen) > per_page
    if not with_total:
        return items, None, has_next
    total = pages.order_by().count()
    before = pages.order_by().filter(path__lte=path).count()
    return items, pagination(total, len(items), before // per_page + 1, per_page), has_next


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
        after=graphene.String(
            description="A cursor (`pageInfo.endCursor`, or a sitemap's `after` in "
            "`sitemapIndex`): the `perPage` entries after it, as fast at any depth. `page` "
            "must then be 1."
        ),
        **page_arguments(),
    )
    sitemap_index = graphene.Field(
        graphene.NonNull(SitemapIndex),
        size=graphene.Int(
            default_value=MAX_SITEMAP_SIZE,
            description=f"Entries per sitemap, {MIN_SITEMAP_SIZE} to {MAX_SITEMAP_SIZE}.",
        ),
        description="The sitemap split into sitemaps of `size` entries, each with the cursor "
        "that starts it and its last change, for a sitemap index file.",
    )

    def resolve_sitemap(
        self, info: GraphQLResolveInfo, limit: int | None = None, offset: int | None = None
    ) -> list[SitemapEntryType]:
        site = Site.objects.filter(is_default_site=True).first()
        return [entry(page, site) for page in window(sitemap_pages(site), limit, offset)]

    def resolve_sitemap_listing(
        self,
        info: GraphQLResolveInfo,
        page: int = 1,
        per_page: int | None = None,
        after: str | None = None,
    ) -> graphene.ObjectType:
        site = Site.objects.filter(is_default_site=True).first()
        pages = sitemap_pages(site)
        if after is None:
            listing = paginate(SitemapListing, pages, page, per_page)
            last_page = listing.pagination.next_page is None
        else:
            page, per_page = check_page(page, per_page)
            if page != 1:
                raise ApiError("Give `after` or a `page` past 1, not both.")
            with_total = "pagination" in selected_paths(info)
            items, pages_info, has_next = listing_after(pages, after, per_page, with_total)
            listing = SitemapListing(items=items, pagination=pages_info)
            last_page = not has_next
        end = path_cursor(listing.items[-1].path) if listing.items else None
        listing.page_info = PageInfo(end_cursor=end, has_next_page=not last_page)
        listing.items = [entry(p, site) for p in listing.items]
        return listing

    def resolve_sitemap_index(
        self, info: GraphQLResolveInfo, size: int | None = MAX_SITEMAP_SIZE
    ) -> SitemapIndex:
        size = MAX_SITEMAP_SIZE if size is None else size
        if not MIN_SITEMAP_SIZE <= size <= MAX_SITEMAP_SIZE:
            raise ApiError(f"`size` must be between {MIN_SITEMAP_SIZE} and {MAX_SITEMAP_SIZE}.")
        site = Site.objects.filter(is_default_site=True).first()
        return sitemap_index(sitemap_pages(site), size)
