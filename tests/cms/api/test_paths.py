"""Every path the API returns for a page is accepted back by `page(urlPath:)`,
`Site.page(urlPath:)` and `roleGuide(urlPath:)`; `sitePath` is the public path a frontend routes
on; a path matches exactly (a tail of a path is not a path)."""

import pytest
from wagtail.models import Site

from home.models import HomePage
from roles.models import RoleIndexPage
from tests.factories import make_guide, publish
from tests.graphql_http import post_graphql

EVERY_PATH = """
{
  pages { id sitePath urlPath url }
  roleGuides { items { id sitePath urlPath url } }
  sitemap { path }
}
"""
BY_PATH = """
query($p: String!) {
  page(urlPath: $p) { id }
  roleGuide(urlPath: $p) { id }
  site(hostname: "localhost") { page(urlPath: $p) { id } }
}
"""


@pytest.fixture
def guide(roles_index):
    return make_guide(roles_index, slug="mlops-engineer-2026")


def lookups(gql, path):
    data = gql(BY_PATH, {"p": path})
    site_page = data["site"]["page"] if data["site"] else None
    return (
        data["page"] and data["page"]["id"],
        data["roleGuide"] and data["roleGuide"]["id"],
        site_page and site_page["id"],
    )


def test_site_path_is_the_public_path(guide, gql):
    data = gql(EVERY_PATH)
    by_id = {page["id"]: page for page in data["pages"]}
    assert by_id[str(guide.pk)]["sitePath"] == "/roles/mlops-engineer-2026/"
    assert by_id[str(guide.pk)]["urlPath"] == "/home-test/roles/mlops-engineer-2026/"
    assert sorted(p["sitePath"] for p in data["pages"] if p["sitePath"]) == sorted(
        entry["path"] for entry in data["sitemap"]
    )


def test_every_returned_path_is_accepted_back(guide, gql):
    data = gql(EVERY_PATH)
    # Wagtail's welcome page (from its migrations) is on no site: it has no public path.
    pages = [p for p in data["pages"] + data["roleGuides"]["items"] if p["sitePath"]]
    assert len(pages) == 4
    checked = 0
    for page in pages:
        for field in ("sitePath", "urlPath", "url"):
            found_page, found_guide, found_in_site = lookups(gql, page[field])
            assert found_page == page["id"], (field, page[field])
            assert found_in_site == page["id"], (field, page[field])
            if page["id"] == str(guide.pk):
                assert found_guide == page["id"], (field, page[field])
            checked += 1
    assert checked >= 9


def test_paths_match_exactly(guide, gql):
    for path in ("/mlops-engineer-2026/", "/roles/mlops-engineer-2026/extra/", "/nope/"):
        assert lookups(gql, path) == (None, None, None), path
    # Without the trailing or leading slash, as a router may hand it over.
    assert lookups(gql, "roles/mlops-engineer-2026")[1] == str(guide.pk)


def test_the_site_path_wins_over_a_tree_path(site_tree, gql):
    """A child of home slugged like home: '/home-test/roles/' on the site is
    /home-test/home-test/roles/ in the tree; it is that page, not the Roles index."""
    home, index = site_tree
    twin = publish(home.add_child(instance=HomePage(title="Twin", slug="home-test")))
    twin_roles = publish(twin.add_child(instance=RoleIndexPage(title="Twin roles", slug="roles")))
    assert lookups(gql, "/home-test/roles/")[0] == str(twin_roles.pk)
    assert lookups(gql, "/roles/")[0] == str(index.pk)


def test_other_sites_paths(site_tree, client):
    home, index = site_tree
    other_home = publish(
        home.get_parent().add_child(instance=HomePage(title="Other", slug="other-home"))
    )
    other_index = publish(
        other_home.add_child(instance=RoleIndexPage(title="Other roles", slug="roles"))
    )
    Site.objects.create(hostname="other.example", port=80, root_page=other_home)
    query = '{ site(hostname: "other.example") { page(urlPath: "/roles/") { id sitePath } } }'
    body = post_graphql(client, query).json()
    assert body["data"]["site"]["page"] == {"id": str(other_index.pk), "sitePath": "/roles/"}
    body = post_graphql(client, '{ page(urlPath: "/roles/") { id } }').json()
    assert body["data"]["page"] == {"id": str(index.pk)}  # the requesting site's, localhost


BY_PATH_AND_MORE = """
query($p: String!, $id: ID, $slug: String, $type: String) {
  page(urlPath: $p, id: $id, slug: $slug, contentType: $type) { id }
  site(hostname: "localhost") { page(urlPath: $p, id: $id, slug: $slug, contentType: $type) { id } }
}
"""


def by_path_and(gql, path, **also):
    data = gql(BY_PATH_AND_MORE, {"p": path, **also})
    return data["page"] and data["page"]["id"], data["site"]["page"] and data["site"]["page"]["id"]


def test_an_id_or_slug_outranks_a_path_and_a_type_narrows_it(roles_index, gql):
    """grapple's precedence, at the root and on a site: an id or a slug names the page and a
    path beside it is not read; a path alone is matched exactly, within the type given."""
    guide = make_guide(roles_index, slug="mlops-engineer-2026")
    other = make_guide(roles_index, slug="data-engineer-2026")
    path = "/roles/mlops-engineer-2026/"
    mine, others = (str(guide.pk),) * 2, (str(other.pk),) * 2
    assert by_path_and(gql, path) == mine
    assert by_path_and(gql, path, type="roles.RoleGuidePage") == mine
    assert by_path_and(gql, path, type="home.HomePage") == (None, None)
    assert by_path_and(gql, path, id=str(other.pk)) == others
    assert by_path_and(gql, path, slug="data-engineer-2026") == others


def test_a_slug_in_the_requesting_site(roles_index, gql):
    """`page(slug:, inSite: true)` looks in the site the request is for (grapple's lookup, read
    through our visibility checks)."""
    guide = make_guide(roles_index, slug="mlops-engineer-2026")
    query = 'query { page(slug: "mlops-engineer-2026", inSite: true) { id } }'
    assert gql(query) == {"page": {"id": str(guide.pk)}}
