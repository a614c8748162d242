"""roleGuides(after:): cursor pages read one after another give the page-number pages, in
every order (ties and undated guides included), with every filter; a cursor that is not ours
is refused; a deep cursor page costs the SQL queries of the first."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from roles.models import RoleGuidePage
from tests.factories import make_category, make_guide
from tests.graphql_http import post_graphql

ORDERS = ["TITLE", "TITLE_DESC", "YEAR", "YEAR_DESC", "NEWEST", "OLDEST"]

LISTING = """
query($order: RoleGuideOrder, $page: Int, $perPage: Int, $after: String, $category: String,
      $year: Int, $latest: Boolean) {
  roleGuides(order: $order, page: $page, perPage: $perPage, after: $after, category: $category,
             year: $year, latestEditionOnly: $latest) {
    items { slug }
    pagination { total count currentPage nextPage }
    pageInfo { endCursor hasNextPage }
  }
}
"""

WITHOUT_TOTAL = """
query($order: RoleGuideOrder, $perPage: Int, $after: String) {
  roleGuides(order: $order, perPage: $perPage, after: $after) {
    items { slug } pageInfo { endCursor hasNextPage }
  }
}
"""

MOMENT = datetime.datetime(2026, 3, 1, 12, tzinfo=datetime.UTC)


@pytest.fixture
def guides(roles_index):
    """Eleven guides: titles, years and publication times shared (ties), three never dated,
    two roles in several editions, one draft."""
    ml, data = make_category("Machine Learning"), make_category("Data")
    rows = [
        ("a1", "Alpha", 2024, ml, "alpha"),
        ("a2", "Alpha", 2025, data, "alpha"),
        ("a3", "Alpha", 2026, ml, "alpha"),
        ("b1", "Beta", 2026, ml, "beta"),
        ("b2", "Beta", 2024, data, "beta"),
        ("c1", "Gamma", 2026, data, "gamma"),
        ("d1", "Delta", 2025, ml, "delta"),
        ("e1", "Alpha", 2026, data, "epsilon"),
        ("f1", "Zeta", 2024, ml, "zeta"),
        ("g1", "Eta", 2025, data, "eta"),
    ]
    for slug, title, year, category, role in rows:
        make_guide(
            roles_index, slug, title=title, year=year, category=category, role_name=role.title()
        )
    make_guide(roles_index, "draft", title="Alpha", live=False)
    dated = {"a1": 0, "a2": 0, "b1": 0, "b2": 5, "c1": -3, "d1": 5, "f1": 1}
    for slug, days in dated.items():
        Page.objects.filter(slug=slug).update(
            first_published_at=MOMENT + datetime.timedelta(days=days)
        )
    Page.objects.filter(slug__in=["a3", "e1", "g1"]).update(first_published_at=None)


def query(client, variables, text=LISTING):
    body = post_graphql(client, text, variables).json()
    return body


def listing(client, **variables):
    body = query(client, variables)
    assert "errors" not in body, body["errors"]
    return body["data"]["roleGuides"]


def page_number_slugs(client, per_page, **filters):
    slugs, page = [], 1
    while True:
        data = listing(client, page=page, perPage=per_page, **filters)
        slugs += [item["slug"] for item in data["items"]]
        if data["pagination"]["nextPage"] is None:
            return slugs
        page += 1


def cursor_slugs(client, per_page, **filters):
    slugs, after, pages = [], None, 0
    while True:
        data = listing(client, after=after, perPage=per_page, **filters)
        pages += 1
        slugs += [item["slug"] for item in data["items"]]
        assert data["pagination"]["currentPage"] == pages
        if not data["pageInfo"]["hasNextPage"]:
            return slugs
        after = data["pageInfo"]["endCursor"]


@pytest.mark.parametrize("order", ORDERS)
@pytest.mark.parametrize("per_page", [1, 2, 3])
def test_cursor_pages_are_the_page_number_pages(client, guides, order, per_page):
    by_number = page_number_slugs(client, per_page, order=order)
    assert len(by_number) == 10 and "draft" not in by_number
    assert cursor_slugs(client, per_page, order=order) == by_number


def test_ties_break_by_id_in_the_order_direction_and_undated_guides_come_last(client, guides):
    by_pk = {slug: pk for slug, pk in RoleGuidePage.objects.values_list("slug", "pk")}
    newest = page_number_slugs(client, 20, order="NEWEST")
    oldest = page_number_slugs(client, 20, order="OLDEST")
    undated = sorted(["a3", "e1", "g1"], key=by_pk.get)
    assert newest[-3:] == undated[::-1] and oldest[-3:] == undated
    assert newest[:2] == sorted(["b2", "d1"], key=by_pk.get, reverse=True)
    alphas = [slug for slug in page_number_slugs(client, 20, order="TITLE") if slug[0] in "ae"]
    assert alphas == sorted(["a1", "a2", "a3", "e1"], key=by_pk.get)


@pytest.mark.parametrize(
    "filters",
    [
        {"category": "machine-learning"},
        {"year": 2026},
        {"category": "data", "year": 2024},
        {"latest": True},
        {"latest": True, "category": "machine-learning"},
    ],
)
@pytest.mark.parametrize("order", ORDERS)
def test_cursor_pages_with_filters(client, guides, filters, order):
    by_number = page_number_slugs(client, 2, order=order, **filters)
    assert by_number
    assert cursor_slugs(client, 2, order=order, **filters) == by_number


def test_an_empty_listing_has_no_cursor(client, guides):
    data = listing(client, category="no-such-category")
    assert data["items"] == [] and data["pageInfo"] == {"endCursor": None, "hasNextPage": False}


def error_of(client, variables):
    body = query(client, variables)
    assert body.get("errors") and body["data"] is None, body
    (error,) = body["errors"]
    return error["extensions"]["code"], error["message"]


def first_cursor(client, order="TITLE"):
    return listing(client, perPage=2, order=order)["pageInfo"]["endCursor"]


def test_a_tampered_cursor_is_refused(client, guides):
    cursor = first_cursor(client)
    tampered = [
        cursor[:-1] + ("A" if cursor[-1] != "A" else "B"),
        cursor[:10],
        "",
        "not a cursor",
        "W1sxLCJyb2xlR3VpZGVzOnRpdGxlIiwiQSIsMV1d",
    ]
    for after in tampered:
        assert error_of(client, {"after": after}) == (
            "BAD_USER_INPUT",
            "`after` is not a cursor this API gave out.",
        )


def test_a_cursor_of_another_order_is_refused(client, guides):
    code, message = error_of(client, {"after": first_cursor(client, "YEAR"), "order": "TITLE"})
    assert code == "BAD_USER_INPUT" and "another listing or order" in message


def test_a_cursor_with_a_page_number_is_refused(client, guides):
    code, message = error_of(client, {"after": first_cursor(client), "page": 2})
    assert code == "BAD_USER_INPUT" and "not both" in message
    assert listing(client, after=first_cursor(client), page=1, perPage=2)["items"]


def test_a_cursor_with_a_bad_page_size_is_refused(client, guides):
    code, message = error_of(client, {"after": first_cursor(client), "perPage": 0})
    assert code == "BAD_USER_INPUT" and "perPage" in message


def test_a_cursor_keeps_its_place_when_its_guide_is_unpublished(client, guides):
    first = listing(client, perPage=3, order="YEAR")
    rest = cursor_slugs(client, 3, order="YEAR")[3:]
    RoleGuidePage.objects.get(slug=first["items"][-1]["slug"]).unpublish()
    after = listing(client, after=first["pageInfo"]["endCursor"], perPage=3, order="YEAR")
    assert [item["slug"] for item in after["items"]] == rest[:3]


def queries_for(client, text, variables):
    with CaptureQueriesContext(connection) as captured:
        body = post_graphql(client, text, variables).json()
    assert "errors" not in body, body["errors"]
    return [query["sql"] for query in captured]


@pytest.mark.parametrize("order", ["TITLE", "YEAR_DESC", "OLDEST"])
def test_a_deep_cursor_page_costs_what_the_second_costs(client, roles_index, order):
    category = make_category("Data")
    for n in range(30):
        make_guide(
            roles_index, f"g{n:02}", title=f"Guide {n % 7}", year=2020 + n % 5, category=category
        )
    pages, after = [], None
    for _ in range(8):
        data = listing(client, perPage=3, order=order, after=after)
        pages.append(data)
        after = data["pageInfo"]["endCursor"]
    second = queries_for(
        client,
        WITHOUT_TOTAL,
        {"order": order, "perPage": 3, "after": pages[0]["pageInfo"]["endCursor"]},
    )
    deep = queries_for(
        client,
        WITHOUT_TOTAL,
        {"order": order, "perPage": 3, "after": pages[7]["pageInfo"]["endCursor"]},
    )
    assert len(deep) == len(second)
    assert not any("OFFSET" in sql.upper() for sql in deep)


def test_without_pagination_selected_nothing_is_counted(client, guides):
    after = first_cursor(client)
    sqls = queries_for(client, WITHOUT_TOTAL, {"order": "TITLE", "perPage": 2, "after": after})
    assert not any("COUNT(" in sql.upper() for sql in sqls)
    with_total = queries_for(client, LISTING, {"order": "TITLE", "perPage": 2, "after": after})
    assert any("COUNT(" in sql.upper() for sql in with_total)


@pytest.mark.parametrize("order", ORDERS)
def test_the_first_page_without_pagination_is_not_counted_either(client, guides, order):
    """A frontend's first page of a cursor walk reads its guides and one more (is there a next
    page?), never a count of every guide: the same items, cursor and next-page flag."""
    counted = listing(client, order=order, perPage=4)
    sqls = queries_for(client, WITHOUT_TOTAL, {"order": order, "perPage": 4})
    assert not any("COUNT(" in sql.upper() for sql in sqls)
    data = post_graphql(client, WITHOUT_TOTAL, {"order": order, "perPage": 4}).json()
    first = data["data"]["roleGuides"]
    assert first["items"] == counted["items"]
    assert first["pageInfo"] == counted["pageInfo"] and first["pageInfo"]["hasNextPage"]
    total = counted["pagination"]["total"]
    last = post_graphql(client, WITHOUT_TOTAL, {"order": order, "perPage": total}).json()
    assert last["data"]["roleGuides"]["pageInfo"]["hasNextPage"] is False
    assert len(last["data"]["roleGuides"]["items"]) == total


def test_the_same_page_has_the_same_cursor(client, guides):
    """Cursors carry no time: answers stay reproducible (and cacheable)."""
    first = listing(client, perPage=2)["pageInfo"]["endCursor"]
    with time_machine.travel(datetime.datetime(2030, 1, 1, tzinfo=datetime.UTC)):
        assert listing(client, perPage=2)["pageInfo"]["endCursor"] == first
