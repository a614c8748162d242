"""Every block type answers the fields of grapple's StreamFieldInterface.

`rawValue` is not served: the stored JSON names hidden pages and draft FAQ entries by id
(tests/test_exposure_leaks.py).
"""

from tests.factories import guide_body, make_faq, make_guide, make_tool

QUERY = """
{ roleGuide(slug: "g") { body {
  id blockType field
  ... on SkillsListBlock { skills { blockType name tools { name } } }
} } }
"""


def test_every_block_has_its_interface_fields(gql, roles_index):
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
    skill = body[1]["skills"][0]
    assert skill == {
        "blockType": "SkillBlock",
        "name": "Skill 0",
        "tools": [{"name": "Kubernetes"}],
    }


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
