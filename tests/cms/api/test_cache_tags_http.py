"""Precise invalidation and cache tags, over real HTTP (Django's test client): what each answer
says it was built from (`X-Cache-Status`, the tag header), and which cached answers a change
makes stale (cms/api/answer_tags.py, cms/api/response_cache.py)."""

import json
from urllib.parse import urlencode

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from roles import block_values as values
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

GUIDE = """query($path: String) { roleGuide(urlPath: $path) {
  title category { name } heroImage { title }
  body {
    ... on FaqBlock { entries { question answer } }
    ... on CompaniesHiringBlock { companies { name } }
    ... on SkillsListBlock { skills { tools { name } } }
    ... on CallToActionBlock { href }
  }
} }"""
LISTING = "{ roleGuides { items { title } } }"
SITEMAP = "{ sitemap { path } }"
SEARCH = '{ search(query: "guide") { __typename } }'


def get(client, query, variables=None, **extra):
    params = {"query": query}
    if variables:
        params["variables"] = json.dumps(variables)
    return client.get("/graphql/?" + urlencode(params), **extra)


def guide_at(client, slug, method="GET"):
    variables = {"path": f"/roles/{slug}/"}
    if method == "GET":
        response = get(client, GUIDE, variables)
    else:
        response = post_graphql(client, GUIDE, variables)
    assert response.status_code == 200, response.content
    return response


def tags_of(response):
    return set(response["Cache-Tag"].split(","))


def served_from_cache(client, query, variables=None):
    with CaptureQueriesContext(connection) as captured:
        response = get(client, query, variables)
    assert response.status_code == 200
    return len(captured) == 0 and response["X-Cache-Status"] == "HIT"


def guide_is_cached(client, slug):
    return served_from_cache(client, GUIDE, {"path": f"/roles/{slug}/"})


@pytest.fixture
def guides(roles_index):
    """Guides A and B with their own content, and C sharing A's FAQ entry."""
    shared = make_faq("Shared?")
    made = {"faq": shared}
    for name in ("a", "b", "c"):
        tool, company = make_tool(f"{name} tool"), make_company(f"{name} company")
        faqs = [shared] if name != "b" else [make_faq("B only?")]
        made[name] = make_guide(
            roles_index,
            name,
            title=f"Guide {name}",
            category=make_category(f"{name} category"),
            hero_image=make_image(f"{name}-hero", 400, 300),
            body=guide_body(faqs=faqs, tools=[tool], companies=[company]),
        )
        made[f"{name}_tool"], made[f"{name}_company"] = tool, company
    return made


def test_a_get_answer_names_what_it_was_built_from(client, guides):
    a = guides["a"]
    first = guide_at(client, "a")
    assert first["X-Cache-Status"] == "MISS"
    assert tags_of(first) >= {
        "all",
        f"page:{a.pk}",
        f"roles.category:{a.category_id}",
        f"image:{a.hero_image_id}",
        f"faqs.faqentry:{guides['faq'].pk}",
        f"roles.tool:{guides['a_tool'].pk}",
        f"roles.company:{guides['a_company'].pk}",
    }
    assert f"page:{guides['b'].pk}" not in tags_of(first)
    second = guide_at(client, "a")
    assert second["X-Cache-Status"] == "HIT"
    assert tags_of(second) == tags_of(first) and second.content == first.content


def test_a_get_answered_from_an_answer_a_post_stored_names_what_it_was_built_from(client, guides):
    """The answer a POST stored serves a GET of the same question: that GET is a HIT and
    still names its tags, so a CDN can keep it and purge it."""
    fresh_get = tags_of(guide_at(client, "a"))
    cache.clear()
    guide_at(client, "a", "POST")

    served = guide_at(client, "a")

    assert served["X-Cache-Status"] == "HIT"
    assert tags_of(served) == fresh_get


def test_post_answers_say_hit_or_miss_without_tags(client, guides):
    first, second = guide_at(client, "a", "POST"), guide_at(client, "a", "POST")
    assert (first["X-Cache-Status"], second["X-Cache-Status"]) == ("MISS", "HIT")
    assert "Cache-Tag" not in second


def test_listings_sitemap_and_search_carry_their_own_tags(client, guides):
    assert tags_of(get(client, LISTING)) >= {"listing:roles.roleguidepage", "all"}
    assert "sitemap" in tags_of(get(client, SITEMAP))
    assert "search" in tags_of(get(client, SEARCH))
    redirects = tags_of(get(client, "{ redirects { oldPath } }"))
    assert {"redirects", "listing:roles.roleguidepage"} <= redirects
    setting = '{ setting(name: "SeoSettings") { ... on SeoSettings { siteName } } }'
    assert "settings" in tags_of(get(client, setting))


