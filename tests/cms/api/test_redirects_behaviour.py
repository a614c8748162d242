"""`redirects` as a frontend sees it: one entry per site a redirect applies to, paged by
`offset` and `limit` across those entries, bad windows refused with a code, and a constant
number of SQL queries however many redirects there are."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site

from cms.api.search_input import MAX_SEARCH_WINDOW
from tests.factories import make_guide
from tests.graphql_http import post_graphql

ENTRIES = "query ($offset: Int, $limit: Int) { redirects(offset: $offset, limit: $limit) { "
ENTRIES += "oldPath site { hostname } } }"


@pytest.fixture
def two_sites(site_tree):
    home, _ = site_tree
    other = Site.objects.create(hostname="other.example", port=80, root_page=home)
    return Site.objects.get(is_default_site=True), other


def entries(gql, **window):
    found = gql(ENTRIES, window)["redirects"]
    return [(entry["oldPath"], entry["site"]["hostname"]) for entry in found]


def test_one_site_every_redirect_once_with_the_site_it_applies_to(gql, site_tree):
    Redirect.objects.create(old_path="/anywhere", redirect_link="https://example.com/a")
    assert entries(gql) == [("/anywhere", "localhost")]


def test_several_sites_a_redirect_for_every_site_is_listed_once_per_site(gql, two_sites):
    Redirect.objects.create(old_path="/everywhere", redirect_link="https://example.com/a")
    Redirect.objects.create(
        old_path="/only-other", redirect_link="https://example.com/b", site=two_sites[1]
    )
    every_site = [("/everywhere", site.hostname) for site in Site.objects.all()]
    assert sorted(every_site) == [("/everywhere", "localhost"), ("/everywhere", "other.example")]
    assert entries(gql) == [*every_site, ("/only-other", "other.example")]


@pytest.mark.parametrize(("offset", "limit"), [(0, 1), (1, 1), (1, 2), (2, 5), (3, 1)])
def test_several_sites_offset_and_limit_count_entries_not_redirects(gql, two_sites, offset, limit):
    Redirect.objects.create(old_path="/everywhere", redirect_link="https://example.com/a")
    Redirect.objects.create(
        old_path="/only-other", redirect_link="https://example.com/b", site=two_sites[1]
    )
    Redirect.objects.create(old_path="/also-everywhere", redirect_link="https://example.com/c")
    every = entries(gql)
    assert len(every) == 5
    assert entries(gql, offset=offset, limit=limit) == every[offset : offset + limit]


def test_several_sites_read_at_most_the_window_of_entries(gql, gql_errors, two_sites):
    Redirect.objects.create(old_path="/everywhere", redirect_link="https://example.com/a")
    assert entries(gql, offset=MAX_SEARCH_WINDOW - 5, limit=5) == []
    status, errors = gql_errors(ENTRIES, {"offset": MAX_SEARCH_WINDOW - 4, "limit": 5})
    assert errors[0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert f"at most {MAX_SEARCH_WINDOW} entries" in errors[0]["message"]


@pytest.mark.parametrize("sites", ["one", "several"])
def test_a_negative_offset_is_refused_with_a_code(gql_errors, two_sites, sites):
    if sites == "one":
        two_sites[1].delete()
    Redirect.objects.create(old_path="/everywhere", redirect_link="https://example.com/a")
    status, errors = gql_errors(ENTRIES, {"offset": -1, "limit": 5})
    assert errors[0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert "offset" in errors[0]["message"]


def queries_for_redirects(client, count, index):
    for n in range(count):
        page = make_guide(index, f"target-{count}-{n}")
        Redirect.objects.create(old_path=f"/old-{n}", redirect_page=page)
    query = "{ redirects { oldPath newUrl } }"
    post_graphql(client, query)  # site root paths are cached after the first request
    with CaptureQueriesContext(connection) as captured:
        response = post_graphql(client, query)
    assert len(response.json()["data"]["redirects"]) == count
    return len(captured)


def test_redirects_to_pages_take_the_same_queries_however_many(client, roles_index, settings):
    settings.API_RESPONSE_CACHE = False
    few = queries_for_redirects(client, 1, roles_index)
    Redirect.objects.all().delete()
    assert queries_for_redirects(client, 4, roles_index) == few
