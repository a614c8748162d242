"""Regression tests for problems a review of the API code found (each would have failed before)."""

import json

from django.db import connection
from django.test.utils import CaptureQueriesContext
from graphql import parse

from cms.api.limits import measure_operation
from cms.api.schema import schema
from tests.factories import make_guide


def post(client, payload):
    return client.post("/graphql/", data=json.dumps(payload), content_type="application/json")


def test_a_preview_is_never_cached_however_the_token_argument_is_written(client, roles_index):
    guide = make_guide(roles_index, "previewed", title="Published")
    draft = guide.get_latest_revision_as_object()
    draft.title = "Draft"
    token = draft.create_page_preview().token
    # A comment between the argument and its colon used to slip past the preview check.
    query = "query($t: String) { page(token #c\n : $t) { title } }"
    assert post(client, {"query": query, "variables": {"t": token}}).json()["data"]["page"] == {
        "title": "Draft"
    }
    with CaptureQueriesContext(connection) as captured:
        post(client, {"query": query, "variables": {"t": token}})
    assert len(captured) > 0  # answered afresh: the draft was not stored


def test_deeply_nested_json_is_a_bad_request(client, db):
    response = client.post("/graphql/", data="[" * 100_000, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"]["code"] == "BAD_REQUEST"
    response = client.get("/graphql/", {"query": "{ __typename }", "variables": "[" * 5000})
    assert response.status_code == 400


def test_variable_defaults_count_in_the_cost():
    sent = "query($n: Int) { roleGuides(perPage: $n) { items { title } } }"
    default = "query($n: Int = 100) { roleGuides(perPage: $n) { items { title } } }"
    graphql_schema = schema.graphql_schema
    explicit = measure_operation(graphql_schema, parse(sent), None, {"n": 100})
    assert measure_operation(graphql_schema, parse(default), None, {}).cost == explicit.cost


def test_creating_an_alias_is_seen_at_once(client, roles_index, site_tree):
    from roles.models import RoleIndexPage

    guide = make_guide(roles_index, "original")
    listing = {"query": "{ roleGuides { pagination { total } } }"}
    assert post(client, listing).json()["data"]["roleGuides"]["pagination"]["total"] == 1
    other = site_tree[0].add_child(instance=RoleIndexPage(title="Mirror", slug="mirror"))
    guide.create_alias(parent=other, update_slug="original-alias")
    assert post(client, listing).json()["data"]["roleGuides"]["pagination"]["total"] == 2


def test_breadcrumbs_leave_out_unpublished_sections(client, roles_index):
    make_guide(roles_index, "orphan", title="Orphan")
    roles_index.unpublish()
    query = '{ roleGuide(slug: "orphan") { seo { structuredData } } }'
    data = json.loads(
        post(client, {"query": query}).json()["data"]["roleGuide"]["seo"]["structuredData"]
    )
    crumbs = next(n for n in data["@graph"] if n["@type"] == "BreadcrumbList")
    assert [c["name"] for c in crumbs["itemListElement"]] == ["Home", "Orphan"]