def test_uncacheable_answers_are_bypass(client, editor_client, guides):
    token = guides["a"].create_page_preview().token
    preview = post_graphql(client, "query($t: String) { page(token: $t) { title } }", {"t": token})
    assert preview["X-Cache-Status"] == "BYPASS"
    errors = get(client, "{ roleGuide { title } }")  # neither slug nor path
    assert errors["X-Cache-Status"] == "BYPASS" and "Cache-Tag" not in errors
    signed_in = guide_at(editor_client, "a")
    assert signed_in["X-Cache-Status"] == "BYPASS" and "Cache-Tag" not in signed_in
    batch = client.post(
        "/graphql/", data=json.dumps([{"query": LISTING}]), content_type="application/json"
    )
    assert batch["X-Cache-Status"] == "BYPASS"
    bad_json = client.post("/graphql/", data="{", content_type="application/json")
    assert bad_json.status_code == 400 and bad_json["X-Cache-Status"] == "BYPASS"


def test_with_the_cache_off_every_answer_is_bypass(client, guides, settings):
    settings.API_RESPONSE_CACHE = False
    for _ in range(2):
        response = guide_at(client, "a")
        assert response["X-Cache-Status"] == "BYPASS" and "Cache-Tag" not in response


@pytest.mark.parametrize("header", ["Surrogate-Key", "xkey"])
def test_the_tag_header_is_named_by_a_setting_and_space_separated(client, guides, settings, header):
    settings.API_CACHE_TAG_HEADER = header
    response = guide_at(client, "a")
    assert "Cache-Tag" not in response
    assert f"page:{guides['a'].pk}" in response[header].split(" ")
    assert "," not in response[header]


def test_a_long_tag_list_gives_way_to_broader_tags(client, roles_index, settings):
    for n in range(12):
        make_guide(roles_index, f"g{n}", category=make_category(f"category {n}"))
    full = tags_of(get(client, LISTING))
    assert len(",".join(full)) > 250
    cache.clear()
    settings.API_CACHE_TAG_HEADER_MAX_LENGTH = 250
    tags = tags_of(get(client, LISTING))
    assert {"all", "listing:roles.roleguidepage", "listing:roles.category"} <= tags
    assert not any(tag.startswith(("page:", "roles.category:")) for tag in tags)
    assert len(",".join(sorted(tags))) <= 250
    settings.API_CACHE_TAG_HEADER_MAX_LENGTH = 3
    assert get(client, LISTING)["Cache-Tag"] == "all"


def test_publishing_guide_a_leaves_b_cached_and_refreshes_what_a_is_in(client, guides):
    for slug in ("a", "b"):
        guide_at(client, slug)
    for query in (LISTING, SITEMAP, SEARCH):
        get(client, query)
    a = guides["a"]
    a.title = "Guide a, revised"
    publish(a)

    assert guide_is_cached(client, "b")
    assert not guide_is_cached(client, "a")
    assert "Guide a, revised" in guide_at(client, "a").json()["data"]["roleGuide"]["title"]
    assert b"Guide a, revised" in get(client, LISTING).content
    for query in (SITEMAP, SEARCH):
        assert get(client, query)["X-Cache-Status"] == "MISS"


def test_an_faq_entry_change_refreshes_every_guide_that_uses_it_and_no_other(client, guides):
    for slug in ("a", "b", "c"):
        guide_at(client, slug)
    entry = guides["faq"]
    entry.question = "Shared, revised?"
    publish(entry)
    assert guide_is_cached(client, "b")
    for slug in ("a", "c"):
        assert b"Shared, revised?" in guide_at(client, slug).content


def test_a_draft_entry_a_guide_chooses_appears_once_published(client, roles_index):
    draft = make_faq("Not yet?", published=False)
    make_guide(roles_index, "d", body=guide_body(faqs=[draft]))
    assert b"Not yet?" not in guide_at(client, "d").content  # a draft is never served
    publish(draft)
    assert b"Not yet?" in guide_at(client, "d").content


def test_a_call_to_action_gains_its_href_when_its_page_is_published(client, roles_index):
    target = make_guide(roles_index, "target", live=False)
    make_guide(roles_index, "d", body=guide_body(link_page=target))
    other = make_guide(roles_index, "other")
    guide_at(client, "other")

    def href():
        body = guide_at(client, "d").json()["data"]["roleGuide"]["body"]
        return next(block["href"] for block in body if "href" in block)

    assert href() is None
    publish(target)
    assert href() == "/roles/target/"
    other.refresh_from_db()
    assert guide_is_cached(client, "other")


def test_a_rich_text_link_gains_its_href_when_its_page_is_published(client, roles_index):
    target = make_guide(roles_index, "target", live=False)
    answer = f'<p>See <a linktype="page" id="{target.pk}">the guide</a>.</p>'
    make_guide(roles_index, "d", body=guide_body(faqs=[make_faq("Linked?", answer)]))

    def answer_html():
        body = guide_at(client, "d").json()["data"]["roleGuide"]["body"]
        return next(block for block in body if "entries" in block)["entries"][0]["answer"]

    assert 'href="/roles/target/"' not in answer_html()
    publish(target)
    assert 'href="/roles/target/"' in answer_html()


