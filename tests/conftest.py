import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache

from tests.factories import make_site_tree
from tests.graphql_http import post_graphql


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def site_tree(db):
    """(home, roles index), both live, home the default site's root."""
    return make_site_tree()


@pytest.fixture
def roles_index(site_tree):
    return site_tree[1]


@pytest.fixture
def editor(client, db):
    """The test client, signed in to the admin as a superuser."""
    user = get_user_model().objects.create_superuser("editor", "editor@example.com", "pw")
    client.force_login(user)
    return client


@pytest.fixture
def gql(client):
    """Run a query over HTTP; fail the test on any GraphQL error, return `data`."""

    def run(query, variables=None):
        response = post_graphql(client, query, variables)
        body = response.json()
        assert "errors" not in body, body["errors"]
        assert response.status_code == 200
        return body["data"]

    return run


@pytest.fixture
def gql_errors(client):
    """Run a query over HTTP that must fail; return (status code, errors)."""

    def run(query, variables=None):
        response = post_graphql(client, query, variables)
        body = response.json()
        assert body.get("errors"), body
        return response.status_code, body["errors"]

    return run
