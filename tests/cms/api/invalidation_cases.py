"""The invalidation cases the README promises, shared by the tests of the response cache
(stale before, fresh after) and of its tags (an unrelated answer stays cached)."""

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlencode

import pytest
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction, Site

from cms.models import SeoSettings
from roles.models import RoleIndexPage
from tests.factories import (
    guide_body,
    make_category,
    make_company,
    make_faq,
    make_guide,
    make_image,
    make_tool,
    publish,
)
from tests.graphql_http import post_graphql


@dataclass
class Case:
    query: str
    change: Callable[[dict], None]
    setup: Callable[[dict], None] = lambda content: None


GUIDE = '{ roleGuide(slug: "cached") { title } }'
GUIDE_BY_PATH = '{ roleGuide(urlPath: "/roles/cached/") { title } }'
GUIDE_BODY = """{ roleGuide(slug: "cached") { body {
  ... on FaqBlock { entries { question } }
  ... on CompaniesHiringBlock { companies { name } }
  ... on SkillsListBlock { skills { tools { name } } }
} category { name } heroImage { title } } }"""
FAQS = "{ faqEntries { question } }"
TOTAL = "{ roleGuides { pagination { total } } }"
IMAGES = "{ images { title } }"
DOCUMENTS = "{ documents { title } }"
SITE_SETTINGS = '{ setting(name: "SeoSettings") { ... on SeoSettings { siteName } } }'


def publish_page_edit(content):
    page = content["guide"]
    page.title = "After"
    publish(page)


def other_index(content):
    """A second live index, made before the cache is primed (making it is a change too)."""
    content["other"] = content["home"].add_child(instance=RoleIndexPage(title="Other", slug="o"))


def move_page(content):
    content["guide"].move(content["other"], pos="last-child")


def create_alias(content):
    content["guide"].create_alias(parent=content["other"], update_slug="cached-alias")


def restrict_page(content):
    PageViewRestriction.objects.create(
        page=content["guide"], restriction_type="password", password="x"
    )


def publish_faq_edit(content):
    draft = content["faq"]
    draft.question = "After?"
    publish(draft)


def saved_with(key, **fields):
    """Save the object as its admin form does, with changed fields."""

    def change(content):
        for name, value in fields.items():
            setattr(content[key], name, value)
        content[key].save()

    return change


def delete(key):
    return lambda content: content[key].delete()


def private_collection(content):
    collection = Collection.get_first_root_node().add_child(name="Soon private")
    content["image"].collection = collection
    content["image"].save()
    content["collection"] = collection


def restrict_collection(content):
    CollectionViewRestriction.objects.create(
        collection=content["collection"], restriction_type="login"
    )


def add_collection_restriction(content):
    private_collection(content)
    restrict_collection(content)
    content["restriction"] = CollectionViewRestriction.objects.get()


def add_page_restriction(content):
    restrict_page(content)
    content["restriction"] = PageViewRestriction.objects.get()


def add_redirect(content):
    content["redirect"] = Redirect.objects.create(old_path="/old", redirect_page=content["guide"])


def seo_settings(content):
    SeoSettings.objects.update_or_create(
        site=Site.objects.get(is_default_site=True), defaults={"site_name": "Before"}
    )


def rename_site_in_seo_settings(content):
    settings = SeoSettings.objects.get()
    settings.site_name = "After"
    settings.save()


CASES = {
    "page-edit-published": Case(GUIDE, publish_page_edit),
    "page-unpublished": Case(GUIDE, lambda content: content["guide"].unpublish()),
    "page-moved": Case(GUIDE_BY_PATH, move_page, other_index),
    "page-deleted": Case(GUIDE, delete("guide")),
    "page-alias-created-live": Case(TOTAL, create_alias, other_index),
    "page-view-restriction-added": Case(GUIDE, restrict_page),
    "page-view-restriction-removed": Case(GUIDE, delete("restriction"), add_page_restriction),
    "faq-entry-edit-published": Case(GUIDE_BODY, publish_faq_edit),
    "faq-entry-unpublished": Case(FAQS, lambda content: content["faq"].unpublish()),
    "faq-entry-deleted": Case(FAQS, delete("faq")),
    "company-saved": Case(GUIDE_BODY, saved_with("company", name="After Co")),
    "company-deleted": Case("{ companies { name } }", delete("company")),
    "tool-saved": Case(GUIDE_BODY, saved_with("tool", name="After tool")),
    "tool-deleted": Case("{ tools { name } }", delete("tool")),
    "category-saved": Case(GUIDE_BODY, saved_with("category", name="After category")),
    "category-deleted": Case("{ categories { name } }", delete("category")),
    "image-saved": Case(GUIDE_BODY, saved_with("image", title="after")),
    "image-deleted": Case(IMAGES, delete("image")),
    "document-saved": Case(DOCUMENTS, saved_with("document", title="after")),
    "document-deleted": Case(DOCUMENTS, delete("document")),
    "redirect-saved": Case("{ redirects { oldPath } }", add_redirect),
    "redirect-deleted": Case("{ redirects { oldPath } }", delete("redirect"), add_redirect),
    "collection-saved": Case(
        "{ collections { name } }", saved_with("collection", name="After"), private_collection
    ),
    "collection-view-restriction-added": Case(IMAGES, restrict_collection, private_collection),
    "collection-view-restriction-removed": Case(
        IMAGES, delete("restriction"), add_collection_restriction
    ),
    "site-settings-saved": Case(SITE_SETTINGS, rename_site_in_seo_settings, seo_settings),
    "site-saved": Case("{ sites { siteName } }", saved_with("site", site_name="After")),
}


@pytest.fixture
def content(site_tree):
    home, index = site_tree
    faq = make_faq("Before?")
    tool, company = make_tool("Before tool"), make_company("Before Co")
    image = make_image("before", 400, 300)
    guide = make_guide(
        index,
        "cached",
        title="Before",
        category=make_category("Before category"),
        hero_image=image,
        body=guide_body(faqs=[faq], tools=[tool], companies=[company]),
    )
    document = Document.objects.create(title="before", file="documents/before.txt")
    site = Site.objects.get(is_default_site=True)
    site.site_name = "Before"
    site.save()
    return {
        "home": home,
        "guide": guide,
        "faq": faq,
        "tool": tool,
        "company": company,
        "category": guide.category,
        "image": image,
        "document": document,
        "site": site,
    }


def ask_post(client, query):
    response = post_graphql(client, query)
    assert response.status_code == 200, response.content
    return response.content


def ask_get(client, query):
    response = client.get("/graphql/?" + urlencode({"query": query}))
    assert response.status_code == 200, response.content
    return response.content
