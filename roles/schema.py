"""Root GraphQL fields for role guides: one guide by slug or path, and a filtered listing."""

import graphene
from django.db.models import Exists, OuterRef, Q
from grapple.helpers import register_graphql_schema

from cms.api import loaders
from cms.api.cursors import (
    OrderKey,
    PageInfo,
    item_cursor,
    keyset_page,
    position_counts,
    read_cursor,
)
from cms.api.errors import ApiError
from cms.api.grapple_compat import PaginationType, get_paginated_result, registry
from cms.api.limits import register_list_size
from cms.api.listing import pagination, window, window_arguments
from cms.api.paths import page_at_path, site_root_path
from cms.api.selection import selected_paths
from roles.cross_role import count_from_facts, fact_arguments, filter_by_facts
from roles.edition_loaders import MAX_EDITIONS
from roles.models import MAX_YEAR, MIN_YEAR, Category, Company, RoleGuidePage, Tool

DEFAULT_PER_PAGE = 20
MAX_PER_PAGE = 100


class RoleGuideOrder(graphene.Enum):
    """How a listing of role guides is sorted."""

    TITLE = "title"
    TITLE_DESC = "-title"
    YEAR = "year"
    YEAR_DESC = "-year"
    NEWEST = "-first_published_at"
    OLDEST = "first_published_at"


def role_guide_type():
    return registry.pages[RoleGuidePage]


class RoleGuideListing(graphene.ObjectType):
    """One page of role guides, with totals for pagination."""

    items = graphene.List(graphene.NonNull(role_guide_type), required=True)
    pagination = graphene.Field(PaginationType, required=True)
    page_info = graphene.Field(
        graphene.NonNull(PageInfo),
        description="The cursor to pass as `after` for the next page (keyset: as fast at any "
        "depth as page 1).",
    )


def visible_guides():
    """Live guides outside view restrictions (read once a request, as `public()` would read
    them on every call), with their category and hero image."""
    private = loaders.memo("roles.private-pages", RoleGuidePage.objects.private_q)
    guides = RoleGuidePage.objects.live().exclude(private)
    return guides.select_related("category", "hero_image")


def newest_editions(guides):
    """Of `guides` (live, public), each role's newest edition: those no other live public
    edition of the role beats by a later year, or by the same year and a lower pk. A guide
    without a role slug is a role of its own. One query at any size: a NOT EXISTS on the
    (role_slug, year) index."""
    newer = (
        guides.filter(role_slug=OuterRef("role_slug"))
        .exclude(role_slug="")
        .filter(Q(year__gt=OuterRef("year")) | Q(year=OuterRef("year"), pk__lt=OuterRef("pk")))
    )
    return guides.exclude(Exists(newer.values("pk")))


def check_page_size(per_page):
    if not 1 <= per_page <= MAX_PER_PAGE:
        raise ApiError(f"`perPage` must be between 1 and {MAX_PER_PAGE}.")


