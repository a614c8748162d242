"""Only live, public content is served, by every query path."""

import json

import pytest
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import PageViewRestriction

from tests.factories import guide_body, make_faq, make_guide, publish

PAGE_PATHS = {
    "page by id": ("query($v: ID) { page(id: $v) { title } }", "id"),
    "page by slug": ("query($v: String) { page(slug: $v) { title } }", "slug"),
    "page by path": ("query($v: String) { page(urlPath: $v) { title } }", "path"),
    "roleGuide by slug": ("query($v: String) { roleGuide(slug: $v) { title } }", "slug"),
    "roleGuide by path": ("query($v: String) { roleGuide(urlPath: $v) { title } }", "path"),
}
LIST_PATHS = {
    "roleGuides": "{ roleGuides { items { title } pagination { total } } }",
    "pages": "{ pages { title } }",
    "children": '{ page(slug: "roles") { children { title } } }',
    "descendants": '{ page(slug: "roles") { descendants { title } } }',
    "site pages": "{ site { pages { title } } }",
    "search": '{ search(query: "hidden") { ... on RoleGuidePage { title } } }',
}


def argument(guide, kind):
    return {"id": guide.pk, "slug": guide.slug, "path": f"/roles/{guide.slug}/"}[kind]


def listed_titles(data):
    return json.dumps(data)


@pytest.fixture
def hidden_guides(roles_index):
    """A never-published draft and a private guide, both titled so search would find them."""
    draft = make_guide(roles_index, "draft-guide", title="Hidden draft", live=False)
    private = make_guide(roles_index, "private-guide", title="Hidden private")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    from django.core.management import call_command

    call_command("update_index", verbosity=0)
    return {"draft": draft, "private": private}


@pytest.mark.parametrize("path_name", PAGE_PATHS)
@pytest.mark.parametrize("which", ["draft", "private"])
def test_hidden_guide_is_never_served_by_lookup(gql, hidden_guides, path_name, which):
    query, kind = PAGE_PATHS[path_name]
    data = gql(query, {"v": argument(hidden_guides[which], kind)})
    assert list(data.values()) == [None]


@pytest.mark.parametrize("path_name", LIST_PATHS)
def test_hidden_guides_are_never_listed(gql, hidden_guides, roles_index, path_name):
    make_guide(roles_index, "visible-guide", title="Visible hidden-word guide")
    text = listed_titles(gql(LIST_PATHS[path_name]))
    assert "Hidden draft" not in text
    assert "Hidden private" not in text


def test_listing_counts_only_live_public_guides(gql, hidden_guides, roles_index):
    make_guide(roles_index, "visible-guide")
    data = gql("{ roleGuides { items { slug } pagination { total } } }")
    assert data["roleGuides"]["pagination"]["total"] == 1
    assert [item["slug"] for item in data["roleGuides"]["items"]] == ["visible-guide"]


def test_unpublished_edit_of_a_live_guide_is_not_served(gql, roles_index):
    guide = make_guide(roles_index, "edited", title="Published title", intro="Published intro")
    guide.title = "Draft title"
    guide.intro = "Draft intro"
    guide.save_revision()
    for query in (
        '{ roleGuide(slug: "edited") { title intro } }',
        '{ page(slug: "edited") { title ... on RoleGuidePage { intro } } }',
        "{ roleGuides { items { title intro } } }",
    ):
        text = json.dumps(gql(query))
        assert "Published title" in text and "Published intro" in text
        assert "Draft" not in text


def test_unpublished_guide_disappears(gql, roles_index):
    guide = make_guide(roles_index, "gone")
    assert gql('{ roleGuide(slug: "gone") { title } }')["roleGuide"]
    guide.unpublish()
    assert gql('{ roleGuide(slug: "gone") { title } }')["roleGuide"] is None


def test_parent_of_a_page_under_an_unpublished_section_is_hidden(gql, roles_index):
    make_guide(roles_index, "orphan")
    roles_index.unpublish()
    data = gql('{ page(slug: "orphan") { title parent { title } } }')
    assert data["page"]["parent"] is None


def test_a_forged_preview_token_is_not_a_back_door(gql_errors, hidden_guides):
    token = f"id={hidden_guides['draft'].pk}:forged:signature"
    _, errors = gql_errors("query($t: String) { page(token: $t) { title } }", {"t": token})
    assert errors[0]["extensions"]["code"] == "PREVIEW_TOKEN_INVALID"


FAQ_QUERY = (
    '{ roleGuide(slug: "with-faqs") { body { ... on FaqBlock { entries { question answer } } } } }'
)


def faq_entries(gql):
    body = gql(FAQ_QUERY)["roleGuide"]["body"]
    return next(block["entries"] for block in body if "entries" in block)