def test_a_lookup_that_found_nothing_finds_the_guide_published_there(client, roles_index):
    assert guide_at(client, "new").json()["data"]["roleGuide"] is None
    assert "listing:roles.roleguidepage" in tags_of(guide_at(client, "new"))
    make_guide(roles_index, "new", title="New")
    assert guide_at(client, "new").json()["data"]["roleGuide"]["title"] == "New"


def test_json_ld_follows_the_category_and_faq_entries_it_shows_unasked(client, guides):
    query = "query($path: String) { roleGuide(urlPath: $path) { seo { structuredData } } }"
    variables = {"path": "/roles/a/"}

    def structured_data():
        return get(client, query, variables).json()["data"]["roleGuide"]["seo"]["structuredData"]

    before = structured_data()
    category = guides["a"].category
    category.name = "Renamed category"
    category.save()
    assert "Renamed category" in structured_data()
    entry = guides["faq"]
    entry.question = "Asked anew?"
    publish(entry)
    assert "Asked anew?" in structured_data() and structured_data() != before


def test_site_settings_refresh_the_seo_they_show(client, guides):
    from wagtail.models import Site

    from cms.models import SeoSettings

    query = "query($path: String) { roleGuide(urlPath: $path) { seo { siteName } } }"
    variables = {"path": "/roles/a/"}
    site = Site.objects.get(is_default_site=True)
    SeoSettings.objects.create(site=site, site_name="Before")
    assert get(client, query, variables).json()["data"]["roleGuide"]["seo"]["siteName"] == "Before"
    guide_at(client, "b")
    settings_row = SeoSettings.objects.get(site=site)
    settings_row.site_name = "After"
    settings_row.save()
    assert get(client, query, variables).json()["data"]["roleGuide"]["seo"]["siteName"] == "After"
    assert guide_is_cached(client, "b")  # B's answer shows no SEO values


def test_publishing_a_page_with_children_refreshes_its_descendants(client, guides, roles_index):
    guide_at(client, "a")
    roles_index.title = "Careers"
    publish(roles_index)
    assert not guide_is_cached(client, "a")


@pytest.fixture
def editor_client(editor):
    return editor


def test_session_cookie_name_is_what_bypasses(client, guides):
    client.cookies[django_settings.SESSION_COOKIE_NAME] = "x"
    assert guide_at(client, "a")["X-Cache-Status"] == "BYPASS"


def test_a_listing_with_many_guides_keeps_few_counters(client, roles_index, settings):
    """Past API_RESPONSE_CACHE_MAX_TAGS, objects give way to their listings: still correct."""
    settings.API_RESPONSE_CACHE_MAX_TAGS = 5
    tools = [make_tool(f"tool {n}") for n in range(6)]
    for n in range(3):
        make_guide(roles_index, f"g{n}", body=guide_body(tools=tools))
    query = """{ roleGuides(perPage: 3) { items {
      body { ... on SkillsListBlock { skills { tools { name } } } } } } }"""
    first = get(client, query)
    assert "roles.tool:" not in first["Cache-Tag"] and "listing:roles.tool" in first["Cache-Tag"]
    assert served_from_cache(client, query)
    tools[0].name = "Renamed tool"
    tools[0].save()
    assert b"Renamed tool" in get(client, query).content


def test_a_body_block_list_is_what_the_guide_chose(client, roles_index):
    """A company deleted leaves the guides that chose it (its tag was recorded with them)."""
    company = make_company("Gone Co")
    body = [values.companies_hiring("Hiring", [company.pk])]
    make_guide(roles_index, "gone", body=body)
    assert b"Gone Co" in guide_at(client, "gone").content
    company.delete()
    assert b"Gone Co" not in guide_at(client, "gone").content


@pytest.mark.parametrize("field", ["page", "roleGuide"])
def test_a_page_found_by_slug_depends_on_every_page_that_could_take_that_slug(
    client, roles_index, field
):
    """A slug is unique only among siblings: a page published elsewhere with the same slug may
    be the one a lookup finds, so the answer carries the pages' listing tag, not the found
    page's own tag only."""
    guide = make_guide(roles_index, "shared-slug", title="Found")
    query = f'{{ {field}(slug: "shared-slug") {{ title }} }}'

    found = get(client, query)

    assert found.json()["data"][field]["title"] == "Found"
    assert "listing:roles.roleguidepage" in tags_of(found)
    assert f"page:{guide.pk}" in tags_of(found)


def test_a_tag_list_exactly_as_long_as_the_bound_is_sent_whole(client, roles_index, settings):
    make_guide(roles_index, "g", category=make_category("category"))
    full = get(client, LISTING)["Cache-Tag"]
    cache.clear()
    settings.API_CACHE_TAG_HEADER_MAX_LENGTH = len(full)

    assert get(client, LISTING)["Cache-Tag"] == full
