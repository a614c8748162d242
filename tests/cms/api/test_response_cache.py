"""Cached answers are correct before they are fast: every change to served content makes the
next request see it, in every process; previews and logged-in requests are never cached."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import PageViewRestriction

from tests import ROOT
from tests.factories import guide_body, make_company, make_faq, make_guide, make_tool, publish
from tests.graphql_http import post_graphql

GUIDE = '{ roleGuide(slug: "cached") { title body { ... on FaqBlock { entries { question } } '
GUIDE += "... on CompaniesHiringBlock { companies { name } } "
GUIDE += "... on SkillsListBlock { skills { tools { name } } } } } }"


def ask(client, query=GUIDE):
    response = client.post(
        "/graphql/", data=json.dumps({"query": query}), content_type="application/json"
    )
    assert response.status_code == 200
    return response.json()["data"]


def queries_for(client, query=GUIDE):
    with CaptureQueriesContext(connection) as captured:
        ask(client, query)
    return len(captured)


@pytest.fixture
def guide(roles_index):
    faq, tool, company = make_faq("Before?"), make_tool("Before tool"), make_company("Before Co")
    body = guide_body(faqs=[faq], tools=[tool], companies=[company])
    page = make_guide(roles_index, "cached", title="Before", body=body)
    return {"page": page, "faq": faq, "tool": tool, "company": company}


def test_a_repeated_question_is_answered_from_the_cache(client, guide):
    assert queries_for(client) > 0
    assert queries_for(client) == 0


def test_answers_over_the_size_limit_are_not_kept(client, guide, settings):
    """Varying the arguments of a large query must not fill the shared cache."""
    settings.API_RESPONSE_CACHE_MAX_BYTES = 50
    assert queries_for(client) > 0
    assert queries_for(client) > 0


def test_publishing_a_page_edit_is_seen_at_once(client, guide):
    assert ask(client)["roleGuide"]["title"] == "Before"
    page = guide["page"]
    page.title = "After"
    page.save_revision()
    assert ask(client)["roleGuide"]["title"] == "Before"  # a draft changes nothing
    publish(page)
    assert ask(client)["roleGuide"]["title"] == "After"


def test_unpublishing_and_deleting(client, guide):
    assert ask(client)["roleGuide"]
    guide["page"].unpublish()
    assert ask(client)["roleGuide"] is None
    publish(guide["page"])
    assert ask(client)["roleGuide"]
    guide["page"].delete()
    assert ask(client)["roleGuide"] is None


def test_moving_a_page(client, guide, roles_index, site_tree):
    from roles.models import RoleIndexPage

    path_query = '{ roleGuide(urlPath: "/roles/cached/") { title } }'
    assert ask(client, path_query)["roleGuide"]
    other = site_tree[0].add_child(instance=RoleIndexPage(title="Other", slug="other"))
    guide["page"].move(other, pos="last-child")
    assert ask(client, path_query)["roleGuide"] is None


def test_making_a_page_private(client, guide):
    assert ask(client)["roleGuide"]
    PageViewRestriction.objects.create(
        page=guide["page"], restriction_type="password", password="x"
    )
    assert ask(client)["roleGuide"] is None


def test_publishing_a_shared_faq_company_or_tool(client, guide):
    ask(client)
    faq = guide["faq"]
    faq.question = "After?"
    faq.save_revision()
    assert "Before?" in json.dumps(ask(client))
    publish(faq.latest_revision.as_object())
    assert "After?" in json.dumps(ask(client))
    guide["company"].name = "After Co"
    guide["company"].save()
    assert "After Co" in json.dumps(ask(client))
    guide["tool"].name = "After tool"
    guide["tool"].save()
    assert "After tool" in json.dumps(ask(client))


def test_redirects(client, guide):
    query = "{ redirects { oldPath } }"
    assert ask(client, query)["redirects"] == []
    Redirect.objects.create(old_path="/old", redirect_page=guide["page"])
    assert ask(client, query)["redirects"] == [{"oldPath": "/old"}]


def test_previews_and_logged_in_requests_are_never_cached(client, guide):
    token = guide["page"].create_page_preview().token
    preview = "query($t: String) { page(token: $t) { title } }"
    for _ in range(2):
        response = client.post(
            "/graphql/",
            data=json.dumps({"query": preview, "variables": {"t": token}}),
            content_type="application/json",
        )
        assert response.json()["data"]["page"]["title"] == "Before"
    with CaptureQueriesContext(connection) as captured:
        client.post(
            "/graphql/",
            data=json.dumps({"query": preview, "variables": {"t": token}}),
            content_type="application/json",
        )
    assert len(captured) > 0  # answered afresh, not from the cache
    client.cookies[settings.SESSION_COOKIE_NAME] = "anything"
    assert queries_for(client) > 0
    assert queries_for(client) > 0


def test_errors_are_never_cached(client, guide):
    query = "{ roleGuides(page: 0) { items { title } } }"
    for _ in range(2):
        with CaptureQueriesContext(connection):
            response = client.post(
                "/graphql/", data=json.dumps({"query": query}), content_type="application/json"
            )
        assert response.json()["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


OTHER_PROCESS = """
import json, django
django.setup()
from django.test import Client
query = '{ roleGuide(slug: "shared") { title } }'
answer = Client(HTTP_HOST="localhost").post(
    "/graphql/", data=json.dumps({"query": query}), content_type="application/json"
)
print(answer.json()["data"]["roleGuide"]["title"])
"""


def ask_other_process():
    """Ask the same question from a second Python process sharing the database and Redis."""
    db = connection.settings_dict
    url = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "cms.settings.test"}
    result = subprocess.run(
        [sys.executable, "-c", OTHER_PROCESS], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout.strip()


@pytest.mark.skipif(
    not os.environ.get("REDIS_URL")
    or not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="needs PostgreSQL and Redis (the second stage of .ci/run)",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_processes_share_the_cache_and_its_invalidation(site_tree):
    page = make_guide(site_tree[1], "shared", title="First")
    assert ask_other_process() == "First"  # the other process caches this in Redis
    page.title = "Second"
    publish(page)  # this process moves the shared content version on
    assert ask_other_process() == "Second"


def test_a_repeated_get_is_served_whole_from_the_cache(client, guide):
    from urllib.parse import urlencode

    url = "/graphql/?" + urlencode({"query": GUIDE})
    first = client.get(url)
    with CaptureQueriesContext(connection) as captured:
        second = client.get(url)
    assert len(captured) == 0
    assert second.content == first.content and second["ETag"] == first["ETag"]
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    page = guide["page"]
    page.title = "After"
    publish(page)
    assert client.get(url).json()["data"]["roleGuide"]["title"] == "After"


def test_a_preview_is_never_cached_however_the_token_argument_is_written(client, roles_index):
    guide = make_guide(roles_index, "previewed", title="Published")
    draft = guide.get_latest_revision_as_object()
    draft.title = "Draft"
    token = draft.create_page_preview().token
    # A comment between the argument and its colon used to slip past the preview check.
    query = "query($t: String) { page(token #c\n : $t) { title } }"
    assert post_graphql(client, query, {"t": token}).json()["data"]["page"] == {"title": "Draft"}
    with CaptureQueriesContext(connection) as captured:
        post_graphql(client, query, {"t": token})
    assert len(captured) > 0  # answered afresh: the draft was not stored


def test_creating_an_alias_is_seen_at_once(client, roles_index, site_tree):
    from roles.models import RoleIndexPage

    guide = make_guide(roles_index, "original")
    listing = "{ roleGuides { pagination { total } } }"
    assert post_graphql(client, listing).json()["data"]["roleGuides"]["pagination"]["total"] == 1
    other = site_tree[0].add_child(instance=RoleIndexPage(title="Mirror", slug="mirror"))
    guide.create_alias(parent=other, update_slug="original-alias")
    assert post_graphql(client, listing).json()["data"]["roleGuides"]["pagination"]["total"] == 2
