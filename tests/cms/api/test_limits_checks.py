"""The checks before a query runs take linear time, and refuse what would be too costly."""

import json
import time

import pytest
from graphql import parse

from cms.api import document_checks
from cms.api.limits import measure_operation
from cms.api.operations import operations
from cms.api.schema import schema
from tests.graphql_http import post_graphql

MAX_SIZE = 20_000
BOUND_SECONDS = 0.05


def fragment_bomb(n):
    """Fragments F0 … Fn, each spreading the next twice: 2**n spreads of the last one."""
    fragments = [
        f"fragment F{i} on RoleGuideListing {{ ...F{i + 1} ...F{i + 1} }}" for i in range(n)
    ]
    fragments.append(f"fragment F{n} on RoleGuideListing {{ __typename }}")
    return "query { roleGuides { ...F0 } } " + " ".join(fragments)


def fill(head, unit, tail):
    return head + unit * ((MAX_SIZE - len(head) - len(tail)) // len(unit)) + tail


def spreads(prefix, count, body, chained=False):
    names = " ".join(f"...{prefix}{i}" for i in range(count))
    fragments = " ".join(
        f"fragment {prefix}{i} on RoleGuidePage {{ {body}"
        + (f" ...{prefix}{i + 1}" if chained and i + 1 < count else "")
        + " }"
        for i in range(count)
    )
    return f"query {{ roleGuides {{ items {{ {names} }} }} }} {fragments}"


ADVERSARIAL = {
    **{f"fragment bomb n={n}": fragment_bomb(n) for n in (22, 24, 30, 300)},
    "repeated fields": fill("{ roleGuides { items { ", "title ", "} } }"),
    "repeated __typename": fill("{ ", "__typename ", "}"),
    "repeated list fields": fill("{ roleGuides { ", "items { title } ", "} }"),
    "repeated field, differing arguments": "{ "
    + " ".join(f"roleGuides(page: {i}) {{ pagination {{ total }} }}" for i in range(400))
    + " }",
    "many fragments spread once": spreads("G", 300, "title"),
    "many fragments spread in a chain": spreads("H", 200, "title", chained=True),
    "fragments x fields": spreads("K", 100, "title slug year id"),
    "wide inline fragments": fill('{ page(slug: "x") { ', "... on RoleGuidePage { title } ", "} }"),
    "wide inline fragments on a union": fill(
        '{ search(query: "x") { ',
        "... on RoleGuidePage { title } ... on FaqEntry { question } ",
        "} }",
    ),
    "deep nesting": '{ page(slug: "x") { ' + "parent { " * 1500 + "title" + " }" * 1500 + " } }",
    "deep inline fragments": '{ page(slug: "x") { '
    + "... on Page { " * 1200
    + "title"
    + " }" * 1200
    + " } }",
    "deep list values": "{ page(slug: " + "[" * 3000 + '"x"' + "]" * 3000 + ") { title } }",
    "long argument list": fill("{ roleGuides(", "page: 1 ", ") { pagination { total } } }"),
    "long list argument": fill("{ faqEntries(topic: [", '"a" ', "]) { id } }"),
    "many variables": "query("
    + " ".join(f"$v{i}: Int" for i in range(1200))
    + ") { roleGuides(page: $v0) { pagination { total } } }",
    "many directives": fill("{ roleGuides ", "@include(if: true) ", "{ pagination { total } } }"),
    "many operations": " ".join(
        f"query Q{i} {{ roleGuides {{ pagination {{ total }} }} }}" for i in range(350)
    ),
    "nested repeated lists": fill("{ pages { ", "children { title } children { id } ", "} }"),
    # Just under the token limit (1,000), where parsing completes and the later checks run.
    "fragment bomb n=48": fragment_bomb(48),
    "__typename, 990 times": "{ " + "__typename " * 990 + "}",
    "inline fragments, 150": '{ page(slug: "x") { '
    + "... on RoleGuidePage { title } " * 150
    + "} }",
    "9 fields, 20 times each": "{ roleGuides { items { "
    + " ".join(["title slug year id urlPath roleName intro url seoTitle"] * 20)
    + " } } }",
    "45 fragments of 9 fields, spread together": spreads(
        "P", 45, "title slug year id urlPath roleName intro url seoTitle"
    ),
    "50 fragments in a chain of spreads": spreads("Q", 50, "title slug", chained=True),
    "10 operations of 45 tokens": " ".join(
        f"query Q{i} {{ roleGuides {{ items {{ title slug year intro url id roleName }} "
        "pagination { total count } } }"
        for i in range(10)
    ),
    # Just inside the shape limits: these pass every check.
    "near the limits: repeats": "{ roleGuides { items { "
    + " ".join(f"a{i}: title" for i in range(30))
    + " "
    + " ".join(["title slug year id urlPath"] * 20)
    + " } } }",
    "near the limits: nested repeats": "{ roleGuides { items { "
    + " ".join(["category { name slug } title"] * 20)
    + " } } }",
    "near the limits: operations": " ".join(
        f"query Q{i} {{ roleGuides {{ items {{ title slug year category {{ name }} }} }} }}"
        for i in range(10)
    ),
    "near the limits: fragments": spreads("N", 20, "title slug year"),
}


def check_seconds(query):
    """Best of five: the time of every check short of running, caches cleared."""
    best = float("inf")
    for _ in range(5):
        document_checks.parsed_document.cache_clear()
        document_checks.validation_errors.cache_clear()
        start = time.perf_counter()
        document_checks.check_document(query, {}, None)
        best = min(best, time.perf_counter() - start)
    return best


@pytest.fixture(scope="module")
def bound_seconds():
    """50 ms, or on a machine busy enough that the contract's own guide query takes more than
    a tenth of that to check, six times that query: still far below the seconds a super-linear
    check takes, and not flaky under load."""
    document_checks.schema()  # built once per process, not part of a request's checks
    return max(BOUND_SECONDS, 6 * check_seconds(operations()["RoleGuideByPath"].text))


@pytest.mark.parametrize("name", list(ADVERSARIAL))
def test_checks_take_linear_time_on_adversarial_documents(db, bound_seconds, name):
    query = ADVERSARIAL[name]
    assert len(query) <= MAX_SIZE
    assert check_seconds(query) < bound_seconds


@pytest.mark.django_db
@pytest.mark.parametrize("n", [22, 24, 30])
def test_the_fragment_bomb_is_refused_as_too_complex(client, n):
    response = post_graphql(client, fragment_bomb(n))
    assert response.status_code == 400
    assert [e["extensions"]["code"] for e in response.json()["errors"]] == ["QUERY_TOO_COMPLEX"]


@pytest.mark.django_db
def test_a_fragment_spread_twice_costs_twice(client):
    once = "query { roleGuides { ...A } } fragment A on RoleGuideListing { items { title } }"
    twice = "query { roleGuides { ...A ...A } } fragment A on RoleGuideListing { items { title } }"
    costs = [
        post_graphql(client, q).json()["extensions"]["cost"]["requested"] for q in (once, twice)
    ]
    assert costs[1] - 1 == 2 * (costs[0] - 1)


SLOW_TO_VALIDATE = {
    "repeated field": "{ " + "__typename " * 300 + "}",
    "inline fragments": '{ page(slug: "x") { ' + "... on RoleGuidePage { title } " * 100 + "} }",
    "operations": " ".join(f"query Q{i} {{ __typename }}" for i in range(100)),
    "fragments": spreads("G", 100, "title"),
}


@pytest.mark.django_db
@pytest.mark.parametrize("name", list(SLOW_TO_VALIDATE))
def test_documents_that_would_slow_validation_are_refused_with_a_code(client, name):
    response = post_graphql(client, SLOW_TO_VALIDATE[name])
    assert response.status_code == 400
    assert [e["extensions"]["code"] for e in response.json()["errors"]] == ["QUERY_TOO_COMPLEX"]


def batch(client, operations):
    body = json.dumps([{"query": q} for q in operations])
    return client.post("/graphql/", data=body, content_type="application/json")


@pytest.mark.django_db
def test_a_batch_has_one_cost_budget(client, settings):
    query = "{ roleGuides(perPage: 100) { items { title slug } } }"  # costs 202
    settings.GRAPHQL_LIMITS = {"MAX_COST": 700}
    answers = batch(client, [query] * 5).json()
    codes = [[e["extensions"]["code"] for e in a.get("errors", [])] for a in answers]
    assert codes == [[], [], [], ["QUERY_TOO_COMPLEX"], ["QUERY_TOO_COMPLEX"]]
    assert all(a["data"]["roleGuides"]["items"] == [] for a in answers[:3])


@pytest.mark.parametrize("n", [22, 30, 45])
def test_the_cost_measure_counts_every_spread_in_linear_time(db, bound_seconds, n):
    """The measure on its own (the bomb over HTTP is refused earlier, by the repeat count):
    every one of the 2**n spreads counts, and measuring stays linear in the document."""
    from graphql import parse

    from cms.api.limits import COST_CAP, measure_operation

    document = parse(fragment_bomb(n))
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        measure = measure_operation(document_checks.schema(), document, None, {})
        best = min(best, time.perf_counter() - start)
    assert measure.cost >= min(2**n, COST_CAP)
    assert best < bound_seconds


def test_variable_defaults_count_in_the_cost():
    sent = "query($n: Int) { roleGuides(perPage: $n) { items { title } } }"
    default = "query($n: Int = 100) { roleGuides(perPage: $n) { items { title } } }"
    graphql_schema = schema.graphql_schema
    explicit = measure_operation(graphql_schema, parse(sent), None, {"n": 100})
    assert measure_operation(graphql_schema, parse(default), None, {}).cost == explicit.cost


def introspection_bomb(n):
    """The fragment bomb under `__schema`: introspection is measured like any other field."""
    fragments = [f"fragment I{i} on __Schema {{ ...I{i + 1} ...I{i + 1} }}" for i in range(n)]
    fragments.append(f"fragment I{n} on __Schema {{ queryType {{ name }} }}")
    return "query { __schema { ...I0 } } " + " ".join(fragments)


def test_introspection_adds_no_depth_and_its_cost_stops_at_the_cap():
    """A frontend's `__typename` (Apollo adds one to every selection) never makes a query too
    deep; a spread under `__schema` adds to what the fields beside it cost; an introspection
    bomb past the cap costs the cap."""
    from cms.api.limits import COST_CAP

    graphql_schema = schema.graphql_schema

    def measured(query):
        return measure_operation(graphql_schema, parse(query), None, {})

    assert measured("{ __typename }").depth == 0
    assert measured("{ __schema { queryType { name } } }").depth == 0
    fragment = " fragment Q on __Schema { types { name } }"
    fields, spread = "{ __schema { queryType { name } } }", "{ __schema { ...Q } }" + fragment
    beside = "{ __schema { queryType { name } ...Q } }" + fragment
    assert measured(beside).cost == measured(fields).cost + measured(spread).cost - 1
    bomb = measured(introspection_bomb(60))
    assert (bomb.depth, bomb.cost) == (0, COST_CAP)


def test_introspection_counts_every_field_and_spread():
    """1 per introspection field, as for any field, and every spread of a fragment under
    `__schema` counts: an introspection bomb costs what it asks for."""
    from cms.api.limits import COST_CAP

    graphql_schema = schema.graphql_schema
    assert measure_operation(graphql_schema, parse("{ __typename }"), None, {}).cost == 1
    nested = "{ __schema { queryType { name } types { name } } }"
    assert measure_operation(graphql_schema, parse(nested), None, {}).cost == 5
    bomb = measure_operation(graphql_schema, parse(introspection_bomb(22)), None, {})
    assert bomb.cost >= min(2**22, COST_CAP)
