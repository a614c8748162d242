"""Every list field is bounded and costed by the most it can return."""

import json

import pytest
from graphql import GraphQLObjectType, get_named_type

from cms.api.document_checks import schema
from cms.api.limits import LIST_SIZES, PAGE_SIZE_ARGUMENTS
from cms.api.ordering import list_fields
from faqs.models import FaqEntry
from roles.models import Tool
from tests.factories import make_company, make_guide, make_tool, salary_table_value
from tests.graphql_http import post_graphql


def is_bounded(graphql_schema, type_name, field_name, field):
    """A page-size argument checked by its resolver, the `items` of a paginated listing, or a
    registered maximum that its resolver cuts the list to."""
    graphql_type = graphql_schema.type_map[type_name]
    if not isinstance(graphql_type, GraphQLObjectType):  # an interface: its implementations
        implementations = graphql_schema.get_implementations(graphql_type).objects
        return all(
            is_bounded(graphql_schema, t.name, field_name, t.fields[field_name])
            for t in implementations
        )
    if field_name == "items" and "pagination" in graphql_type.fields:
        return any(
            "perPage" in f.args and get_named_type(f.type) is graphql_type
            for t in graphql_schema.type_map.values()
            for f in getattr(t, "fields", {}).values()
            if not t.name.startswith("__")
        )
    guarded = getattr(field.resolve, "_list_guarded", False)
    if any(name in field.args for name in PAGE_SIZE_ARGUMENTS):
        return guarded
    return (type_name, field_name) in LIST_SIZES and guarded


def test_every_list_field_is_bounded_and_costed():
    graphql_schema = schema()
    unbounded = [
        f"{type_name}.{field_name}"
        for type_name, field_name, field in list_fields(graphql_schema)
        if not is_bounded(graphql_schema, type_name, field_name, field)
    ]
    assert not unbounded, f"List fields with neither a page size nor a maximum: {unbounded}"


ROOT_LISTS = {
    "search": 'search(query: "guide", limit: $n) { __typename }',
    "sitemap": "sitemap(limit: $n) { url }",
    "snippets": "snippets(limit: $n) { __typename }",
    "tools": "tools(limit: $n) { name }",
    "companies": "companies(limit: $n) { name }",
    "categories": "categories(limit: $n) { name }",
    "faqEntries": "faqEntries(limit: $n) { question }",
    "redirects": "redirects(limit: $n) { oldPath }",
    "pages": "pages(limit: $n) { title }",
    "images": "images(limit: $n) { title }",
    "documents": "documents(limit: $n) { title }",
    "collections": "collections(limit: $n) { name }",
    "tags": "tags(limit: $n) { name }",
    "sites": "sites(limit: $n) { hostname }",
    "children": 'page(slug: "roles") { children(limit: $n) { title } }',
    "searchListing": 'searchListing(query: "guide", perPage: $n) { pagination { total } }',
    "sitemapListing": "sitemapListing(perPage: $n) { pagination { total } }",
    "faqEntryListing": "faqEntryListing(perPage: $n) { pagination { total } }",
    "snippetListing": "snippetListing(perPage: $n) { pagination { total } }",
    "roleGuides": "roleGuides(perPage: $n) { pagination { total } }",
}


@pytest.mark.parametrize("name", list(ROOT_LISTS))
def test_a_page_size_past_the_maximum_is_bad_user_input(client, site_tree, name):
    def query(n):
        return "{ " + ROOT_LISTS[name].replace("$n", str(n)) + " }"

    assert "errors" not in post_graphql(client, query(100)).json()
    errors = post_graphql(client, query(101)).json()["errors"]
    assert [e["extensions"]["code"] for e in errors] == ["BAD_USER_INPUT"]


@pytest.mark.django_db
def test_lists_without_a_page_size_return_a_bounded_page_and_listings_give_the_total(client):
    FaqEntry.objects.bulk_create(
        FaqEntry(question=f"Question {n:04}?", answer="<p>A.</p>", topic="T", live=True)
        for n in range(3000)
    )
    Tool.objects.bulk_create(Tool(name=f"Tool {n:04}", slug=f"tool-{n:04}") for n in range(3000))
    query = """{
      faqEntries { question }
      tools { name }
      more: faqEntries(offset: 2990) { question }
      faqEntryListing(page: 2, perPage: 50) { items { question } pagination { total totalPages } }
      snippetListing(perPage: 1) { pagination { total } }
    }"""
    response = post_graphql(client, query)
    data = response.json()["data"]
    assert len(data["faqEntries"]) == 100 and len(data["tools"]) == 100
    assert data["faqEntries"][0]["question"] == "Question 0000?"
    assert [e["question"] for e in data["more"]][-1] == "Question 2999?"
    assert data["faqEntryListing"]["items"][0]["question"] == "Question 0050?"
    assert data["faqEntryListing"]["pagination"] == {"total": 3000, "totalPages": 60}
    assert data["snippetListing"]["pagination"]["total"] >= 6000
    assert len(response.content) < 100_000


