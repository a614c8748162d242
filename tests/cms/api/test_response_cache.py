"""Cached answers are correct before they are fast: every change to served content makes the
next request see it, in every process; previews and logged-in requests are never cached."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from roles.models import RoleGuidePage
from tests import ROOT
from tests.factories import (
    guide_body,
    make_company,
    make_faq,
    make_guide,
    make_tool,
    publish,
    salary_table_value,
)
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


def test_the_same_variables_in_another_order_are_the_same_question(client, guide):
    """JSON objects have no order: a client that writes its variables in another order asks
    the same question, and is answered from the cache."""
    query = (
        "query($year: Int, $n: Int) { roleGuides(year: $year, perPage: $n) { items { title } } }"
    )

    def queries_for_body(body):
        with CaptureQueriesContext(connection) as captured:
            response = client.post("/graphql/", data=body, content_type="application/json")
        assert response.json()["data"]["roleGuides"]["items"] == [{"title": "Before"}]
        return len(captured)

    year = guide["page"].year
    written = json.dumps({"query": query, "variables": {"n": 5, "year": year}})
    reordered = json.dumps({"query": query, "variables": {"year": year, "n": 5}})
    assert queries_for_body(written) > 0
    assert queries_for_body(reordered) == 0


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


def test_a_draft_of_a_shared_faq_entry_changes_nothing_until_published(client, guide):
    """Every other change that shows at once: tests/cms/api/test_cache_invalidation.py."""
    ask(client)
    faq = guide["faq"]
    faq.question = "After?"
    faq.save_revision()
    assert "Before?" in json.dumps(ask(client))
    publish(faq.latest_revision.as_object())
    assert "After?" in json.dumps(ask(client))


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


GUIDE_TITLE = '{ roleGuide(slug: "cached") { title } }'


def send(client, method, query):
    if method == "GET":
        return client.get("/graphql/", {"query": query})
    return post_graphql(client, query)


def title_for(client, method):
    response = send(client, method, GUIDE_TITLE)
    assert response.status_code == 200, response.content
    return response.json()["data"]["roleGuide"]["title"]


def retitle_behind_the_caches_back(page, title):
    """An UPDATE that sends no signal: the content version stays, cached answers stay."""
    RoleGuidePage.objects.filter(pk=page.pk).update(title=title)


@pytest.mark.parametrize("method", ["POST", "GET"])
def test_a_signed_in_editor_is_not_served_the_anonymous_cached_answer(guide, editor, method):
    anonymous = Client()
    assert title_for(anonymous, method) == "Before"
    retitle_behind_the_caches_back(guide["page"], "Changed")
    assert title_for(anonymous, method) == "Before"  # the anonymous answer is cached
    assert title_for(editor, method) == "Changed"  # the editor's request is answered afresh


@pytest.mark.parametrize("method", ["POST", "GET"])
def test_a_signed_in_editors_answer_is_not_kept_for_anyone(guide, editor, method):
    assert title_for(editor, method) == "Before"
    retitle_behind_the_caches_back(guide["page"], "Changed")
    assert title_for(Client(), method) == "Changed"
    assert title_for(editor, method) == "Changed"


PAY = """{ roleGuide(slug: "pay") {
  title body { ... on SalaryTableBlock { rows { baseSalaryMin } } } } }"""


def store_salary_directly(guide, base_salary_min):
    """Write the body as an import would: no validation, and no signal (the content version
    stays, so only the rule "answers with errors are not kept" makes the next answer fresh)."""
    table = salary_table_value()
    table["rows"][0]["base_salary_min"] = base_salary_min
    body = json.dumps([{"type": "salary_table", "value": table}])
    RoleGuidePage.objects.filter(pk=guide.pk).update(body=body)


@pytest.mark.parametrize("method", ["POST", "GET"])
def test_an_answer_with_errors_is_never_served_from_the_cache(client, roles_index, method):
    guide = make_guide(roles_index, "pay", title="Pay")
    store_salary_directly(guide, 3_000_000_000)  # past GraphQL's Int: a field error
    first = send(client, method, PAY)
    assert first.status_code == 200  # data and errors together
    assert first.json()["data"]["roleGuide"]["title"] == "Pay"
    assert [e["extensions"]["code"] for e in first.json()["errors"]] == ["INTERNAL_SERVER_ERROR"]

    store_salary_directly(guide, 100_000)

    fixed = send(client, method, PAY).json()
    assert "errors" not in fixed
    assert fixed["data"]["roleGuide"]["body"] == [{"rows": [{"baseSalaryMin": 100000}]}]
