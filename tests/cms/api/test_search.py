"""`search` and `searchListing` (`cms/api/visibility.py`) find live, public pages and published
snippets of every searchable kind, best first, in windows, with the number of matches."""

import pytest

from tests.factories import make_category, make_company, make_faq, make_guide, make_tool

SEARCH = """query($q: String, $limit: Int, $offset: Int) {
  search(query: $q, limit: $limit, offset: $offset) {
    __typename
    ... on RoleGuidePage { title }
    ... on FaqEntry { question }
    ... on Tool { name }
    ... on Company { name }
    ... on Category { name }
  }
}"""

LISTING = """query($q: String!, $page: Int, $perPage: Int) {
  searchListing(query: $q, page: $page, perPage: $perPage) {
    items { ... on RoleGuidePage { title } }
    pagination { total count currentPage totalPages }
  }
}"""


def found(gql, text, **window):
    results = gql(SEARCH, {"q": text, **window})["search"]
    return [(r["__typename"], r.get("title") or r.get("question") or r["name"]) for r in results]


@pytest.fixture
def library(roles_index):
    make_guide(roles_index, "mlops", title="MLOps Engineer", intro="Pipelines with Kubeflow.")
    make_guide(roles_index, "data", title="Data Engineer", intro="Warehouses and dbt.")
    make_faq("Do I need Kubernetes experience?")
    make_tool("Kubeflow")
    make_company("Kubeflow Labs")
    make_category("Platform Engineering")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("MLOps", [("RoleGuidePage", "MLOps Engineer")]),
        ("warehouses", [("RoleGuidePage", "Data Engineer")]),
        ("kubernetes", [("FaqEntry", "Do I need Kubernetes experience?")]),
        ("labs", [("Company", "Kubeflow Labs")]),
        ("platform", [("Category", "Platform Engineering")]),
    ],
    ids=["guide-title", "guide-intro", "faq-question", "company", "category"],
)
def test_search_finds_each_kind_of_content(gql, library, text, expected):
    assert found(gql, text) == expected


def test_one_search_finds_matches_of_every_kind(gql, library):
    results = found(gql, "kubeflow")
    assert sorted(results) == [
        ("Company", "Kubeflow Labs"),
        ("RoleGuidePage", "MLOps Engineer"),
        ("Tool", "Kubeflow"),
    ]


def test_the_best_match_comes_first(gql, roles_index):
    make_guide(roles_index, "passing", title="Cloud guide", intro="Mentions terraform once.")
    make_guide(
        roles_index,
        "about",
        title="Terraform engineer",
        intro="Terraform modules, Terraform state, Terraform Cloud.",
    )
    assert found(gql, "terraform") == [
        ("RoleGuidePage", "Terraform engineer"),
        ("RoleGuidePage", "Cloud guide"),
    ]


def test_a_window_of_the_results(gql, roles_index):
    for n in range(7):
        make_guide(roles_index, f"platform-{n}", title=f"Platform guide {n}")
    every = found(gql, "platform", limit=100)
    assert len(every) == 7
    assert found(gql, "platform", limit=3) == every[:3]
    assert found(gql, "platform", limit=3, offset=3) == every[3:6]
    assert found(gql, "platform", limit=3, offset=6) == every[6:]


def test_the_listing_counts_every_match(gql, roles_index):
    for n in range(7):
        make_guide(roles_index, f"platform-{n}", title=f"Platform guide {n}")
    make_guide(roles_index, "other", title="Something else")
    listing = gql(LISTING, {"q": "platform", "page": 2, "perPage": 3})["searchListing"]
    assert listing["pagination"] == {"total": 7, "count": 3, "currentPage": 2, "totalPages": 3}
    assert all(item["title"].startswith("Platform guide") for item in listing["items"])


def test_the_published_text_is_searched_not_a_draft(gql, roles_index):
    entry = make_faq("What does an MLOps engineer do?")
    entry.question = "A draft question about salaries?"
    entry.save_revision()
    assert found(gql, "mlops") == [("FaqEntry", "What does an MLOps engineer do?")]
    assert found(gql, "salaries") == []


def test_an_empty_search_finds_nothing(gql, library):
    assert found(gql, "") == []
    assert found(gql, "nothing-matches-this") == []


def test_the_best_match_comes_first_whatever_its_kind(gql, roles_index):
    """Results of every kind are ranked together, not listed kind after kind."""
    make_guide(
        roles_index,
        "cloud",
        title="Cloud guide",
        intro="Networking, budgets, on-call rotations, and terraform now and then.",
    )
    make_faq("Terraform or Pulumi: is Terraform still the Terraform to learn?")
    assert found(gql, "terraform") == [
        ("FaqEntry", "Terraform or Pulumi: is Terraform still the Terraform to learn?"),
        ("RoleGuidePage", "Cloud guide"),
    ]
