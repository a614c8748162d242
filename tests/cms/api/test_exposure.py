"""No path through `sites`, `site`, `collections`, `tags` or block fields reveals hidden content,
and no field reveals editorial state or the ids of hidden pages and draft snippets."""

import pytest
from graphql import GraphQLInterfaceType, GraphQLObjectType
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from cms.api.schema import schema
from tests.factories import guide_body, make_faq, make_guide
from tests.graphql_http import post_graphql

SITE_QUERIES = {
    "sites": "{ sites { rootPage { title } } }",
    "site": '{ site(hostname: "localhost") { rootPage { title } } }',
    "redirect site": "{ redirects { site { rootPage { title } } } }",
}


@pytest.fixture
def hidden_root(site_tree):
    home, _ = site_tree
    Redirect.objects.create(old_path="/old", redirect_link="https://example.com/")
    return home


def root_titles(data):
    found = [*data.get("sites", []), data.get("site")]
    found += [r["site"] for r in data.get("redirects", [])]
    return [site["rootPage"] for site in found if site]


@pytest.mark.parametrize("path_name", SITE_QUERIES)
def test_a_sites_root_page_is_served_only_when_live_and_public(gql, hidden_root, path_name):
    """Before: `sites { rootPage }` returned a draft or login-restricted root page."""
    query = SITE_QUERIES[path_name]
    assert root_titles(gql(query)) == [{"title": "Home"}]

    hidden_root.unpublish()
    assert root_titles(gql(query)) == [None]

    hidden_root.save_revision().publish()
    PageViewRestriction.objects.create(page=hidden_root, restriction_type="login")
    assert root_titles(gql(query)) == [None]


def test_site_page_lookups_serve_only_live_public_pages(gql, roles_index):
    make_guide(roles_index, "draft", live=False)
    private = make_guide(roles_index, "private")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    make_guide(roles_index, "visible")
    query = '{ site(hostname: "localhost") { a: page(slug: "%s") { title } pages { title } } }'
    for slug in ("draft", "private"):
        site = gql(query % slug)["site"]
        assert site["a"] is None
        assert {p["title"] for p in site["pages"]} == {"Home", "Roles", "Guide visible"}


# Fields that describe editorial state or carry stored ids: never in the schema, on any type.
REMOVED_FIELDS = {
    "locked",
    "lockedAt",
    "lockedBy",
    "owner",
    "latestRevision",
    "latestRevisionCreatedAt",
    "draftTitle",
    "hasUnpublishedChanges",
    "searchScore",
    "rawValue",
    "revisions",
}


def test_no_type_has_a_field_revealing_editorial_state_or_stored_ids():
    offending = [
        f"{name}.{field}"
        for name, graphql_type in schema.graphql_schema.type_map.items()
        if isinstance(graphql_type, GraphQLObjectType | GraphQLInterfaceType)
        for field in graphql_type.fields
        if field in REMOVED_FIELDS
    ]
    assert offending == []


def test_typed_blocks_have_no_generic_blocks_list():
    """Their typed fields filter hidden pages and drafts; grapple's `blocks` list did not."""
    type_map = schema.graphql_schema.type_map
    typed = ["CallToActionBlock", "FaqBlock", "SkillsListBlock", "SalaryTableBlock"]
    assert [name for name in typed if "blocks" in type_map[name].fields] == []


LEAK_QUERY = """
{ roleGuide(slug: "g") { body {
  rawValue
  ... on CallToActionBlock { blocks { rawValue ... on PageChooserBlock { page { id title } } } }
  ... on FaqBlock { blocks { ... on ListBlock { items {
    ... on SnippetChooserBlock { snippet { ... on FaqEntry { question } } } } } } }
} } }
"""


def test_hidden_page_and_draft_faq_cannot_be_reached_through_block_fields(client, gql, roles_index):
    """Before: `rawValue` gave the hidden page's id and the draft entry's id, and `blocks`
    gave the hidden page's title and the draft's question (HTTP 200)."""
    hidden = make_guide(roles_index, "hidden-target", title="Secret draft title", live=False)
    draft_faq = make_faq("Secret draft question?", published=False)
    make_guide(roles_index, "g", body=guide_body(faqs=[draft_faq], link_page=hidden))
    response = post_graphql(client, LEAK_QUERY)
    text = response.content.decode()
    assert response.status_code == 400
    assert {e["extensions"]["code"] for e in response.json()["errors"]} == {
        "GRAPHQL_VALIDATION_FAILED"
    }
    assert "Secret" not in text and f'"link_page": {hidden.pk}' not in text
    body = gql(
        '{ roleGuide(slug: "g") { body { ... on CallToActionBlock { linkPage { id } href } '
        "... on FaqBlock { entries { question } } } } }"
    )["roleGuide"]["body"]
    assert {"linkPage": None, "href": None} in body
    assert {"entries": []} in body


@pytest.fixture
def restricted_collection(db):
    root = Collection.get_first_root_node()
    secret = root.add_child(name="Secret plans")
    secret.add_child(name="Secret child")
    root.add_child(name="Press kit")
    CollectionViewRestriction.objects.create(
        collection=secret, restriction_type="password", password="x"
    )
    return secret


def test_collections_behind_a_restriction_are_not_listed(gql, restricted_collection):
    """Before: "Secret child" (below the restricted one) was listed, by both paths."""
    names = {c["name"] for c in gql("{ collections { name } }")["collections"]}
    assert names == {"Root", "Press kit"}
    [root] = gql("{ collections(id: 1) { descendants { name } } }")["collections"]
    assert {c["name"] for c in root["descendants"]} == {"Press kit"}


def test_tags_only_of_public_images_and_documents(gql, restricted_collection):
    from wagtail.documents.models import Document
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    public = Image.objects.create(title="Diagram", file=get_test_image_file())
    public.tags.add("architecture")
    private = Document.objects.create(title="Plan", collection=restricted_collection)
    private.tags.add("acquisition-target")
    names = [t["name"] for t in gql("{ tags { name } }")["tags"]]
    assert names == ["architecture"]
    from taggit.models import Tag

    secret_tag = Tag.objects.get(name="acquisition-target")
    assert gql(f'{{ tag(id: "{secret_tag.pk}") {{ name }} }}')["tag"] is None


def test_every_field_taking_a_token_is_checked():
    """tests/test_preview.py sends empty and blank tokens to each of these."""
    with_token = {
        f"{name}.{field_name}"
        for name, graphql_type in schema.graphql_schema.type_map.items()
        if isinstance(graphql_type, GraphQLObjectType)
        for field_name, field in graphql_type.fields.items()
        if "token" in field.args
    }
    assert with_token == {"Query.page", "SiteObjectType.page"}


def test_a_leak_is_removed_at_once_when_the_changelog_says_security():
    from cms.api.contract import contract_problems

    old = "type Query { a: Int }\ntype Block { heading: String rawValue: String }"
    new = "type Query { a: Int }\ntype Block { heading: String }"
    assert contract_problems(old, new, changelog_text="- Removed `Block.rawValue`.")
    record = "- Removed for security reasons: `Block.rawValue` (it named hidden pages)."
    assert contract_problems(old, new, changelog_text=record) == []
