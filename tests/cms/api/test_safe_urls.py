"""Stored URLs reach frontends only when following them cannot run script: values written
outside the admin (shell, import, migration) with `javascript:` and friends are not served."""

import re

import pytest
from wagtail.contrib.redirects.models import Redirect

from cms.api.safe_urls import GENERATED_URL_FIELDS, URL_FIELDS, is_safe_url
from roles.models import Company, RoleGuidePage, Tool
from tests.factories import make_guide

HOSTILE = [
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "\x01javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "jav&#x09;ascript:alert(1)",
    "javascript&colon;alert(1)",
    "&#106;avascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
]
SAFE = [
    "https://example.com/apply",
    "http://example.com",
    "mailto:jobs@example.com",
    "tel:+15551234567",
    "/roles/mlops-engineer-2026/",
    "apply/",
    "?page=2",
]


@pytest.mark.parametrize("url", HOSTILE)
def test_script_urls_are_unsafe(url):
    assert not is_safe_url(url)


@pytest.mark.parametrize("url", SAFE)
def test_ordinary_urls_are_safe(url):
    assert is_safe_url(url)


def test_every_url_field_in_the_schema_is_guarded_or_generated():
    from cms.api.schema import schema

    url_like = re.compile(r"(url|href|website|link|src)$", re.IGNORECASE)
    unguarded = []
    for type_name, graphql_type in schema.graphql_schema.type_map.items():
        if type_name.startswith("__"):
            continue
        for field_name, field in getattr(graphql_type, "fields", {}).items():
            named = getattr(field.type, "of_type", field.type)
            if getattr(named, "name", "") != "String" or not url_like.search(field_name):
                continue
            if (type_name, field_name) not in URL_FIELDS | {
                (type_name, name) for name in GENERATED_URL_FIELDS
            }:
                unguarded.append(f"{type_name}.{field_name}")
    assert unguarded == []


@pytest.fixture
def hostile_content(roles_index):
    url = "javascript:alert(document.cookie)"
    tool = Tool.objects.create(name="Evil tool", website=url)
    company = Company.objects.create(name="Evil company", website=url)
    body = [
        {
            "type": "call_to_action",
            "value": {
                "heading": "Apply",
                "text": "Now.",
                "button_label": "Go",
                "link_page": None,
                "link_url": url,
            },
        },
        {"type": "companies_hiring", "value": {"heading": "Hiring", "companies": [company.pk]}},
    ]
    guide = make_guide(roles_index, "evil", body=body)
    RoleGuidePage.objects.filter(pk=guide.pk).update(canonical_url=url)  # as an import would
    Redirect.objects.create(old_path="/old-evil", redirect_link=url)
    return tool, company, guide


def test_no_stored_script_url_is_served(gql, hostile_content):
    data = gql(
        """{
        tools { website }
        companies { website }
        roleGuide(slug: "evil") {
          seo { canonicalUrl }
          body { ... on CallToActionBlock { linkUrl href } }
        }
        redirects { oldUrl newUrl }
      }"""
    )
    assert [t["website"] for t in data["tools"]] == [""]
    assert [c["website"] for c in data["companies"]] == [""]
    guide = data["roleGuide"]
    assert guide["seo"]["canonicalUrl"].endswith("/roles/evil/")  # the fallback
    assert guide["body"][0] == {"linkUrl": None, "href": None}
    assert [r["newUrl"] for r in data["redirects"]] == [None]


def test_the_server_rendered_page_links_nothing_unsafe(client, hostile_content):
    guide = RoleGuidePage.objects.get(slug="evil")
    html = client.get(guide.url).content.decode()
    assert "javascript:" not in html.lower()
    assert "Evil company" in html  # still named, without the link


def test_safe_urls_are_served_as_stored(gql, roles_index):
    Tool.objects.create(name="Good tool", website="https://example.com/tool")
    assert gql("{ tools { website } }")["tools"] == [{"website": "https://example.com/tool"}]
