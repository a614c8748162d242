"""On PostgreSQL, with a few thousand guides analysed, a guide looked up by its path and a
sitemap window read indexes only: Wagtail's page table by url_path (cms/migrations/0003) and
the no-index guides from their partial index. Skipped on SQLite; .ci/run's PostgreSQL pass
runs it."""

import io
import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from roles.models import RoleGuidePage
from tests.graphql_http import post_graphql

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="query plans are PostgreSQL's"
)

# Not wagtailcore_pageviewrestriction (a handful of rows, read once a request).
PAGE_TABLE_SCAN = re.compile(r"Seq Scan on wagtailcore_page\s")

BY_PATH = "query ($path: String) { roleGuide(urlPath: $path) { title } }"
SITEMAP = """query ($after: String) {
  sitemapListing(perPage: 100, after: $after) { items { url } pageInfo { endCursor } }
}"""


def plans(client, query, variables):
    with CaptureQueriesContext(connection) as captured:
        body = post_graphql(client, query, variables).json()
    assert "errors" not in body, body["errors"]
    explained = []
    for sql in (q["sql"] for q in captured):
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN " + sql)
            explained.append("\n".join(row[0] for row in cursor.fetchall()))
    return body["data"], explained


def test_a_path_and_a_sitemap_window_read_indexes(client, settings, roles_index):
    settings.API_RESPONSE_CACHE = False
    call_command("generate_role_guides", count=3000, stdout=io.StringIO())
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    guide = RoleGuidePage.objects.order_by("-pk").first()
    data, explained = plans(client, BY_PATH, {"path": f"/roles/{guide.slug}/"})
    assert data["roleGuide"] == {"title": guide.title}
    for plan in explained:
        assert not PAGE_TABLE_SCAN.search(plan), plan
    data, _ = plans(client, SITEMAP, {})
    _, explained = plans(
        client, SITEMAP, {"after": data["sitemapListing"]["pageInfo"]["endCursor"]}
    )
    for plan in explained:
        assert not PAGE_TABLE_SCAN.search(plan), plan
        assert not re.search(r"Seq Scan on roles_roleguidepage\s", plan), plan
