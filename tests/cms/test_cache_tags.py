"""Cache tags and the paths a change touches (cms/cache_tags.py)."""

from cms.cache_tags import affected, change_tags, object_tag
from tests.factories import guide_body, make_faq, make_guide, make_tool


def test_an_faq_entry_touches_every_live_guide_that_uses_it(roles_index):
    entry, other = make_faq("Shared?"), make_faq("Elsewhere?")
    uses = [make_guide(roles_index, f"uses-{n}", body=guide_body(faqs=[entry])) for n in range(3)]
    make_guide(roles_index, "other", body=guide_body(faqs=[other]))
    make_guide(roles_index, "draft", live=False, body=guide_body(faqs=[entry]))

    tags, paths = affected(entry)

    assert paths == [f"/roles/uses-{n}/" for n in range(3)]
    assert tags == {
        f"faqs.faqentry:{entry.pk}",
        "listing:faqs.faqentry",
        "search",
        *(f"page:{guide.pk}" for guide in uses),
    }


def test_a_page_touches_itself_its_listings_the_sitemap_and_search(roles_index):
    tool = make_tool("Kubeflow")
    guide = make_guide(roles_index, "mlops", body=guide_body(tools=[tool]))
    assert change_tags(guide) == {
        f"page:{guide.pk}",
        "listing:roles.roleguidepage",
        f"listing:roles.roleguidepage:role={guide.role_slug}",  # registered by roles/apps.py
        "sitemap",
        "search",
    }
    assert affected(guide)[1] == ["/roles/mlops/"]
    assert affected(tool) == (
        {object_tag(tool), "listing:roles.tool", "search", f"page:{guide.pk}"},
        ["/roles/mlops/"],
    )
