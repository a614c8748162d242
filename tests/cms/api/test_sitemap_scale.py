"""The sitemap is filtered, sorted and sliced in SQL: a page of it costs what it returns, reads
no page body, and asks the same number of queries however many pages the site has."""

import io

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from roles.models import RoleGuidePage
from tests.graphql_http import post_graphql

LISTING = """query ($page: Int, $perPage: Int) {
  sitemapListing(page: $page, perPage: $perPage) {
    items { url path lastModified }
    pagination { total count currentPage }
  }
}"""


def sitemap_page(client, page, per_page):
    with CaptureQueriesContext(connection) as captured:
        body = post_graphql(client, LISTING, {"page": page, "perPage": per_page}).json()
    assert "errors" not in body, body["errors"]
    return body["data"]["sitemapListing"], [q["sql"] for q in captured]


def generate(count):
    call_command("generate_role_guides", count=count, stdout=io.StringIO())


def test_a_sitemap_page_costs_the_same_queries_at_any_size_and_reads_no_body(
    client, settings, roles_index
):
    settings.API_RESPONSE_CACHE = False
    generate(15)
    sitemap_page(client, 1, 10)  # Wagtail reads the site root paths once, then caches them
    small, small_sql = sitemap_page(client, 1, 10)
    generate(120)
    large, large_sql = sitemap_page(client, 3, 10)
    assert small["pagination"]["total"] == 15 + 2  # the home page and the Roles index too
    assert large["pagination"]["total"] == 135 + 2
    assert (small["pagination"]["count"], large["pagination"]["count"]) == (10, 10)
    assert len(large_sql) == len(small_sql)
    body_column = f'"{RoleGuidePage._meta.db_table}"."body"'
    assert not [sql for sql in large_sql if body_column in sql]


def test_sitemap_pages_are_in_tree_order_without_no_index_pages(client, settings, roles_index):
    settings.API_RESPONSE_CACHE = False
    generate(12)
    hidden = RoleGuidePage.objects.order_by("path")[4]
    hidden.no_index = True
    hidden.save_revision().publish()
    paths = []
    for page in (1, 2, 3):
        listing, _ = sitemap_page(client, page, 5)
        paths += [item["path"] for item in listing["items"]]
    root = roles_index.get_parent().url_path  # the site's home page: '/' on the frontend
    expected = ["/" + p.url_path.removeprefix(root) for p in RoleGuidePage.objects.order_by("path")]
    assert paths[:2] == ["/", "/roles/"]
    assert paths[2:] == [
        path for path in expected if path != "/" + hidden.url_path.removeprefix(root)
    ]