def test_draft_faq_entries_never_appear(gql, roles_index):
    live = make_faq("Live question?")
    draft = make_faq("Draft question?", published=False)
    make_guide(roles_index, "with-faqs", body=guide_body(faqs=[live, draft]))
    assert [e["question"] for e in faq_entries(gql)] == ["Live question?"]
    assert [e["question"] for e in gql("{ faqEntries { question } }")["faqEntries"]] == [
        "Live question?"
    ]
    assert gql("query($id: ID!) { faqEntry(id: $id) { question } }", {"id": draft.pk}) == {
        "faqEntry": None
    }
    snippets = json.dumps(gql("{ snippets { ... on FaqEntry { question } } }"))
    assert "Live question?" in snippets and "Draft question?" not in snippets
    found = json.dumps(gql('{ search(query: "question") { ... on FaqEntry { question } } }'))
    assert "Draft question?" not in found


def test_unpublished_edit_of_a_shared_answer_is_not_live(gql, roles_index):
    entry = make_faq("Shared?", "<p>Published answer.</p>")
    make_guide(roles_index, "with-faqs", body=guide_body(faqs=[entry]))
    entry.answer = "<p>Draft answer.</p>"
    entry.save_revision()
    assert faq_entries(gql) == [{"question": "Shared?", "answer": "<p>Published answer.</p>"}]
    entry.refresh_from_db()
    publish(entry.latest_revision.as_object())
    assert faq_entries(gql)[0]["answer"] == "<p>Draft answer.</p>"


def rich_text_linking_to(page):
    return f'<p>See <a linktype="page" id="{page.pk}">this guide</a>.</p>'


def test_rich_text_links_resolve_only_to_visible_pages(gql, roles_index, hidden_guides):
    live_target = make_guide(roles_index, "target")
    body = guide_body()
    body[0]["value"]["body"] = (
        rich_text_linking_to(live_target)
        + rich_text_linking_to(hidden_guides["draft"])
        + rich_text_linking_to(hidden_guides["private"])
    )
    make_guide(roles_index, "linker", body=body)
    html = gql('{ roleGuide(slug: "linker") { body { ... on SectionBlock { body } } } }')
    html = html["roleGuide"]["body"][0]["body"]
    assert '<a href="/roles/target/">this guide</a>' in html
    assert "draft-guide" not in html and "private-guide" not in html
    assert html.count("<a>this guide</a>") == 2


def test_call_to_action_never_links_to_a_hidden_page(gql, roles_index, hidden_guides):
    make_guide(roles_index, "cta", body=guide_body(link_page=hidden_guides["draft"]))
    query = (
        '{ roleGuide(slug: "cta") { body { '
        "... on CallToActionBlock { href linkPage { title } } } } }"
    )
    data = gql(query)
    cta = next(block for block in data["roleGuide"]["body"] if "href" in block)
    assert cta == {"href": None, "linkPage": None}


def test_redirects_to_hidden_pages_are_not_listed(gql, hidden_guides, roles_index):
    visible = make_guide(roles_index, "visible")
    Redirect.objects.create(old_path="/old-visible", redirect_page=visible)
    Redirect.objects.create(old_path="/old-draft", redirect_page=hidden_guides["draft"])
    Redirect.objects.create(old_path="/old-url", redirect_link="https://example.com/")
    paths = {r["oldPath"] for r in gql("{ redirects { oldPath } }")["redirects"]}
    assert paths == {"/old-visible", "/old-url"}


@pytest.mark.parametrize(
    "field", ["draftTitle", "hasUnpublishedChanges", "latestRevisionCreatedAt", "aliases"]
)
def test_editorial_fields_are_not_in_the_schema(gql_errors, roles_index, field):
    make_guide(roles_index, "g")
    status, errors = gql_errors(f'{{ roleGuide(slug: "g") {{ title {field} }} }}')
    assert errors[0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"
    assert status == 400


def test_image_search_keeps_restricted_collections_out(gql, site_tree):
    # grapple's image search fails on Wagtail 8 (it filters on a join first); ours works.
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file
    from wagtail.models import Collection, CollectionViewRestriction

    secret = Collection.get_first_root_node().add_child(name="Secret")
    CollectionViewRestriction.objects.create(
        collection=secret, restriction_type="password", password="x"
    )
    Image.objects.create(title="Kubernetes diagram", file=get_test_image_file())
    Image.objects.create(title="Kubernetes secret", file=get_test_image_file(), collection=secret)
    from django.core.management import call_command

    call_command("update_index", verbosity=0)
    found = gql('{ images(searchQuery: "kubernetes") { title } }')["images"]
    assert found == [{"title": "Kubernetes diagram"}]
