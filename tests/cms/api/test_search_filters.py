"""searchListing(type:, category:, year:): results narrowed to GraphQL types and, for guides,
to a category and an edition year (a filter a type did not register leaves that type out),
still best first, paginated, with the total of what the filters let through."""

import pytest

from tests.factories import make_category, make_faq, make_guide, make_tool

LISTING = """query($q: String!, $type: [String!], $category: String, $year: Int, $page: Int,
                  $perPage: Int) {
  searchListing(query: $q, type: $type, category: $category, year: $year, page: $page,
                perPage: $perPage) {
    items {
      __typename
      ... on RoleGuidePage { slug }
      ... on FaqEntry { question }
      ... on Tool { name }
    }
    pagination { total count totalPages }
  }
}"""


@pytest.fixture
def library(roles_index):
    ml, data = make_category("Machine Learning"), make_category("Data")
    make_guide(roles_index, "ml-2025", title="Kubeflow Engineer", year=2025, category=ml)
    make_guide(roles_index, "ml-2026", title="Kubeflow Platform Lead", year=2026, category=ml)
    make_guide(roles_index, "data-2026", title="Kubeflow Data Engineer", year=2026, category=data)
    make_guide(roles_index, "draft", title="Kubeflow Draft", year=2026, category=ml, live=False)
    make_faq("Is Kubeflow required?")
    make_tool("Kubeflow")


def search(gql, **variables):
    listing = gql(LISTING, {"q": "kubeflow", **variables})["searchListing"]
    names = [
        (item["__typename"], item.get("slug") or item.get("question") or item.get("name"))
        for item in listing["items"]
    ]
    assert listing["pagination"]["count"] == len(names)
    return sorted(names), listing["pagination"]["total"]


def test_without_filters_every_kind_is_found(gql, library):
    names, total = search(gql)
    assert total == 5 and ("FaqEntry", "Is Kubeflow required?") in names
    assert ("RoleGuidePage", "draft") not in names


def test_type_keeps_only_those_types(gql, library):
    assert search(gql, type=["FaqEntry", "Tool"]) == (
        [("FaqEntry", "Is Kubeflow required?"), ("Tool", "Kubeflow")],
        2,
    )
    names, total = search(gql, type=["RoleGuidePage"])
    assert total == 3 and {kind for kind, _ in names} == {"RoleGuidePage"}


def test_category_and_year_filter_guides_and_leave_out_other_types(gql, library):
    assert search(gql, category="machine-learning") == (
        [("RoleGuidePage", "ml-2025"), ("RoleGuidePage", "ml-2026")],
        2,
    )
    assert search(gql, year=2026) == (
        [("RoleGuidePage", "data-2026"), ("RoleGuidePage", "ml-2026")],
        2,
    )
    assert search(gql, category="data", year=2026, type=["RoleGuidePage"]) == (
        [("RoleGuidePage", "data-2026")],
        1,
    )
    assert search(gql, category="no-such-category") == ([], 0)
    assert search(gql, year=2026, type=["FaqEntry"]) == ([], 0)


def test_filtered_results_are_paginated_with_their_total(gql, library):
    pages = [search(gql, year=2026, perPage=1, page=page) for page in (1, 2)]
    assert [total for _, total in pages] == [2, 2]
    assert sorted(names[0] for names, _ in pages) == [
        ("RoleGuidePage", "data-2026"),
        ("RoleGuidePage", "ml-2026"),
    ]


@pytest.mark.parametrize(
    ("variables", "message"),
    [
        ({"type": ["NoSuchType"]}, "Unknown `type` NoSuchType"),
        ({"year": 1800}, "`year` must be between"),
    ],
)
def test_bad_filters_are_the_clients_error(gql_errors, library, variables, message):
    status, errors = gql_errors(LISTING, {"q": "kubeflow", **variables})
    assert [e["extensions"]["code"] for e in errors] == ["BAD_USER_INPUT"]
    assert errors[0]["message"].startswith(message)
