"""What HTTP caches (a CDN, the browser) and the shared response cache may keep of a GET answer:
a draft never, whatever the query looks like; one site's answer never for another site; and
nothing once the response cache is turned off."""

import json

import pytest
from wagtail.models import Site

from cms.api.operations import operations
from tests.factories import make_guide


@pytest.fixture
def draft_token(roles_index):
    guide = make_guide(roles_index, "previewed", title="Published")
    draft = guide.get_latest_revision_as_object()
    draft.title = "Draft"
    return draft.create_page_preview().token


def get_persisted_preview(client, token):
    digest = operations()["PreviewPage"].sha256
    extensions = {"persistedQuery": {"version": 1, "sha256Hash": digest}}
    parameters = {"extensions": json.dumps(extensions), "variables": json.dumps({"token": token})}
    return client.get("/graphql/", parameters)


def test_a_persisted_preview_answer_is_never_stored_by_a_cdn(client, draft_token):
    response = get_persisted_preview(client, draft_token)
    assert response.status_code == 200
    assert "Draft" in response.content.decode()
    assert response["Cache-Control"] == "no-store"


def test_a_preview_answer_by_get_is_never_stored(client, draft_token):
    query = 'query { page(token: "' + draft_token + '") { title } }'
    response = client.get("/graphql/", {"query": query})
    assert response.json()["data"]["page"] == {"title": "Draft"}
    assert response["Cache-Control"] == "no-store"


@pytest.fixture
def two_sites(site_tree, roles_index):
    """localhost shows the Roles index at "/"; other.example shows a guide there."""
    guide = make_guide(roles_index, "other-home", title="Other home")
    Site.objects.create(hostname="other.example", port=80, root_page=guide)
    return guide


ROOT_PAGE = '{ page(urlPath: "/") { title } }'


def title_at(client, host):
    response = client.get("/graphql/", {"query": ROOT_PAGE}, HTTP_HOST=host)
    assert response.status_code == 200, response.content
    return (response.json()["data"]["page"] or {}).get("title")


def test_one_sites_cached_get_answer_is_not_served_to_another_site(client, two_sites, settings):
    settings.ALLOWED_HOSTS = ["localhost", "other.example"]
    assert title_at(client, "localhost") == "Home"
    assert title_at(client, "localhost") == "Home"  # now from the cache
    assert title_at(client, "other.example") == "Other home"


def test_turning_the_response_cache_off_stops_serving_what_it_kept(client, two_sites, settings):
    assert title_at(client, "localhost") == "Home"
    settings.API_RESPONSE_CACHE = False
    home = Site.objects.get(hostname="localhost").root_page
    type(home).objects.filter(pk=home.pk).update(title="Renamed")  # no signal: stays cached
    assert title_at(client, "localhost") == "Renamed"
