"""`redirects` bound to a site name it without a query per redirect."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site

from tests.graphql_http import post_graphql


def queries_for(client, count):
    site = Site.objects.get()
    Redirect.objects.all().delete()
    for n in range(count):
        Redirect.objects.create(
            old_path=f"/old-{n}", redirect_link="https://example.com/", site=site
        )
    query = "{ redirects { oldPath site { hostname } } }"
    post_graphql(client, query)  # site root paths are cached after the first request
    with CaptureQueriesContext(connection) as captured:
        found = post_graphql(client, query).json()["data"]["redirects"]
    assert [entry["site"]["hostname"] for entry in found] == [site.hostname] * count
    return len(captured)


def test_site_bound_redirects_take_the_same_queries_however_many(client, site_tree, settings):
    settings.API_RESPONSE_CACHE = False
    assert queries_for(client, 4) == queries_for(client, 1)
