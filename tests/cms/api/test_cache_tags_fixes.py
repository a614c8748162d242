"""Review findings on cache tags (issue 10), each with the test that would have caught it:
real HTTP through Django's test client, real database."""

import json
from urllib.parse import urlencode

import pytest

from cms.api.operations import operations
from tests.cache_counting import CountingCache
from tests.factories import make_guide
from tests.graphql_http import post_graphql


def get(client, query, variables=None, **extra):
    params = {"query": query}
    if variables:
        params["variables"] = json.dumps(variables)
    return client.get("/graphql/?" + urlencode(params), **extra)


CHILDREN_SEARCH = """query($path: String) { page(urlPath: $path) {
  children(searchQuery: "kubernetes") { title }
} }"""


@pytest.mark.parametrize("relation", ["children", "descendants"])
def test_a_cached_nested_search_is_refreshed_when_a_matching_child_is_published(
    client, roles_index, relation
):
    make_guide(roles_index, "first", title="Kubernetes first")
    query = CHILDREN_SEARCH.replace("children", relation)
    variables = {"path": "/roles/"}
    first = get(client, query, variables)
    assert first.status_code == 200, first.content
    titles = [c["title"] for c in first.json()["data"]["page"][relation]]
    assert titles == ["Kubernetes first"]
    assert first["X-Cache-Status"] == "MISS"
    assert get(client, query, variables)["X-Cache-Status"] == "HIT"

    make_guide(roles_index, "second", title="Kubernetes second")

    again = get(client, query, variables)
    titles = {c["title"] for c in again.json()["data"]["page"][relation]}
    assert titles == {"Kubernetes first", "Kubernetes second"}


def get_persisted(client, name, variables=None, **extra):
    digest = operations()[name].sha256
    extensions = {"persistedQuery": {"version": 1, "sha256Hash": digest}}
    parameters = {"extensions": json.dumps(extensions), "variables": json.dumps(variables or {})}
    return client.get("/graphql/", parameters, **extra)


def test_a_persisted_get_answer_with_tags_may_be_kept_by_a_cdn(client, roles_index):
    make_guide(roles_index, "kept")
    response = get_persisted(client, "RoleGuides")
    assert response.status_code == 200 and response["X-Cache-Status"] == "MISS"
    assert response["Cache-Control"].startswith("public, max-age=")
    assert "listing:roles.roleguidepage" in response["Cache-Tag"].split(",")


@pytest.mark.parametrize("why", ["cache off", "signed in"])
def test_a_persisted_get_answer_without_tags_is_not_kept_by_a_cdn(
    client, request, roles_index, settings, why
):
    """A CDN purges by tag: an answer that carries none could not be purged, so it must not
    be kept (no `public, max-age`)."""
    make_guide(roles_index, "bypassed")
    if why == "cache off":
        settings.API_RESPONSE_CACHE = False
    else:
        request.getfixturevalue("editor")  # signs `client` in: a session cookie
    for _ in range(2):
        response = get_persisted(client, "RoleGuides")
        assert response.status_code == 200 and response["X-Cache-Status"] == "BYPASS"
        assert "Cache-Tag" not in response
        assert response["Cache-Control"] == "no-cache"


GUIDE_TITLE = "query($path: String) { roleGuide(urlPath: $path) { title } }"


@pytest.fixture
def small_index(monkeypatch, settings, roles_index):
    """A process whose tag index holds two questions, with the cache's calls counted."""
    from django.core.cache import cache as real_cache

    from cms.api import response_cache

    settings.API_RESPONSE_CACHE_INDEX_SIZE = 2
    monkeypatch.setattr(response_cache, "_tags_of", {})
    counting = CountingCache(real_cache)
    monkeypatch.setattr(response_cache, "cache", counting)
    for slug in ("one", "two", "three"):
        make_guide(roles_index, slug, title=f"Guide {slug}")
    return counting


def read(client, slug):
    response = post_graphql(client, GUIDE_TITLE, {"path": f"/roles/{slug}/"})
    assert response.json()["data"]["roleGuide"]["title"] == f"Guide {slug}"
    return response["X-Cache-Status"]


def test_the_tag_index_forgets_the_least_recently_used_question_past_its_bound(client, small_index):
    from cms.api import response_cache

    assert [read(client, slug) for slug in ("one", "two")] == ["MISS", "MISS"]
    assert read(client, "one") == "HIT"  # "one" is now the most recently used
    assert read(client, "three") == "MISS"
    assert len(response_cache._tags_of) == 2

    small_index.calls.clear()
    assert read(client, "one") == "HIT"  # still known: one round trip
    assert small_index.calls == ["get_many"]

    small_index.calls.clear()
    assert read(client, "two") == "HIT"  # forgotten: still right, in two reads
    assert small_index.calls == ["get_many", "get_many"]
    assert len(response_cache._tags_of) == 2


def test_the_tag_index_shares_one_string_per_tag(client, small_index):
    from cms.api import response_cache

    read(client, "one")
    read(client, "two")
    response_cache._tags_of.clear()  # as in a newly started process: tags read from the cache
    read(client, "one")
    read(client, "two")
    first, second = response_cache._tags_of.values()
    shared = set(first) & set(second)
    assert "all" in shared
    for tag in shared:
        assert first[first.index(tag)] is second[second.index(tag)]
