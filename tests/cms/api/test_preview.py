"""Headless preview of drafts: the admin's Preview issues a token; GraphQL serves that draft,
only to the token, only until it expires; the public keeps seeing the published page."""

import json
import re
import time
from html import unescape
from unittest import mock
from urllib.parse import parse_qs, urlparse

import pytest
from django.core.signing import TimestampSigner
from wagtail_headless_preview.models import PagePreview

from cms.api.preview import SIGNER_SALT, purge_expired_previews
from tests.admin_forms import guide_form, section_form
from tests.factories import make_category, make_guide
from tests.graphql_http import post_graphql

PREVIEW_QUERY = """
query($token: String, $id: ID, $slug: String, $contentType: String) {
  page(token: $token, id: $id, slug: $slug, contentType: $contentType) {
    title
    ... on RoleGuidePage { intro body { ... on SectionBlock { heading } } seo { title } }
  }
}
"""


@pytest.fixture
def guide(roles_index):
    return make_guide(roles_index, "previewed", title="Published title", intro="Published intro")


def preview_url_from_admin(editor, post_url, form_data):
    """Do what the admin's Preview button does; return the preview client URL it opens."""
    response = editor.post(post_url, form_data)
    assert response.json()["is_valid"] is True, response.content
    response = editor.get(post_url, {"mode": ""})
    assert response.status_code == 200
    src = re.search(r'<iframe[^>]+src="([^"]+)"', response.content.decode())
    assert src, response.content.decode()[:3000]
    return unescape(src.group(1))


def token_in(url):
    return parse_qs(urlparse(url).query)["token"][0]


def draft_form(guide, **changes):
    fields = {"title": "Draft title", "intro": "Draft intro", **changes}
    return guide_form(
        category=guide.category, slug=guide.slug, body=[section_form("Draft heading")], **fields
    )


@pytest.fixture
def draft_token(editor, guide):
    url = preview_url_from_admin(
        editor, f"/admin/pages/{guide.pk}/edit/preview/", draft_form(guide)
    )
    assert url.startswith("/reference-client/?")  # relative: the admin's own server
    return token_in(url)


def test_preview_token_returns_the_draft_with_every_field(client, draft_token, guide, gql):
    page = gql(PREVIEW_QUERY, {"token": draft_token})["page"]
    assert page["title"] == "Draft title"
    assert page["intro"] == "Draft intro"
    assert page["body"] == [{"heading": "Draft heading"}]
    assert page["seo"] == {"title": "Draft title"}


def test_the_public_still_gets_the_published_page(draft_token, guide, gql):
    data = gql('{ roleGuide(slug: "previewed") { title intro } page(slug: "previewed") { title } }')
    assert data["roleGuide"] == {"title": "Published title", "intro": "Published intro"}
    assert data["page"] == {"title": "Published title"}


def test_a_token_is_bound_to_its_page(draft_token, roles_index, gql, gql_errors):
    other = make_guide(roles_index, "other")
    for variables in ({"id": other.pk}, {"slug": "other"}, {"contentType": "home.HomePage"}):
        _, errors = gql_errors(PREVIEW_QUERY, {"token": draft_token, **variables})
        assert errors[0]["extensions"]["code"] == "PREVIEW_TOKEN_PAGE_MISMATCH"
    assert gql(PREVIEW_QUERY, {"token": draft_token, "slug": "previewed"})["page"]


def test_an_expired_token_is_refused(draft_token, gql_errors, settings):
    settings.PREVIEW_TOKEN_MAX_AGE = -1
    _, errors = gql_errors(PREVIEW_QUERY, {"token": draft_token})
    assert errors[0]["extensions"]["code"] == "PREVIEW_TOKEN_EXPIRED"
    assert "expired" in errors[0]["message"]


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-2] + ("aa" if not token.endswith("aa") else "bb"),
        lambda token: token.replace("id=", "id=9", 1),
        lambda token: "garbage",
        lambda token: "",
        lambda token: "   ",
        lambda token: "x" * 5000,
    ],
    ids=["signature", "identifier", "garbage", "empty", "blank", "huge"],
)
def test_a_tampered_token_is_refused(draft_token, gql_errors, tamper):
    token = tamper(draft_token)
    _, errors = gql_errors(PREVIEW_QUERY, {"token": token})
    assert errors[0]["extensions"]["code"] == "PREVIEW_TOKEN_INVALID"


def test_a_validly_signed_but_unknown_token_is_refused(guide, gql_errors):
    token = TimestampSigner(salt=SIGNER_SALT).sign(f"id={guide.pk}")
    _, errors = gql_errors(PREVIEW_QUERY, {"token": token})
    assert errors[0]["extensions"]["code"] == "PREVIEW_TOKEN_INVALID"


def test_a_new_unsaved_page_can_be_previewed(editor, roles_index, gql):
    form = guide_form(category=make_category(), title="Brand new", body=[section_form("New")])
    add = f"/admin/pages/add/roles/roleguidepage/{roles_index.pk}/preview/"
    token = token_in(preview_url_from_admin(editor, add, form))
    page = gql(PREVIEW_QUERY, {"token": token, "contentType": "roles.RoleGuidePage"})["page"]
    assert page["title"] == "Brand new" and page["body"] == [{"heading": "New"}]


