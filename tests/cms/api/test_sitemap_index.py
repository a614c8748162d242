"""sitemapIndex: the sitemap cut into chunks of `size`, each with the cursor that starts it,
its count and its newest change; read with sitemapListing(after:) each chunk is the listing's
slice. One SQL query for the index however many pages there are."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from tests.graphql_http import post_graphql

INDEX = """query ($size: Int) {
  sitemapIndex(size: $size) { total sitemaps { number lastModified after count } }
}"""

LISTING = """query ($page: Int, $perPage: Int, $after: String) {
  sitemapListing(page: $page, perPage: $perPage, after: $after) {
    items { path lastModified }
    pagination { total currentPage }
    pageInfo { endCursor hasNextPage }
  }
}"""


def run(client, text, variables):
    body = post_graphql(client, text, variables).json()
    assert "errors" not in body, body["errors"]
    return body["data"]


def errors(client, text, variables):
    body = post_graphql(client, text, variables).json()
    assert body.get("errors"), body
    return [(e["extensions"]["code"], e["message"]) for e in body["errors"]]


@pytest.fixture
def pages(client, settings, roles_index):
    settings.API_RESPONSE_CACHE = False
    call_command("generate_role_guides", count=25, stdout=io.StringIO())
    late = datetime.datetime(2030, 1, 1, tzinfo=datetime.UTC)
    entries = every_entry(client)
    Page.objects.filter(url_path__endswith=entries[13]["path"]).update(last_published_at=late)
    return every_entry(client)


def every_entry(client):
    data = run(client, LISTING, {"perPage": 100})["sitemapListing"]
    assert not data["pageInfo"]["hasNextPage"]
    return data["items"]


def read_chunk(client, after, count):
    entries = []
    while len(entries) < count:
        data = run(client, LISTING, {"after": after, "perPage": 4})["sitemapListing"]
        entries += data["items"]
        after = data["pageInfo"]["endCursor"]
        if not data["pageInfo"]["hasNextPage"]:
            break
    return entries[:count]


def test_the_chunks_of_the_index_are_the_listing_cut_by_size(client, pages):
    index = run(client, INDEX, {"size": 10})["sitemapIndex"]
    assert index["total"] == len(pages) > 20
    assert [s["count"] for s in index["sitemaps"]][:2] == [10, 10]
    assert sum(s["count"] for s in index["sitemaps"]) == len(pages)
    assert [s["number"] for s in index["sitemaps"]] == list(range(1, len(index["sitemaps"]) + 1))
    assert index["sitemaps"][0]["after"] is None
    for number, sitemap in enumerate(index["sitemaps"]):
        chunk = pages[number * 10 : number * 10 + 10]
        if sitemap["after"] is None:
            read = run(client, LISTING, {"perPage": 10})["sitemapListing"]["items"]
        else:
            read = read_chunk(client, sitemap["after"], sitemap["count"])
        assert read == chunk
        assert sitemap["lastModified"] == max(entry["lastModified"] for entry in chunk)
    assert index["sitemaps"][1]["lastModified"].startswith("2030-01-01")


def test_the_default_size_gives_one_sitemap(client, pages):
    index = run(client, INDEX, {})["sitemapIndex"]
    assert [(s["number"], s["count"], s["after"]) for s in index["sitemaps"]] == [
        (1, len(pages), None)
    ]


def test_the_index_is_one_query_at_any_size(client, pages):
    run(client, INDEX, {"size": 10})  # the default site, read once
    with CaptureQueriesContext(connection) as small:
        run(client, INDEX, {"size": 10})
    call_command("generate_role_guides", count=30, stdout=io.StringIO())
    with CaptureQueriesContext(connection) as large:
        index = run(client, INDEX, {"size": 10})["sitemapIndex"]
    assert len(index["sitemaps"]) > 5
    assert len(large) == len(small)
    # The site, its root and the view restrictions aside, one query reads the pages.
    numbering = [q["sql"] for q in large if "ROW_NUMBER()" in q["sql"].upper()]
    assert len(numbering) == 1 and "GROUP BY" in numbering[0]


def test_cursor_pages_of_the_listing_are_its_page_number_pages(client, pages):
    by_cursor, after = [], None
    while True:
        data = run(client, LISTING, {"after": after, "perPage": 7})["sitemapListing"]
        by_cursor += data["items"]
        if after is not None:
            assert data["pagination"]["total"] == len(pages)
            assert data["pagination"]["currentPage"] == (len(by_cursor) - 1) // 7 + 1
        if not data["pageInfo"]["hasNextPage"]:
            break
        after = data["pageInfo"]["endCursor"]
    assert by_cursor == pages


@pytest.mark.parametrize("size", [0, 9, 50_001])
def test_a_size_out_of_bounds_is_refused(client, pages, size):
    assert errors(client, INDEX, {"size": size}) == [
        ("BAD_USER_INPUT", "`size` must be between 10 and 50000.")
    ]


def test_a_foreign_or_tampered_cursor_is_refused(client, pages):
    role_cursor = post_graphql(
        client, "{ roleGuides(perPage: 1) { pageInfo { endCursor } } }"
    ).json()["data"]["roleGuides"]["pageInfo"]["endCursor"]
    ((code, message),) = errors(client, LISTING, {"after": role_cursor})
    assert code == "BAD_USER_INPUT" and "another listing" in message
    ((code, message),) = errors(client, LISTING, {"after": "x" + role_cursor})
    assert code == "BAD_USER_INPUT"
    cursor = run(client, LISTING, {"perPage": 2})["sitemapListing"]["pageInfo"]["endCursor"]
    ((code, message),) = errors(client, LISTING, {"after": cursor, "page": 2})
    assert code == "BAD_USER_INPUT" and "not both" in message
