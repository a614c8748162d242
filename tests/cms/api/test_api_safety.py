"""Persisted queries, cache headers, the allow-list, introspection and query limits."""

import hashlib
import json

import pytest

from cms.api.operations import operations
from tests.factories import make_guide

LISTING = "query Listing { roleGuides { items { title } pagination { total } } }"


def sha(text):
    return hashlib.sha256(text.encode()).hexdigest()


def post(client, payload):
    return client.post("/graphql/", data=json.dumps(payload), content_type="application/json")


def persisted(digest):
    return {"persistedQuery": {"version": 1, "sha256Hash": digest}}


def codes(response):
    return [e["extensions"]["code"] for e in response.json().get("errors", [])]


def test_automatic_persisted_query_round_trip(client, roles_index):
    make_guide(roles_index, "g", title="Guide")
    digest = sha(LISTING)
    first = post(client, {"extensions": persisted(digest)})
    assert first.status_code == 200 and codes(first) == ["PERSISTED_QUERY_NOT_FOUND"]
    assert first.json()["errors"][0]["message"] == "PersistedQueryNotFound"
    registered = post(client, {"query": LISTING, "extensions": persisted(digest)})
    assert registered.json()["data"]["roleGuides"]["pagination"]["total"] == 1
    again = post(client, {"extensions": persisted(digest)})
    assert again.json()["data"] == registered.json()["data"]


@pytest.mark.parametrize(
    "query",
    [
        "#" + "x" * 19_000,  # a comment: no operation
        "{ roleGuides { nope } }",  # invalid
        "{ " + "a: __typename " * 40 + "}",  # refused by a limit (aliases)
        "{ pages(limit: 100) { children(limit: 100) { children(limit: 100) { title } } } }",
    ],
    ids=["comment", "invalid", "aliases", "too-costly"],
)
def test_a_refused_query_is_never_kept_for_its_hash(client, db, query):
    """The shared cache keeps only registrations that would run: a refused text is not stored
    for a week for anyone to fill the cache with."""
    digest = sha(query)
    refused = post(client, {"query": query, "extensions": persisted(digest)})
    assert refused.json().get("errors")
    by_hash = post(client, {"extensions": persisted(digest)})
    assert codes(by_hash) == ["PERSISTED_QUERY_NOT_FOUND"]


def test_a_hash_that_does_not_match_the_query_is_refused(client, db):
    response = post(client, {"query": LISTING, "extensions": persisted(sha("something else"))})
    assert codes(response) == ["PERSISTED_QUERY_HASH_MISMATCH"]


def test_a_malformed_hash_is_refused(client, db):
    response = post(client, {"extensions": persisted("not-a-hash")})
    assert response.status_code == 400 and codes(response) == ["BAD_REQUEST"]


def test_contract_operations_are_registered_by_hash(client, site_tree):
    operation = operations()["Sitemap"]
    response = post(client, {"extensions": persisted(operation.sha256)})
    assert response.status_code == 200
    assert [e["path"] for e in response.json()["data"]["sitemap"]] == ["/", "/roles/"]


def get_persisted(client, digest, variables=None, **headers):
    params = {"extensions": json.dumps(persisted(digest))}
    if variables:
        params["variables"] = json.dumps(variables)
    return client.get("/graphql/", params, **headers)


def test_persisted_get_answers_are_cacheable_with_etags(client, site_tree):
    digest = operations()["Sitemap"].sha256
    response = get_persisted(client, digest)
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=60"
    etag = response["ETag"]
    again = get_persisted(client, digest, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again["ETag"] == etag and again.content == b""
    other = get_persisted(client, digest, HTTP_IF_NONE_MATCH='"stale"')
    assert other.status_code == 200


def test_preview_and_plain_answers_are_not_publicly_cached(client, site_tree):
    digest = operations()["PreviewPage"].sha256
    response = get_persisted(client, digest, {"token": "x"})
    assert response["Cache-Control"] == "no-store"
    plain = client.get("/graphql/", {"query": LISTING})
    assert plain["Cache-Control"] == "no-cache" and plain.has_header("ETag")
    assert post(client, {"query": LISTING})["Cache-Control"] == "no-store"


def test_allow_list_accepts_only_registered_operations(client, site_tree, settings):
    settings.GRAPHQL_ALLOWLIST_ONLY = True
    assert codes(post(client, {"query": LISTING})) == ["PERSISTED_QUERY_NOT_ALLOWED"]
    refused = post(client, {"query": LISTING, "extensions": persisted(sha(LISTING))})
    assert codes(refused) == ["PERSISTED_QUERY_NOT_ALLOWED"]
    assert codes(post(client, {"extensions": persisted(sha(LISTING))})) == [
        "PERSISTED_QUERY_NOT_FOUND"
    ]
    sitemap = operations()["Sitemap"]
    assert "data" in post(client, {"extensions": persisted(sitemap.sha256)}).json()
    assert "data" in post(client, {"query": sitemap.text}).json()


def test_introspection_can_be_switched_off(client, db, settings):
    query = "{ __schema { queryType { name } } }"
    assert post(client, {"query": query}).json()["data"]["__schema"]["queryType"]["name"]
    settings.GRAPHQL_INTROSPECTION = False
    response = post(client, {"query": query})
    assert set(codes(response)) == {"GRAPHQL_VALIDATION_FAILED"}
    assert "introspection" in response.json()["errors"][0]["message"].lower()


def test_every_answer_reports_its_cost(client, db):
    body = post(client, {"query": LISTING}).json()
    assert body["extensions"]["cost"] == {
        # roleGuides, then its 20 `items` (each with a title), then `pagination` once.
        "requested": 1 + (1 + 20 * 1) + (1 + 1),
        "maximum": 20000,
    }


def test_the_unknown_field_rule_still_applies(client, db):
    # graphene-django's validation_rules would replace the standard rules; ours add to them.
    assert codes(post(client, {"query": "{ roleGuides { items { nope } } }"})) == [
        "GRAPHQL_VALIDATION_FAILED"
    ]


def test_batches(client, roles_index, settings):
    make_guide(roles_index, "g")
    batch = [{"query": LISTING}, {"query": "{ nope }"}, "not an object"]
    response = client.post("/graphql/", data=json.dumps(batch), content_type="application/json")
    first, second, third = response.json()
    assert first["data"]["roleGuides"]["pagination"]["total"] == 1
    assert second["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"
    assert third["errors"][0]["extensions"]["code"] == "BAD_REQUEST"
    too_many = [{"query": LISTING}] * 11
    response = client.post("/graphql/", data=json.dumps(too_many), content_type="application/json")
    assert codes(response) == ["BATCH_TOO_LARGE"]


@pytest.mark.parametrize("name", sorted(operations()))
def test_contract_operations_pass_the_limits_comfortably(client, site_tree, name):
    from graphql import parse

    from cms.api.document_checks import schema
    from cms.api.limits import limit, measure_operation

    measure = measure_operation(schema(), parse(operations()[name].text), None, {"perPage": 100})
    assert measure.depth <= limit("MAX_DEPTH") // 2
    # Costed at the most each list can hold (cms/api/limits.py) and at the largest page size,
    # each stays under two thirds of the limit.
    assert measure.cost <= limit("MAX_COST") * 2 // 3