def test_expired_previews_are_cleaned_up(draft_token, settings):
    assert PagePreview.objects.filter(token=draft_token).exists()
    assert purge_expired_previews() == 0
    settings.PREVIEW_TOKEN_MAX_AGE = -1
    assert purge_expired_previews() == 1
    assert not PagePreview.objects.exists()


def test_reference_client_is_served(client, db):
    response = client.get("/reference-client/")
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert b"<script" in body


@pytest.mark.parametrize("token", ["", "  "])
def test_an_empty_token_never_falls_back_to_the_live_page(guide, gql_errors, token):
    """Before: `page(token: "", urlPath: …)` answered the live page with no error."""
    for query in (
        'query($t: String) { page(token: $t, urlPath: "/roles/previewed/") { title } }',
        'query($t: String) { site(hostname: "localhost") '
        '{ page(token: $t, slug: "previewed") { title } } }',
        'query($t: String) { sites { page(token: $t, slug: "previewed") { title } } }',
    ):
        _, errors = gql_errors(query, {"t": token})
        assert errors[0]["extensions"]["code"] == "PREVIEW_TOKEN_INVALID", query


SITE_PREVIEW_QUERY = """
query($token: String, $slug: String) {
  site(hostname: "localhost") {
    page(token: $token, slug: $slug) { title ... on RoleGuidePage { intro } }
  }
}
"""


def test_site_page_takes_a_token_through_the_same_checks(
    draft_token, roles_index, gql, gql_errors, settings
):
    """Before: `site { page(token:) }` went through grapple's path: no page binding (a token
    for one page answered a lookup of another)."""
    page = gql(SITE_PREVIEW_QUERY, {"token": draft_token})["site"]["page"]
    assert page == {"title": "Draft title", "intro": "Draft intro"}
    make_guide(roles_index, "other")
    _, errors = gql_errors(SITE_PREVIEW_QUERY, {"token": draft_token, "slug": "other"})
    assert errors[0]["extensions"]["code"] == "PREVIEW_TOKEN_PAGE_MISMATCH"
    settings.PREVIEW_TOKEN_MAX_AGE = -1
    _, errors = gql_errors(SITE_PREVIEW_QUERY, {"token": draft_token})
    assert errors[0]["extensions"]["code"] == "PREVIEW_TOKEN_EXPIRED"


def test_the_key_the_page_and_the_time_are_not_enough_to_forge_a_token(client, draft_token, guide):
    """Before: signing `id=<page>` with the secret key at each second around the preview (one
    anonymous batch) recovered the draft. Now tokens carry a random nonce of 256 bits."""
    signer = TimestampSigner(salt=SIGNER_SALT)
    now = int(time.time())
    guesses = []
    for second in range(now - 8, now + 2):
        with mock.patch("time.time", return_value=second):
            guesses.append(signer.sign(f"id={guide.pk}"))
    batch = [{"query": PREVIEW_QUERY, "variables": {"token": token}} for token in guesses]
    response = client.post("/graphql/", json.dumps(batch), content_type="application/json")
    answers = response.json()
    assert len(answers) == len(guesses)
    assert "Draft" not in response.content.decode()
    assert {a["errors"][0]["extensions"]["code"] for a in answers} == {"PREVIEW_TOKEN_INVALID"}
    assert "nonce=" in signer.unsign(draft_token)


@pytest.mark.parametrize(
    "url_path", ["", "/", "o", "/roles/", "viewed/", "/home/roles/previewed/x/"]
)
def test_a_token_matches_only_its_own_path(draft_token, gql_errors, url_path):
    """Before: any part of the page's path matched (`urlPath: "o"` named every page)."""
    _, errors = gql_errors(
        "query($t: String, $p: String) { page(token: $t, urlPath: $p) { title } }",
        {"t": draft_token, "p": url_path},
    )
    assert errors[0]["extensions"]["code"] == "PREVIEW_TOKEN_PAGE_MISMATCH"


def test_a_token_matches_its_public_and_tree_paths(draft_token, gql, guide):
    query = "query($t: String, $p: String) { page(token: $t, urlPath: $p) { title } }"
    for url_path in ("/roles/previewed/", guide.url_path, "roles/previewed"):
        assert gql(query, {"t": draft_token, "p": url_path})["page"]


@pytest.mark.parametrize("which", ["site path", "tree path", "tree path without slashes"])
@pytest.mark.parametrize("lookup", ["page", "site.page"])
def test_a_token_used_with_another_pages_path_is_refused(
    draft_token, roles_index, client, which, lookup
):
    """A token for one page, asked with another page's path, gives neither page."""
    other = make_guide(roles_index, "other", title="Other page")
    path = {
        "site path": "/roles/other/",
        "tree path": other.url_path,
        "tree path without slashes": other.url_path.strip("/"),
    }[which]
    field = "page(token: $t, urlPath: $p) { title }"
    if lookup == "site.page":
        field = f'site(hostname: "localhost") {{ {field} }}'
    response = post_graphql(
        client, f"query($t: String, $p: String) {{ {field} }}", {"t": draft_token, "p": path}
    )
    body = response.json()
    assert [e["extensions"]["code"] for e in body["errors"]] == ["PREVIEW_TOKEN_PAGE_MISMATCH"]
    assert "Draft title" not in response.content.decode()
    assert "Other page" not in response.content.decode()
