"""The shared library's root fields (`roles/schema.py: RoleLibraryQuery`): `categories`,
`tools` and `companies` list every entry by name, in bounded windows; `company(slug)` finds
one, or null."""

import pytest
from wagtail.models import Collection, CollectionViewRestriction

from roles.models import Category, Tool
from tests.factories import make_category, make_company, make_image, make_tool
from tests.graphql_http import post_graphql

LISTS = {
    "categories": (make_category, "categories(limit: $limit, offset: $offset) { name slug }"),
    "tools": (make_tool, "tools(limit: $limit, offset: $offset) { name slug website }"),
    "companies": (
        make_company,
        "companies(limit: $limit, offset: $offset) { name slug website logo { title } }",
    ),
}


def listed(gql, field, limit=100, offset=0):
    selection = LISTS[field][1]
    query = f"query($limit: Int, $offset: Int) {{ {selection} }}"
    return gql(query, {"limit": limit, "offset": offset})[field]


def names(entries):
    return [entry["name"] for entry in entries]


@pytest.fixture(params=list(LISTS))
def library(request, db):
    """Three entries of one kind, created out of name order."""
    make = LISTS[request.param][0]
    for name in ("Kubeflow", "Airflow", "MLflow"):
        make(name)
    return request.param


def test_every_entry_is_listed_by_name_with_its_slug(gql, library):
    entries = listed(gql, library)
    assert names(entries) == ["Airflow", "Kubeflow", "MLflow"]
    assert [entry["slug"] for entry in entries] == ["airflow", "kubeflow", "mlflow"]


def test_a_window_of_the_list(gql, library):
    assert names(listed(gql, library, limit=2)) == ["Airflow", "Kubeflow"]
    assert names(listed(gql, library, limit=2, offset=2)) == ["MLflow"]
    assert names(listed(gql, library, limit=1, offset=1)) == ["Kubeflow"]
    assert listed(gql, library, offset=3) == []


@pytest.mark.parametrize(
    ("limit", "offset", "message"),
    [(0, 0, "`limit` must be between 1 and 100"), (101, 0, "`limit` must be between 1 and 100")]
    + [(10, -1, "`offset` may not be negative")],
    ids=["limit-0", "limit-101", "negative-offset"],
)
def test_a_window_out_of_range_is_bad_user_input(gql_errors, library, limit, offset, message):
    selection = LISTS[library][1]
    query = f"query($limit: Int, $offset: Int) {{ {selection} }}"
    status, errors = gql_errors(query, {"limit": limit, "offset": offset})
    assert [e["extensions"]["code"] for e in errors] == ["BAD_USER_INPUT"]
    assert message in errors[0]["message"]


def test_without_a_limit_the_first_hundred_are_listed(client, db):
    """The default window is the maximum page: a 101st entry needs `offset`."""
    Tool.objects.bulk_create(Tool(name=f"Tool {n:03}", slug=f"tool-{n:03}") for n in range(101))
    tools = post_graphql(client, "{ tools { name } }").json()["data"]["tools"]
    assert len(tools) == 100 and tools[-1]["name"] == "Tool 099"
    rest = post_graphql(client, "{ tools(offset: 100) { name } }").json()["data"]["tools"]
    assert names(rest) == ["Tool 100"]


def test_empty_library(gql, db):
    data = gql("{ categories { name } tools { name } companies { name } }")
    assert data == {"categories": [], "tools": [], "companies": []}


def test_a_rename_moves_the_entry_in_the_order(gql, db):
    for name in ("Beta", "Gamma"):
        make_category(name)
    alpha = make_category("Alpha")
    alpha.name = "Zeta"
    alpha.save()
    assert names(listed(gql, "categories")) == ["Beta", "Gamma", "Zeta"]
    assert Category.objects.get(name="Zeta").slug == "alpha"  # a slug is kept once made


COMPANY = """query($slug: String!) {
  company(slug: $slug) { name slug website logo { title } }
}"""


def test_company_by_slug(gql, db):
    make_company("Acme Robotics")
    make_company("Other Co")
    assert gql(COMPANY, {"slug": "acme-robotics"})["company"] == {
        "name": "Acme Robotics",
        "slug": "acme-robotics",
        "website": "https://example.com",
        "logo": None,
    }


@pytest.mark.parametrize("slug", ["no-such-company", "", "ACME-ROBOTICS", "acme"])
def test_an_unknown_company_slug_is_null(gql, db, slug):
    make_company("Acme Robotics")
    assert gql(COMPANY, {"slug": slug})["company"] is None


def test_company_needs_a_slug(gql_errors, db):
    status, errors = gql_errors("{ company { name } }")
    assert status == 400
    assert errors[0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"


def test_a_logo_in_a_private_collection_is_not_served(gql, db):
    root = Collection.get_first_root_node()
    private = root.add_child(name="Private logos")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    make_company("Open Co", logo=make_image("open-logo", 200, 100))
    make_company("Secret Co", logo=make_image("secret-logo", 200, 100, collection=private))
    companies = listed(gql, "companies")
    assert [(c["name"], c["logo"]) for c in companies] == [
        ("Open Co", {"title": "open-logo"}),
        ("Secret Co", None),
    ]
    assert gql(COMPANY, {"slug": "secret-co"})["company"]["logo"] is None
    assert gql(COMPANY, {"slug": "open-co"})["company"]["logo"] == {"title": "open-logo"}


def test_entries_serve_only_their_public_fields(gql_errors, db):
    """No editorial state or ids of other objects: the types have only these fields."""
    make_company("Acme")
    for field in ("logoId", "pk", "latestRevision", "live"):
        status, errors = gql_errors(f"{{ companies {{ {field} }} }}")
        assert errors[0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED", field
