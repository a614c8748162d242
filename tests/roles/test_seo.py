"""SEO values after fallbacks, the editor's search/social/structured-data previews, the
sitemap, and JSON-LD that uses schema.org's vocabulary correctly."""

import json

import pytest
from django.core.management import call_command
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import PageViewRestriction, Site

from cms.models import SeoSettings
from tests.admin_forms import guide_form, section_form
from tests.factories import make_guide
from tests.schema_org import schema_org_problems

SEO_QUERY = """
query($slug: String) { roleGuide(slug: $slug) {
  seo { title description canonicalUrl noIndex siteName image { title } structuredData }
} }
"""


def seo(gql, slug):
    return gql(SEO_QUERY, {"slug": slug})["roleGuide"]["seo"]


def image(title):
    return Image.objects.create(title=title, file=get_test_image_file())


LONG_INTRO = (
    "MLOps engineers build the operational backbone that lets data science teams deploy "
    "models reliably, monitor their behaviour over time and retrain them automatically when "
    "performance degrades in production."
)


def test_fallbacks_when_nothing_is_set(gql, roles_index, settings):
    settings.FRONTEND_BASE_URL = "https://careers.example"
    make_guide(roles_index, "plain", title="Plain guide", intro=LONG_INTRO)
    values = seo(gql, "plain")
    assert values["title"] == "Plain guide"
    assert values["canonicalUrl"] == "https://careers.example/roles/plain/"
    assert values["image"] is None and values["noIndex"] is False
    description = values["description"]
    assert len(description) <= 155 and description.endswith("…")
    assert LONG_INTRO.startswith(description[:-1].rstrip())
    assert not description[:-1].endswith(" ")
    assert LONG_INTRO[len(description) - 1] in " ,."  # cut at a word boundary


def test_short_intro_is_used_whole(gql, roles_index):
    make_guide(roles_index, "short", intro="<b>Short</b> and   sweet.")
    assert seo(gql, "short")["description"] == "Short and sweet."


def test_explicit_values_win(gql, roles_index):
    make_guide(
        roles_index,
        "explicit",
        seo_title="Custom title",
        search_description="Custom description.",
        canonical_url="https://elsewhere.example/guide",
        no_index=True,
        social_image=image("Social"),
        hero_image=image("Hero"),
    )
    values = seo(gql, "explicit")
    assert values["title"] == "Custom title"
    assert values["description"] == "Custom description."
    assert values["canonicalUrl"] == "https://elsewhere.example/guide"
    assert values["noIndex"] is True
    assert values["image"] == {"title": "Social"}


def test_image_falls_back_to_hero_then_site_default(gql, roles_index):
    make_guide(roles_index, "hero", hero_image=image("Hero"))
    assert seo(gql, "hero")["image"] == {"title": "Hero"}
    make_guide(roles_index, "bare")
    SeoSettings.objects.update_or_create(
        site=Site.objects.get(is_default_site=True),
        defaults={"default_social_image": image("Default"), "site_name": "Careers"},
    )
    values = seo(gql, "bare")
    assert values["image"] == {"title": "Default"} and values["siteName"] == "Careers"


@pytest.fixture
def demo(db, gql):
    call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
    return json.loads(seo(gql, "mlops-engineer-2026")["structuredData"])


def test_demo_json_ld_uses_schema_org_correctly(demo):
    assert schema_org_problems(demo) == []


def test_demo_json_ld_carries_the_content(demo):
    nodes = {node["@type"]: node for node in demo["@graph"]}
    assert set(nodes) == {"WebPage", "BreadcrumbList", "Occupation", "FAQPage"}
    occupation = nodes["Occupation"]
    assert occupation["name"] == "MLOps Engineer"
    assert occupation["occupationalCategory"] == "Machine Learning"
    assert len(occupation["skills"]) == 8
    salaries = {s["name"]: s for s in occupation["estimatedSalary"]}
    entry = salaries["Entry-Level (0–2 yrs), base salary"]
    assert (entry["percentile10"], entry["percentile90"], entry["currency"], entry["duration"]) == (
        125000,
        175000,
        "USD",
        "P1Y",
    )
    assert salaries["Intern, intern pay"]["duration"] == "P1M"
    assert len(nodes["FAQPage"]["mainEntity"]) == 5
    crumbs = [item["name"] for item in nodes["BreadcrumbList"]["itemListElement"]]
    assert crumbs == ["Home", "Roles", "MLOps Engineer Jobs & Internships 2026"]


def test_schema_org_checker_catches_mistakes():
    bad = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "Occupation", "name": "x", "percentile10": 1},
            {"@type": "NoSuchType"},
            {"@type": "WebPage", "noSuchProperty": 1},
        ],
    }
    problems = schema_org_problems(bad)
    assert any("percentile10" in p for p in problems)
    assert any("NoSuchType" in p for p in problems)
    assert any("noSuchProperty" in p for p in problems)


SITEMAP = "{ sitemap { url path lastModified } }"


def test_sitemap_lists_live_public_indexable_pages(gql, roles_index, settings):
    settings.FRONTEND_BASE_URL = "https://careers.example"
    make_guide(roles_index, "listed")
    make_guide(roles_index, "hidden-from-search", no_index=True)
    make_guide(roles_index, "draft", live=False)
    private = make_guide(roles_index, "private")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    entries = gql(SITEMAP)["sitemap"]
    assert [e["path"] for e in entries] == ["/", "/roles/", "/roles/listed/"]
    assert entries[2]["url"] == "https://careers.example/roles/listed/"
    assert all(e["lastModified"] for e in entries)


def preview(editor, guide, mode, **fields):
    url = f"/admin/pages/{guide.pk}/edit/preview/"
    form = guide_form(category=guide.category, slug=guide.slug, body=[section_form()], **fields)
    assert editor.post(url, form).json()["is_valid"]
    response = editor.get(url, {"mode": mode})
    assert response.status_code == 200
    return response.content.decode()


def test_search_result_preview_shows_unsaved_edits_and_warnings(editor, roles_index):
    make_guide(roles_index, "taken", title="Taken title")
    guide = make_guide(roles_index, "seo", title="Original")
    html = preview(editor, guide, "search", title="Taken title", search_description="")
    assert "Taken title" in html
    assert "No search description" in html
    assert "Another live page already uses this title." in html
    long_title = "A very long SEO title that goes well past what search engines show"
    html = preview(editor, guide, "search", seo_title=long_title, search_description="x" * 170)
    assert "characters; search results cut it near 60" in html
    assert "The description is 170 characters" in html
    assert "A very long SEO title that goes well past what search…" in html


def test_social_card_and_structured_data_previews(editor, roles_index):
    guide = make_guide(roles_index, "social")
    html = preview(editor, guide, "social", seo_title="Card title", search_description="Card text.")
    assert "Card title" in html and "Card text." in html
    html = preview(editor, guide, "structured-data", seo_title="Structured title")
    assert "&quot;@type&quot;: &quot;Occupation&quot;" in html or '"@type": "Occupation"' in html
    assert "Structured title" in html
