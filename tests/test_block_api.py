"""Every block type answers the fields of grapple's StreamFieldInterface, rawValue included."""

import json

from tests.factories import guide_body, make_faq, make_guide, make_tool

QUERY = """
{ roleGuide(slug: "g") { body {
  id blockType field rawValue
  ... on SkillsListBlock { skills { blockType rawValue } }
} } }
"""


def test_raw_value_is_the_stored_json_of_every_block(gql, roles_index):
    tool = make_tool("Kubernetes")
    faq = make_faq("Why?")
    make_guide(roles_index, "g", body=guide_body(tools=[tool], faqs=[faq]))
    body = gql(QUERY)["roleGuide"]["body"]
    assert [block["field"] for block in body] == [
        "section",
        "skills_list",
        "day_in_the_life",
        "career_path",
        "salary_table",
        "companies_hiring",
        "call_to_action",
        "faq",
    ]
    assert all(block["id"] for block in body)
    raw = {block["field"]: json.loads(block["rawValue"]) for block in body}
    # Lists are stored as Wagtail stores them: items of {"type": "item", "value": …, "id": …}.
    assert items(raw["salary_table"]["rows"])[0]["base_salary_min"] == 100000
    assert items(items(raw["skills_list"]["skills"])[0]["tools"]) == [tool.pk]
    assert items(raw["faq"]["entries"]) == [faq.pk]
    skill = body[1]["skills"][0]
    assert skill["blockType"] == "SkillBlock"
    skill_raw = json.loads(skill["rawValue"])
    assert skill_raw["name"] == "Skill 0" and items(skill_raw["tools"]) == [tool.pk]


def items(stored_list):
    return [item["value"] for item in stored_list]


def test_block_docstrings_describe_their_types(gql, db):
    data = gql('{ __type(name: "SalaryTableBlock") { description } }')
    assert data["__type"]["description"].startswith("Pay by level in one currency")
