"""A guide's body is costed by what its block definitions allow, kind by kind, and served
whole: the maxima are the editors' validation, so nothing an editor saved is cut."""

import json

import pytest

from cms.api.limits import LIST_SIZES, MIXED_LIST_SIZES, limit
from tests.factories import make_guide

SKILL_TOOLS = """{ roleGuide(slug: "g") {
  body { ... on SkillsListBlock { skills { tools { name } } } } } }"""
BLOCK_TYPES = '{ roleGuide(slug: "g") { body { blockType } } }'


def cost_of(client, query):
    response = client.post(
        "/graphql/", json.dumps({"query": query}), content_type="application/json"
    )
    body = response.json()
    assert "errors" not in body, body
    return body["extensions"]["cost"]["requested"]


@pytest.fixture
def guide(roles_index):
    return make_guide(roles_index, "g")


def test_a_kind_of_block_costs_by_its_own_maximum(client, guide):
    tools = 1 + LIST_SIZES[("SkillBlock", "tools")] * 1
    skills = 1 + LIST_SIZES[("SkillsListBlock", "skills")] * tools
    most_lists = MIXED_LIST_SIZES[("RoleGuidePage", "body")]["SkillsListBlock"]
    assert most_lists < LIST_SIZES[("RoleGuidePage", "body")]
    assert cost_of(client, SKILL_TOOLS) == 1 + 1 + most_lists * skills


def test_what_every_block_is_asked_counts_for_every_block(client, guide):
    most = LIST_SIZES[("RoleGuidePage", "body")]
    assert cost_of(client, BLOCK_TYPES) == 1 + 1 + most * 1


def test_the_full_guide_operation_leaves_headroom(client, guide):
    from cms.api.operations import operations_by_hash

    full_guide = next(op for op in operations_by_hash().values() if op.name == "RoleGuideByPath")
    response = client.post(
        "/graphql/",
        json.dumps({"query": full_guide.text, "variables": {"path": "/roles/g/"}}),
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    assert response.json()["extensions"]["cost"]["requested"] <= limit("MAX_COST") // 2
