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


def test_rich_text_without_links_is_served_as_stored(db):
    from wagtail.rich_text import RichText as WagtailRichText

    from cms.api.rich_text import rich_text_html

    plain = '<p data-block-key="a1">Plain <b>text</b>.</p>'
    assert rich_text_html(WagtailRichText(plain)) == plain
    assert rich_text_html(plain) == plain
    # Links still go through Wagtail's rewriter: a link to a missing page loses its href.
    assert rich_text_html('<p><a linktype="page" id="999">gone</a></p>') == "<p><a>gone</a></p>"
