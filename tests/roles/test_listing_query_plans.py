"""On PostgreSQL, with a few thousand guides analysed, every order and filter roleGuides offers
reads an index: the first page and a deep cursor page never scan the whole guide table, and a
cursor page is never a sort of every matching guide. The queries explained are the ones the
API runs (captured from real requests). Skipped on SQLite; .ci/run's PostgreSQL pass runs it."""

import io
import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from roles.models import Category
from tests.graphql_http import post_graphql

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="query plans are PostgreSQL's"
)

GUIDES = 3000
# A Sort node's estimated rows: a cursor page may sort a filter's few matches (the planner's
# choice for a selective filter), never most of the guides.
SORTED_ROWS = re.compile(r"Sort  \(cost=[0-9.]+ rows=(\d+)")
ORDERS = ["TITLE", "TITLE_DESC", "YEAR", "YEAR_DESC", "NEWEST", "OLDEST"]

LISTING = """
query($order: RoleGuideOrder, $perPage: Int, $after: String, $category: String, $year: Int) {
  roleGuides(order: $order, perPage: $perPage, after: $after, category: $category,
             year: $year) {
    items { slug } pageInfo { endCursor }
  }
}
"""


def listing_sql(client, variables):
    """(the SQL that read the guides, the answer) for one request."""
    with CaptureQueriesContext(connection) as captured:
        body = post_graphql(client, LISTING, variables).json()
    assert "errors" not in body, body["errors"]
    reads = [
        query["sql"]
        for query in captured
        if 'FROM "roles_roleguidepage"' in query["sql"] and "LIMIT" in query["sql"]
    ]
    assert reads, [query["sql"] for query in captured]
    return reads, body["data"]["roleGuides"]


def plan(sql):
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN " + sql)
        return "\n".join(row[0] for row in cursor.fetchall())


def test_every_order_and_filter_reads_an_index(client, settings, roles_index):
    settings.API_RESPONSE_CACHE = False
    call_command("generate_role_guides", count=GUIDES, stdout=io.StringIO())
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    category = Category.objects.filter(guides__isnull=False).first().slug
    filters = [{}, {"category": category}, {"year": 2025}, {"category": category, "year": 2025}]
    failures = []
    for order in ORDERS:
        for given in filters:
            variables = {"order": order, "perPage": 20, **given}
            first_sql, data = listing_sql(client, variables)
            for _ in range(20):  # a deep page: 400 guides in, by cursor
                variables["after"] = data["pageInfo"]["endCursor"]
                if variables["after"] is None:
                    break
                deep_sql, data = listing_sql(client, variables)
            for label, sqls in (("first page", first_sql), ("cursor page", deep_sql)):
                for sql in sqls:
                    explained = plan(sql)
                    where = f"{order} {given} {label}"
                    if "Seq Scan on roles_roleguidepage" in explained:
                        failures.append(f"{where}: seq scan on guides\n{explained}")
                    sorted_rows = [int(rows) for rows in SORTED_ROWS.findall(explained)]
                    if label == "cursor page" and any(rows > GUIDES // 4 for rows in sorted_rows):
                        failures.append(f"{where}: sorts most guides\n{explained}")
    assert not failures, "\n\n".join(failures)
