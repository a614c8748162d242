"""SQL queries per request do not grow with the amount of content (no N+1)."""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from tests.factories import guide_body, make_category, make_company, make_faq, make_guide, make_tool
from tests.graphql_http import post_graphql
from tests.queries import FULL_GUIDE_QUERY

FULL_GUIDE_WITH_LOGOS = FULL_GUIDE_QUERY.replace(
    "companies { name }", "companies { name slug website logo { id title width height } }"
).replace(
    "category { name slug }", "category { name slug } heroImage { id title } parent { title } url"
)

LISTING_QUERY = """
query Listing($category: String, $year: Int) {
  roleGuides(category: $category, year: $year, perPage: 100) {
    items { id title slug url roleName year intro category { name slug } heroImage { id title } }
    pagination { total count perPage currentPage totalPages }
  }
}
"""


def count_queries(client, query, variables):
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = post_graphql(client, query, variables)
    body = response.json()
    assert "errors" not in body, body["errors"]
    return len(captured), body["data"]


def build_guide(index, slug, size):
    """A guide with `size` FAQs, skills (each with `size` tools), companies and sections."""
    faqs = [make_faq(f"Question {slug} {n}?") for n in range(size)]
    tools = [make_tool(f"Tool {n}") for n in range(size)]
    logo = Image.objects.create(title="Logo", file=get_test_image_file())
    companies = [make_company(f"Company {slug} {n}", logo=logo) for n in range(size)]
    body = guide_body(faqs=faqs, tools=tools, companies=companies, skills=size, sections=size)
    hero = Image.objects.create(title="Hero", file=get_test_image_file())
    return make_guide(index, slug, body=body, hero_image=hero)


def test_full_guide_query_count_does_not_grow_with_content(client, roles_index):
    # 20: the most FAQ entries and companies a block serves (LIST_SIZES in cms/api/limits.py).
    build_guide(roles_index, "small", 5)
    build_guide(roles_index, "large", 20)
    small, small_data = count_queries(client, FULL_GUIDE_WITH_LOGOS, {"path": "/roles/small/"})
    large, large_data = count_queries(client, FULL_GUIDE_WITH_LOGOS, {"path": "/roles/large/"})
    faq_block = [b for b in large_data["roleGuide"]["body"] if b["blockType"] == "FaqBlock"][0]
    assert len(faq_block["entries"]) == 20
    companies = [
        b for b in large_data["roleGuide"]["body"] if b["blockType"] == "CompaniesHiringBlock"
    ]
    assert len(companies[0]["companies"]) == 20 and companies[0]["companies"][0]["logo"]
    assert small == large, f"{small} queries for 5 of everything, {large} for 20"
    assert large <= 12


def build_listing(index, count):
    category = make_category("Data")
    for n in range(count):
        hero = Image.objects.create(title=f"Hero {n}", file=get_test_image_file())
        make_guide(index, f"guide-{n}", category=category, hero_image=hero)


def test_listing_query_count_does_not_grow_with_guides(client, roles_index):
    build_listing(roles_index, 3)
    small, small_data = count_queries(client, LISTING_QUERY, {"category": "data", "year": 2026})
    assert small_data["roleGuides"]["pagination"]["total"] == 3
    build_listing_more = 27
    for n in range(3, 3 + build_listing_more):
        hero = Image.objects.create(title=f"Hero {n}", file=get_test_image_file())
        make_guide(roles_index, f"guide-{n}", category=make_category("Data"), hero_image=hero)
    large, large_data = count_queries(client, LISTING_QUERY, {"category": "data", "year": 2026})
    assert large_data["roleGuides"]["pagination"]["total"] == 30
    assert len(large_data["roleGuides"]["items"]) == 30
    assert small == large, f"{small} queries for 3 guides, {large} for 30"


LISTING_WITH_BLOCKS = """
query Listing {
  roleGuides(perPage: 100) {
    items {
      title
      heroImage { id title }
      category { name }
      body {
        ... on SkillsListBlock { skills { name tools { name } } }
        ... on CompaniesHiringBlock { companies { name logo { id } } }
        ... on FaqBlock { entries { question } }
      }
    }
  }
}
"""


def build_guides_with_blocks(index, start, count, logo):
    """Guides whose bodies each use their own FAQ, tools and company, so nothing is shared."""
    for n in range(start, start + count):
        body = guide_body(
            faqs=[make_faq(f"Q{n}?")],
            tools=[make_tool(f"T{n}a"), make_tool(f"T{n}b")],
            companies=[make_company(f"C{n}", logo=logo)],
        )
        make_guide(index, f"blocks-{n}", body=body)


def test_listing_with_blocks_does_not_grow_with_guides(client, roles_index, settings):
    settings.GRAPHQL_LIMITS = {"MAX_COST": 10**9}  # measuring queries here, not the cost limit
    logo = Image.objects.create(title="Logo", file=get_test_image_file())
    build_guides_with_blocks(roles_index, 0, 3, logo)
    small, _ = count_queries(client, LISTING_WITH_BLOCKS, {})
    build_guides_with_blocks(roles_index, 3, 27, logo)
    large, data = count_queries(client, LISTING_WITH_BLOCKS, {})
    assert len(data["roleGuides"]["items"]) == 30
    faq_blocks = [b for item in data["roleGuides"]["items"] for b in item["body"] if "entries" in b]
    assert len(faq_blocks) == 30 and all(len(b["entries"]) == 1 for b in faq_blocks)
    assert small == large, f"{small} queries for 3 guides with blocks, {large} for 30"


GUIDE_WITH_LINK = """
query ($path: String) {
  roleGuide(urlPath: $path) {
    seo { structuredData }
    body { ... on CallToActionBlock { href linkPage { title url } } }
  }
}
"""


def test_a_page_the_request_loaded_already_is_not_loaded_again(client, roles_index):
    """A button linking to the guides' index costs no query more than one linking to a URL:
    the breadcrumbs loaded that page already, and the link finds it in the request's pages."""
    make_guide(roles_index, "to-url", body=guide_body())
    make_guide(roles_index, "to-index", body=guide_body(link_page=roles_index))
    to_url, _ = count_queries(client, GUIDE_WITH_LINK, {"path": "/roles/to-url/"})
    to_index, data = count_queries(client, GUIDE_WITH_LINK, {"path": "/roles/to-index/"})
    button = [block for block in data["roleGuide"]["body"] if block][0]
    assert button == {
        "href": roles_index.url,
        "linkPage": {"title": roles_index.title, "url": roles_index.url},
    }
    assert to_index == to_url


LINKS = """query ($n: Int) {
  roleGuides(perPage: $n) { items { body { ... on CallToActionBlock { href } } } }
}"""


def test_links_to_a_deleted_page_are_looked_for_once(client, roles_index):
    """A page deleted since guides linked to it: each listing asks for it once, not per guide
    (the button falls back to nothing, as Wagtail's chooser gives None)."""
    gone = make_guide(roles_index, "gone")
    for n in range(6):
        make_guide(roles_index, f"links-{n}", body=guide_body(link_page=gone))
    gone.delete()
    two, data = count_queries(client, LINKS, {"n": 2})
    six, data = count_queries(client, LINKS, {"n": 6})
    assert two == six
    hrefs = [
        block.get("href", "-")
        for item in data["roleGuides"]["items"]
        for block in item["body"]
        if block
    ]
    assert hrefs == [None] * 6