def paginate(
    queryset, page, per_page, with_body=True, key=None, listing="", with_total=True, total=None
):
    """One page of guides (grapple's pagination: a page past the last gives the last).

    The first page without `pagination` asked for is read without counting the guides: one
    more row than the page tells whether there is a next one (a count reads every match).
    `total`, when the caller knows it, is not counted again."""
    if page < 1:
        raise ApiError("`page` starts at 1.")
    check_page_size(per_page)
    if page == 1 and not with_total:
        items = list(queryset[: per_page + 1])
        has_next, items, pages = len(items) > per_page, items[:per_page], None
    elif total is not None:
        page = min(page, max((total + per_page - 1) // per_page, 1))
        start = (page - 1) * per_page
        items = list(queryset[start : start + per_page])
        pages = pagination(total, len(items), page, per_page)
        has_next = pages.next_page is not None
    else:
        result = get_paginated_result(queryset, page, per_page)
        items, pages = list(result.items), result.pagination
        has_next = bool(pages.next_page)
    if with_body:
        loaders.prime_stream_snippets(items, "body")
    end_cursor = item_cursor(listing, key, items[-1]) if items and key else None
    page_info = PageInfo(end_cursor=end_cursor, has_next_page=has_next)
    return RoleGuideListing(items=items, pagination=pages, page_info=page_info)


def paginate_after(queryset, after, per_page, key, listing, with_body, with_total):
    """The `per_page` guides after the cursor `after`: a range on the order's index, so any
    depth costs what page 1 costs. The total (and the page's number) only when asked for."""
    check_page_size(per_page)
    sort_key = read_cursor(after, listing, key, queryset.model)
    items, has_next = keyset_page(queryset, key, per_page, sort_key)
    if with_body:
        loaders.prime_stream_snippets(items, "body")
    page_info = PageInfo(
        end_cursor=item_cursor(listing, key, items[-1]) if items else None,
        has_next_page=has_next,
    )
    if with_total:
        total, following = position_counts(queryset, key, sort_key)
        page = (total - following) // per_page + 1
        pages = pagination(total, len(items), page, per_page)
    else:
        pages = None  # not selected: never resolved
    return RoleGuideListing(items=items, pagination=pages, page_info=page_info)


@register_graphql_schema
class RoleGuideQuery:
    role_guide = graphene.Field(
        role_guide_type,
        slug=graphene.String(),
        url_path=graphene.String(
            description="The guide's `sitePath`, e.g. '/roles/mlops-engineer-2026/' "
            "(its deprecated `urlPath`, '/home/roles/…/', is accepted too)."
        ),
        description="One live role guide, by slug or by URL path. Null when none matches.",
    )
    role_guides = graphene.Field(
        graphene.NonNull(RoleGuideListing),
        category=graphene.String(description="A category slug."),
        year=graphene.Int(description="The edition year."),
        order=graphene.Argument(RoleGuideOrder, default_value=RoleGuideOrder.TITLE.value),
        page=graphene.Int(default_value=1),
        per_page=graphene.Int(default_value=DEFAULT_PER_PAGE),
        after=graphene.String(
            description="A `pageInfo.endCursor`: the `perPage` guides after it, in the same "
            "`order` (a cursor of another order is refused). `page` must then be 1."
        ),
        latest_edition_only=graphene.Boolean(
            default_value=False,
            description="One guide per role (`roleSlug`): its newest live edition (on the same "
            "year, the older page). `category` and `year` then filter those newest editions: "
            "`year: 2026` lists the roles whose newest edition is 2026's, not each role's "
            "newest up to 2026.",
        ),
        **fact_arguments(),
        description="Live role guides, filtered, ordered and paginated.",
    )

    def resolve_role_guide(self, info, slug=None, url_path=None):
        if bool(slug) == bool(url_path):
            raise ApiError("Give exactly one of `slug` or `urlPath`.")
        guides = RoleGuidePage.objects.live().select_related("category", "hero_image")
        if slug:
            # Slugs are unique among siblings only: take the first that is not private.
            found = (g for g in guides.filter(slug=slug).order_by("path")[:10])
            return next((g for g in found if not loaders.is_restricted(g)), None)
        else:
            guide = page_at_path(guides, url_path, site_root_path(info.context))
        # Private guides are hidden (the restricted paths load once per request).
        return None if guide is None or loaders.is_restricted(guide) else guide

    def resolve_role_guides(
        self,
        info,
        category=None,
        year=None,
        order=None,
        page=1,
        per_page=20,
        latest_edition_only=False,
        after=None,
        tool=None,
        skill=None,
    ):
        # An explicit null means "the default", as an omitted argument does.
        page = 1 if page is None else page
        per_page = DEFAULT_PER_PAGE if per_page is None else per_page
        guides = visible_guides()
        if latest_edition_only:
            guides = newest_editions(guides)  # before the filters: see the argument
        if category:
            guides = guides.filter(category__slug=category)
        if year is not None:
            if not MIN_YEAR <= year <= MAX_YEAR:
                raise ApiError(f"`year` must be between {MIN_YEAR} and {MAX_YEAR}.")
            guides = guides.filter(year=year)
        guides = filter_by_facts(guides, tool, skill)
        order = getattr(order, "value", order) or RoleGuideOrder.TITLE.value
        key = OrderKey.parse(order, RoleGuidePage)
        guides = guides.order_by(*key.ordering())
        selected = selected_paths(info)
        with_body = "items.body" in selected
        if not with_body:
            guides = guides.defer_streamfields()  # don't fetch or sort what isn't asked for
        listing = f"roleGuides:{order}"
        with_total = "pagination" in selected
        if after is None:
            total = None
            if with_total and not (category or year is not None or latest_edition_only):
                total = count_from_facts(tool, skill)
            return paginate(guides, page, per_page, with_body, key, listing, with_total, total)
        if page != 1:
            raise ApiError("Give `after` or a `page` past 1, not both.")
        return paginate_after(guides, after, per_page, key, listing, with_body, with_total)


# `RoleGuidePage.editions`: one edition a year at most, cut in SQL (roles/edition_loaders.py).
register_list_size("RoleGuidePage", "editions", MAX_EDITIONS)


def snippet_list(model, description):
    return graphene.NonNull(
        graphene.List(graphene.NonNull(lambda: registry.snippets[model])),
        description=description,
        **window_arguments(),
    )


@register_graphql_schema
class RoleLibraryQuery:
    categories = snippet_list(Category, "Every category, by name.")
    tools = snippet_list(Tool, "Every tool, by name.")
    companies = snippet_list(Company, "Every company, by name, with its logo.")
    company = graphene.Field(
        lambda: registry.snippets[Company],
        slug=graphene.String(required=True),
        description="One company by slug; null when none matches.",
    )

    def resolve_categories(self, info, limit=None, offset=None):
        return window(Category.objects.order_by("name", "pk"), limit, offset)

    def resolve_tools(self, info, limit=None, offset=None):
        return window(Tool.objects.order_by("name", "pk"), limit, offset)

    def resolve_companies(self, info, limit=None, offset=None):
        return window(Company.objects.order_by("name", "pk"), limit, offset)

    def resolve_company(self, info, slug):
        return Company.objects.filter(slug=slug).first()
