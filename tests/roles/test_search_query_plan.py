"""On PostgreSQL, a search for a rare term reads the search index's GIN index on what the
backend matches (`title || body`, cms/migrations/0002) and joins the guides through their
text key (roles_guide_search_key): it never reads every entry or every guide, so its cost
follows the matches, not the site. Skipped on SQLite; .ci/run's PostgreSQL pass runs it."""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from roles.models import RoleGuidePage
from tests.graphql_http import post_graphql

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="query plans are PostgreSQL's"
)

RARE = "zyphrantic"
SEARCH = """query ($q: String) {
  search(query: $q, limit: 20) { ... on RoleGuidePage { slug } }
}"""


def test_a_rare_term_is_found_through_the_indexes(client, settings, roles_index):
    settings.API_RESPONSE_CACHE = False
    call_command("generate_role_guides", count=3000, stdout=io.StringIO())
    marked = list(RoleGuidePage.objects.order_by("pk")[::100])
    for guide in marked:
        guide.intro = f"{guide.intro} {RARE}"
        guide.save(update_fields=["intro"])  # re-indexed on save, as any edit is
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    with CaptureQueriesContext(connection) as captured:
        body = post_graphql(client, SEARCH, {"q": RARE}).json()
    assert "errors" not in body, body["errors"]
    found = {item["slug"] for item in body["data"]["search"] if item}
    assert len(found) == 20 and found <= {guide.slug for guide in marked}
    guide_reads = [q["sql"] for q in captured if 'FROM "roles_roleguidepage"' in q["sql"]]
    assert guide_reads
    for sql in guide_reads:
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN " + sql)
            plan = "\n".join(row[0] for row in cursor.fetchall())
        assert "Seq Scan on wagtailsearch_indexentry" not in plan, plan
        assert "Seq Scan on roles_roleguidepage" not in plan, plan
        assert "cms_search_title_body_gin" in plan, plan
