"""A listing asking for every field of a guide costs the same SQL queries for 20 guides as
for 100: every field a listing can ask for is batched (no query per guide)."""

import io
from pathlib import Path

from django.conf import settings as django_settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from roles.models import RoleGuidePage
from tests.graphql_http import post_graphql

FRAGMENT = (
    Path(django_settings.BASE_DIR)
    / "frontend_contract/operations/fragments/RoleGuideFields.graphql"
).read_text()

# Every field of RoleGuidePage but the tree navigation lists (children, siblings, ancestors,
# descendants), which a listing has no use for; the body comes from the contract's fragment.
EVERY_FIELD = """
  id depth translationKey live firstPublishedAt lastPublishedAt title slug contentType
  urlPath sitePath url pageType showInMenus seoTitle searchDescription roleName year intro
  parent { id title url sitePath }
  category { name slug }
  heroImage {
    id title url width height collection { name } tags { name }
    rendition(fill: "1200x630") { url }
    small: srcSet(sizes: [640], format: "webp")
  }
  seo { title description canonicalUrl noIndex siteName structuredData image { url } }
"""

LISTING = (
    "query ($perPage: Int) { roleGuides(perPage: $perPage, order: YEAR) {"
    " items { ...RoleGuideFields " + EVERY_FIELD + " } pagination { total } } }\n" + FRAGMENT
)


def listing_queries(client, per_page):
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        body = post_graphql(client, LISTING, {"perPage": per_page}).json()
    assert "errors" not in body, body["errors"]
    assert len(body["data"]["roleGuides"]["items"]) == per_page
    return len(captured)


def linked_to(raw_body, page):
    """`raw_body` with its call to action's button linking to `page` instead of a URL."""
    body = [dict(block) for block in raw_body]
    for block in body:
        if block["type"] == "call_to_action":
            block["value"] = {**block["value"], "link_page": page.pk, "link_url": ""}
            return body
    raise AssertionError("the generated guide has no call to action")


def test_every_field_of_a_listing_is_batched(client, settings, roles_index):
    settings.GRAPHQL_LIMITS = {"MAX_COST": 10_000_000, "MAX_TOKENS": 5_000}
    call_command("generate_role_guides", count=100, stdout=io.StringIO())
    images = [Image.objects.create(title=f"Hero {n}", file=get_test_image_file()) for n in (1, 2)]
    guides = list(RoleGuidePage.objects.order_by("pk"))
    for n, guide in enumerate(guides):
        # Each guide's button links to another guide: a page chooser in every body.
        body = linked_to(guide.body.raw_data, guides[(n + 1) % len(guides)])
        RoleGuidePage.objects.filter(pk=guide.pk).update(hero_image=images[n % 2], body=body)
    listing_queries(client, 100)  # renditions made once, site root paths cached
    assert listing_queries(client, 20) == listing_queries(client, 100)
    # The links are served: every guide's button goes to the next guide's URL.
    next_url = {guide.slug: guides[(n + 1) % len(guides)].url for n, guide in enumerate(guides)}
    items = post_graphql(client, LISTING, {"perPage": 5}).json()["data"]["roleGuides"]["items"]
    served = {item["slug"]: [b["href"] for b in item["body"] if "href" in b] for item in items}
    assert served == {slug: [next_url[slug]] for slug in served}


PAGES_WITH_EDITIONS = """query ($limit: PositiveInt) {
  pages(limit: $limit, contentType: "roles.RoleGuidePage") {
    ... on RoleGuidePage { title editions { title year } previousEdition { title } }
  }
}"""


def test_editions_of_a_generic_page_list_are_batched(client, settings, roles_index):
    """grapple's `pages` lists guides without our listing code: the list primers batch it."""
    settings.GRAPHQL_LIMITS = {"MAX_COST": 100_000}  # 100 guides × 101 editions each
    call_command("generate_role_guides", count=100, stdout=io.StringIO())

    def count(limit):
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            body = post_graphql(client, PAGES_WITH_EDITIONS, {"limit": limit}).json()
        assert "errors" not in body, body["errors"]
        assert len(body["data"]["pages"]) == limit
        assert all(page["editions"] for page in body["data"]["pages"])
        return len(captured)

    count(20)
    assert count(20) == count(100)
