"""Lists that read more than they return are costed and paged by what they read: a deep
offset into search or redirects is neither cheap to ask nor slow to answer."""

import json

from wagtail.contrib.redirects.models import Redirect

from cms.api.limits import FIELD_COSTS
from cms.api.seo_types import STRUCTURED_DATA_COST


def cost(client, query):
    response = client.post(
        "/graphql/", json.dumps({"query": query}), content_type="application/json"
    )
    return response.json()["extensions"]["cost"]["requested"]


def test_a_deep_search_costs_the_rows_it_reads(client, site_tree):
    shallow = cost(client, '{ search(query: "data", limit: 1) { __typename } }')
    deep = cost(client, '{ search(query: "data", offset: 900, limit: 1) { __typename } }')
    assert deep >= 450 * shallow
    assert ("Query", "searchListing") in FIELD_COSTS


def test_structured_data_costs_the_work_of_building_it(client, site_tree):
    one = cost(client, "{ roleGuides(perPage: 1) { items { seo { structuredData } } } }")
    hundred = cost(client, "{ roleGuides(perPage: 100) { items { seo { structuredData } } } }")
    assert hundred - one >= 99 * STRUCTURED_DATA_COST


def test_redirects_are_paged_in_sql(client, site_tree, django_assert_max_num_queries):
    Redirect.objects.bulk_create(
        Redirect(old_path=f"/old-{n}", redirect_link=f"https://example.com/{n}")
        for n in range(1500)
    )
    query = "{ redirects(offset: 1400, limit: 5) { oldUrl newUrl } }"
    with django_assert_max_num_queries(6):
        response = client.post(
            "/graphql/", json.dumps({"query": query}), content_type="application/json"
        )
    redirects = response.json()["data"]["redirects"]
    assert [r["newUrl"] for r in redirects] == [
        f"https://example.com/{n}" for n in range(1400, 1405)
    ]


def test_deep_image_and_document_search_is_refused(client, db):
    for field in ("images", "documents"):
        query = f'{{ {field}(searchQuery: "report", offset: 5000, limit: 10) {{ id }} }}'
        response = client.post(
            "/graphql/", json.dumps({"query": query}), content_type="application/json"
        )
        assert [e["extensions"]["code"] for e in response.json()["errors"]] == ["BAD_USER_INPUT"]
