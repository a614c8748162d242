"""The role guide listing: filters, ordering, pagination with totals, and bad arguments."""

import pytest

from tests.factories import make_category, make_guide

LISTING = """
query($category: String, $year: Int, $order: RoleGuideOrder, $page: Int, $perPage: Int) {
  roleGuides(category: $category, year: $year, order: $order, page: $page, perPage: $perPage) {
    items { slug year category { slug } }
    pagination { total count perPage currentPage prevPage nextPage totalPages }
  }
}
"""


@pytest.fixture
def guides(roles_index):
    ml, data = make_category("Machine Learning"), make_category("Data")
    make_guide(roles_index, "b-ml-2026", title="B", year=2026, category=ml)
    make_guide(roles_index, "a-ml-2025", title="A", year=2025, category=ml)
    make_guide(roles_index, "c-data-2026", title="C", year=2026, category=data)


def slugs(data):
    return [item["slug"] for item in data["roleGuides"]["items"]]


def test_filter_by_category_and_year(gql, guides):
    assert slugs(gql(LISTING, {"category": "machine-learning"})) == ["a-ml-2025", "b-ml-2026"]
    assert slugs(gql(LISTING, {"year": 2026})) == ["b-ml-2026", "c-data-2026"]
    assert slugs(gql(LISTING, {"category": "data", "year": 2025})) == []
    assert slugs(gql(LISTING, {"category": "no-such-category"})) == []


def test_ordering(gql, guides):
    assert slugs(gql(LISTING, {"order": "TITLE_DESC"})) == ["c-data-2026", "b-ml-2026", "a-ml-2025"]
    assert slugs(gql(LISTING, {"order": "YEAR"}))[0] == "a-ml-2025"


def test_pagination_with_totals(gql, guides):
    first = gql(LISTING, {"perPage": 2})["roleGuides"]
    assert first["pagination"] == {
        "total": 3,
        "count": 2,
        "perPage": 2,
        "currentPage": 1,
        "prevPage": None,
        "nextPage": 2,
        "totalPages": 2,
    }
    second = gql(LISTING, {"perPage": 2, "page": 2})["roleGuides"]
    assert [i["slug"] for i in second["items"]] == ["c-data-2026"]
    assert second["pagination"]["prevPage"] == 1 and second["pagination"]["nextPage"] is None


def test_a_page_past_the_end_gives_the_last_page(gql, guides):
    data = gql(LISTING, {"perPage": 2, "page": 99})["roleGuides"]
    assert data["pagination"]["currentPage"] == 2


def test_empty_listing(gql, roles_index):
    data = gql(LISTING)["roleGuides"]
    assert data["items"] == [] and data["pagination"]["total"] == 0


@pytest.mark.parametrize(
    ("variables", "message"),
    [
        ({"page": 0}, "`page` starts at 1."),
        ({"perPage": 0}, "`perPage` must be between 1 and 100."),
        ({"perPage": 101}, "`perPage` must be between 1 and 100."),
        ({"year": 99999}, "`year` must be between 2000 and 2100."),
    ],
)
def test_bad_arguments_get_a_coded_error(gql_errors, guides, variables, message):
    status, errors = gql_errors(LISTING, variables)
    assert errors[0]["message"] == message
    assert errors[0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert status == 200


def test_unknown_order_is_a_validation_error(gql_errors, guides):
    status, errors = gql_errors(LISTING, {"order": "PRICE"})
    assert errors[0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert status == 400


def test_role_guide_needs_exactly_one_of_slug_or_path(gql_errors, guides):
    _, errors = gql_errors("{ roleGuide { title } }")
    assert errors[0]["extensions"]["code"] == "BAD_USER_INPUT"
    _, errors = gql_errors('{ roleGuide(slug: "a", urlPath: "/roles/a/") { title } }')
    assert errors[0]["message"] == "Give exactly one of `slug` or `urlPath`."


def test_guide_by_path_with_or_without_slashes(gql, guides):
    for path in ["/roles/b-ml-2026/", "roles/b-ml-2026", "/roles/b-ml-2026"]:
        assert gql("query($p: String) { roleGuide(urlPath: $p) { slug } }", {"p": path}) == {
            "roleGuide": {"slug": "b-ml-2026"}
        }
    assert gql('{ roleGuide(urlPath: "/b-ml-2026/") { slug } }') == {"roleGuide": None}


def test_explicit_nulls_mean_the_defaults(gql, guides):
    # Found by the fuzz run: `page: null` used to reach the resolver as None and fail.
    data = gql("{ roleGuides(order: null, page: null, perPage: null) { pagination { perPage } } }")
    assert data["roleGuides"]["pagination"]["perPage"] == 20


def test_title_order_follows_a_published_rename(gql, guides):
    from roles.models import RoleGuidePage
    from tests.factories import publish

    guide = RoleGuidePage.objects.get(slug="c-data-2026")
    guide.title = "0 first now"
    guide.save_revision()
    assert slugs(gql(LISTING))[0] == "a-ml-2025"  # a draft rename changes nothing
    publish(guide.get_latest_revision_as_object())
    assert slugs(gql(LISTING))[0] == "c-data-2026"
