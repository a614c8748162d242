"""JSON-LD is safe to inline in a <script> element, as every frontend does."""

import json

from django.contrib.auth import get_user_model

from cms.api.schema import schema
from cms.structured_data import html_safe_json
from tests.factories import make_faq, make_guide
from tests.graphql_http import post_graphql

TITLE = "</script><script>alert(1)</script> & \u2028\u2029"
QUERY = '{ roleGuide(slug: "inject") { seo { structuredData } } }'


def test_structured_data_escapes_what_ends_a_script(gql, roles_index):
    faq = make_faq("Is <b>this</b> & that </script>?", answer="<p>Yes & no</p>")
    body = [{"type": "faq", "value": {"heading": "FAQ", "entries": [faq.pk]}}]
    make_guide(roles_index, "inject", title=TITLE, role_name=TITLE, body=body)
    text = gql(QUERY)["roleGuide"]["seo"]["structuredData"]
    for character in ("<", ">", "&", "\u2028", "\u2029"):
        assert character not in text
    assert "\\u003c/script\\u003e" in text
    # The same JSON value: names round-trip exactly.
    graph = json.loads(text)["@graph"]
    assert graph[0]["name"] == TITLE
    assert next(n for n in graph if n["@type"] == "Occupation")["name"] == TITLE
    faq_page = next(n for n in graph if n["@type"] == "FAQPage")
    assert faq_page["mainEntity"][0]["name"] == "Is <b>this</b> & that </script>?"
    assert faq_page["mainEntity"][0]["acceptedAnswer"]["text"] == "<p>Yes &amp; no</p>"


def test_every_json_string_the_api_serves_is_html_safe():
    """grapple's `EmbedBlock.rawEmbed` shares the scalar: the schema serialises it the same way."""
    assert schema.graphql_schema.type_map["JSONString"].serialize is html_safe_json


def test_admin_structured_data_preview_shows_no_markup(client, roles_index):
    guide = make_guide(roles_index, "inject", title=TITLE)
    get_user_model().objects.create_superuser("seo", "seo@example.com", "pw")
    client.login(username="seo", password="pw")
    response = client.get(f"/admin/pages/{guide.pk}/view_draft/?mode=structured-data")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-testid="structured-data"' in html
    assert "<script>alert(1)" not in html and "</script><script>" not in html


def test_breadcrumbs_leave_out_unpublished_sections(client, roles_index):
    make_guide(roles_index, "orphan", title="Orphan")
    roles_index.unpublish()
    query = '{ roleGuide(slug: "orphan") { seo { structuredData } } }'
    data = json.loads(
        post_graphql(client, query).json()["data"]["roleGuide"]["seo"]["structuredData"]
    )
    crumbs = next(n for n in data["@graph"] if n["@type"] == "BreadcrumbList")
    assert [c["name"] for c in crumbs["itemListElement"]] == ["Home", "Orphan"]
