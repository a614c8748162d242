"""A preview token names one page by any of its paths: the site root page by '/', a page by
its path on the site or in the tree, whatever characters its slug holds; a page outside the
site's root only by its tree path."""

import pytest
from wagtail.models import Page, Site

from cms.api.grapple_compat import PagePreview
from cms.api.preview import preview_signer
from tests.factories import make_guide

QUERY = "query($token: String, $path: String) { page(token: $token, urlPath: $path) { title } }"


def token_for(page):
    """What the admin's Preview button stores and hands to the frontend."""
    token = preview_signer().sign(f"id={page.pk}")
    PagePreview.objects.create(
        token=token, content_type=page.content_type, content_json=page.to_json()
    )
    return token


@pytest.mark.parametrize("path", ["/", "", "tree path"])
def test_the_site_root_page_is_named_by_its_public_and_tree_paths(site_tree, gql, path):
    home = site_tree[0]
    path = home.url_path if path == "tree path" else path
    found = gql(QUERY, {"token": token_for(home), "path": path})["page"]
    assert found == {"title": home.title}


@pytest.mark.parametrize("path", ["/roles/Data-X/", "tree path"])
def test_a_slug_with_capitals_keeps_every_character(roles_index, gql, path):
    guide = make_guide(roles_index, "Data-X", title="Data X")
    path = guide.url_path if path == "tree path" else path
    found = gql(QUERY, {"token": token_for(guide), "path": path})["page"]
    assert found == {"title": "Data X"}


@pytest.mark.parametrize("path", ["/roles/Data/", "/roles/Data-/", "/ata-X/"])
def test_another_path_is_refused(roles_index, gql_errors, path):
    guide = make_guide(roles_index, "Data-X", title="Data X")
    _, errors = gql_errors(QUERY, {"token": token_for(guide), "path": path})
    assert errors[0]["extensions"]["code"] == "PREVIEW_TOKEN_PAGE_MISMATCH"


def test_a_page_outside_the_sites_root_has_only_its_tree_path(site_tree, gql, gql_errors):
    root = Page.get_first_root_node()
    outside = root.add_child(instance=Page(title="Elsewhere", slug="elsewhere"))
    token = token_for(outside)
    assert gql(QUERY, {"token": token, "path": "/elsewhere/"})["page"] == {"title": "Elsewhere"}
    for path in ("/", "/here/", "sewhere"):
        _, errors = gql_errors(QUERY, {"token": token, "path": path})
        assert errors[0]["extensions"]["code"] == "PREVIEW_TOKEN_PAGE_MISMATCH", path


def test_a_page_on_a_site_whose_root_slug_ends_in_a_capital_is_named_by_its_site_path(
    site_tree, gql
):
    root = Page.get_first_root_node()
    site_root = root.add_child(instance=Page(title="Site X", slug="site-X"))
    Site.objects.create(hostname="x.example.com", root_page=site_root)
    page = site_root.add_child(instance=Page(title="About", slug="about"))
    found = gql(QUERY, {"token": token_for(page), "path": "/about/"})["page"]
    assert found == {"title": "About"}


def test_a_token_with_its_own_pages_id_is_served_and_with_another_refused(
    roles_index, gql, gql_errors
):
    guide = make_guide(roles_index, "previewed", title="Previewed")
    token = token_for(guide)
    query = "query($token: String, $id: ID) { page(token: $token, id: $id) { title } }"
    assert gql(query, {"token": token, "id": guide.pk})["page"] == {"title": "Previewed"}
    _, errors = gql_errors(query, {"token": token, "id": roles_index.pk})
    assert (errors[0]["message"], errors[0]["extensions"]["code"]) == (
        "This preview token was issued for another page.",
        "PREVIEW_TOKEN_PAGE_MISMATCH",
    )