SALARY = """query($path: String!) { roleGuide(urlPath: $path) {
  body { ... on SalaryTableBlock { rows { level } } } } }"""


def test_a_3000_row_salary_table_is_served_up_to_its_maximum(client, roles_index):
    body = [{"type": "salary_table", "value": salary_table_value(rows=3000)}]
    make_guide(roles_index, "long-table", body=body)
    response = post_graphql(client, SALARY, {"path": "/roles/long-table/"})
    rows = response.json()["data"]["roleGuide"]["body"][0]["rows"]
    most = LIST_SIZES[("SalaryTableBlock", "rows")]
    assert [r["level"] for r in rows] == [f"Level {n}" for n in range(most)]
    # The cost counts the most the table can return.
    assert response.json()["extensions"]["cost"]["requested"] >= most


def test_search_is_ranked_paginated_and_counted(client, roles_index):
    for n in range(30):
        make_guide(roles_index, f"platform-{n}", title=f"Platform guide {n}")
    # Made first, so a newest-first tie-break would put it second: relevance puts it first.
    make_guide(roles_index, "kubernetes", title="Kubernetes engineer", intro="Kubernetes.")
    make_guide(roles_index, "mentions", title="Cloud guide", intro="Some kubernetes.")
    query = """{
      listing: searchListing(query: "platform", page: 2, perPage: 5) {
        items { ... on RoleGuidePage { title } } pagination { total totalPages currentPage } }
      best: search(query: "kubernetes") { ... on RoleGuidePage { title } }
      search(query: "platform") { ... on RoleGuidePage { title } } }"""
    data = post_graphql(client, query).json()["data"]
    assert data["listing"]["pagination"] == {"total": 30, "totalPages": 6, "currentPage": 2}
    assert len(data["listing"]["items"]) == 5
    assert len(data["search"]) == 20  # the default page, of 30 matches
    assert [r["title"] for r in data["best"]] == ["Kubernetes engineer", "Cloud guide"]


def test_a_batch_of_ten_searches_is_bounded(client, roles_index):
    for n in range(30):
        make_guide(roles_index, f"g-{n}", title=f"Guide {n}")
    operations = [
        {"query": '{ search(query: "guide", limit: 100) { ... on RoleGuidePage { title } } }'}
    ] * 10
    response = client.post(
        "/graphql/", data=json.dumps(operations), content_type="application/json"
    )
    answers = response.json()
    assert all(len(a["data"]["search"]) == 30 for a in answers)


def test_snippets_pages_run_across_snippet_types_by_type_then_id(gql, db):
    """Published snippets of every type in one list: a page that starts in one type and ends
    in the next holds exactly what was asked, with nothing skipped or repeated."""
    make_company("Northwind")  # another type, and another table, before or after the tools
    [make_tool(f"Tool {n}") for n in range(3)]
    fields = "snippetType ... on Tool { name } ... on Company { name }"
    query = f"query($o: Int, $n: Int) {{ snippets(offset: $o, limit: $n) {{ {fields} }} }}"
    every = gql(query, {"o": 0, "n": 100})["snippets"]
    assert sorted(s["name"] for s in every) == ["Northwind", "Tool 0", "Tool 1", "Tool 2"]

    pages = [gql(query, {"o": start, "n": 2})["snippets"] for start in (0, 2)]
    listing = (
        f"query($p: Int) {{ snippetListing(page: $p, perPage: 3) {{ items {{ {fields} }} }} }}"
    )
    first = gql(listing, {"p": 1})["snippetListing"]["items"]

    assert [s for page in pages for s in page] == every
    assert first == every[:3]


def test_a_later_page_of_search_costs_what_it_reads_deeper(client, db):
    """Page n of a search reads each searchable model's first n x perPage rows: each page costs
    one page of rows more than the one before, and a missing or zero page is page 1."""

    def rows_cost(page):
        argument = "" if page is None else f"page: {page}, "
        listing = f'searchListing(query: "guide", {argument}perPage: 5)'
        query = f"{{ {listing} {{ pagination {{ total }} }} }}"
        return post_graphql(client, query).json()["extensions"]["cost"]["requested"]

    first, second, third = rows_cost(1), rows_cost(2), rows_cost(3)
    assert rows_cost(None) == rows_cost(0) == first
    assert second > first
    assert third - second == second - first  # one more page of rows each time
