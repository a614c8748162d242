"""`cms.cache_tags.PublicPaths` (the paths a change's webhook payload lists) gives, from a
url_path alone, what Wagtail's own `Page.get_url_parts` gives for the page: on every site,
outside every site, with or without trailing slashes, per language, with unusual slugs."""

import pytest
from wagtail.models import Page, Site

from cms.cache_tags import PublicPaths, public_path
from tests.factories import make_guide


@pytest.fixture
def pages(roles_index):
    """Guides with plain, non-Latin and sub-delimiter slugs, and a second site's pages."""
    make_guide(roles_index, "mlops-engineer-2026")
    make_guide(roles_index, "数据工程师-2026")
    make_guide(roles_index, "c-and-ops_2026")
    make_guide(roles_index, "Studio-X")  # upper case, ending in a letter a strip could eat
    other_root = Page.get_first_root_node().add_child(title="Other", slug="other-home")
    other_root.add_child(title="About", slug="about")
    Site.objects.create(hostname="other.example.com", root_page=other_root)
    Page.get_first_root_node().add_child(title="On no site", slug="nowhere")
    return list(Page.objects.order_by("path"))


@pytest.mark.parametrize("append_slash", [True, False])
@pytest.mark.parametrize("i18n", [False, True])
def test_paths_from_url_paths_are_wagtails_own(pages, settings, monkeypatch, append_slash, i18n):
    settings.WAGTAIL_APPEND_SLASH = append_slash
    # Wagtail reads the setting once, at import: as in a process started with it.
    monkeypatch.setattr("wagtail.models.pages.WAGTAIL_APPEND_SLASH", append_slash)
    settings.WAGTAIL_I18N_ENABLED = i18n
    path_of = PublicPaths()
    expected = {page.url_path: public_path(page) for page in pages}
    assert {url_path: path_of(url_path) for url_path in expected} == expected
    assert None in expected.values()  # the tree root and the page on no site have none
    assert "/roles/mlops-engineer-2026" + ("/" if append_slash else "") in expected.values()


def test_without_wagtails_serve_view_no_page_has_a_path(pages, settings):
    settings.ROOT_URLCONF = "tests.cms.urls_without_serve"
    path_of = PublicPaths()
    assert {page.url_path: path_of(page.url_path) for page in pages} == {
        page.url_path: public_path(page) for page in pages
    }
    assert {path_of(page.url_path) for page in pages} == {None}
