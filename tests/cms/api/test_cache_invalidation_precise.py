"""The twin of test_cache_invalidation.py: after each of its changes, an answer built from
other content (guide B, with its own FAQ entry, tool, company, category and hero image, asked
by path) is still served from the cache, without a single SQL query.

Only the changes that no narrower tag describes (moves, view restrictions, collections, sites)
make every answer stale, B's included (README, "Response cache")."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.cms.api.invalidation_cases import CASES, ask_get, ask_post
from tests.cms.api.invalidation_cases import content as content  # noqa: F401 (fixture)
from tests.factories import (
    guide_body,
    make_category,
    make_company,
    make_faq,
    make_guide,
    make_image,
    make_tool,
)

B = """{ roleGuide(urlPath: "/roles/unrelated/") {
  title category { name } heroImage { title }
  body {
    ... on FaqBlock { entries { question } }
    ... on CompaniesHiringBlock { companies { name } }
    ... on SkillsListBlock { skills { tools { name } } }
  }
} }"""

# Changes that move `all`: every cached answer is stale after them.
EVERYTHING = {
    "page-moved",
    "page-view-restriction-added",
    "page-view-restriction-removed",
    "collection-saved",
    "collection-view-restriction-added",
    "collection-view-restriction-removed",
    "site-saved",
}


@pytest.fixture
def unrelated(content):
    body = guide_body(
        faqs=[make_faq("B's question?")],
        tools=[make_tool("B's tool")],
        companies=[make_company("B's company")],
    )
    return make_guide(
        content["guide"].get_parent(),
        "unrelated",
        title="B",
        category=make_category("B's category"),
        hero_image=make_image("b-hero", 400, 300),
        body=body,
    )


def queries_for(ask, client, query):
    with CaptureQueriesContext(connection) as captured:
        answer = ask(client, query)
    return answer, len(captured)


@pytest.mark.parametrize("ask", [ask_post, ask_get], ids=["POST", "GET"])
@pytest.mark.parametrize("name", list(CASES))
def test_an_unrelated_answer_stays_cached_after_every_promised_change(
    client, content, unrelated, name, ask
):
    case = CASES[name]
    case.setup(content)
    b_before = ask(client, B)
    assert b'"title":"B"' in b_before and b"B's tool" in b_before
    ask(client, case.query)  # A's answer cached too

    case.change(content)

    b_after, queries = queries_for(ask, client, B)
    assert b_after == b_before
    if name in EVERYTHING:
        assert queries > 0, "a change no narrower tag describes must make every answer stale"
    else:
        assert queries == 0, "B's answer was not built from what changed: it stays cached"
