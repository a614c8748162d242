"""Review findings on cache tags (issue 10), each with the test that would have caught it:
real HTTP through Django's test client, real database."""

import json
from urllib.parse import urlencode

import pytest

from tests.factories import make_guide


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
