"""The filters roles offers on `searchListing` (cms/api/search_filters.py): a guide's category
and year, both FilterFields of RoleGuidePage, so the search backend filters its own index."""

import graphene

from cms.api.errors import ApiError
from cms.api.search_filters import register_search_filter
from roles.models import MAX_YEAR, MIN_YEAR, Category, RoleGuidePage


def by_category(guides, slug):
    """Guides of the category `slug` (its id read in a subquery: the index holds `category`)."""
    return guides.filter(category__in=Category.objects.filter(slug=slug).values("pk"))


def by_year(guides, year):
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ApiError(f"`year` must be between {MIN_YEAR} and {MAX_YEAR}.")
    return guides.filter(year=year)


def register():
    register_search_filter(
        "category", graphene.String, RoleGuidePage, by_category, "A category slug"
    )
    register_search_filter("year", graphene.Int, RoleGuidePage, by_year, "An edition year")
