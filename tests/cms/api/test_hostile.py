"""Hostile requests are refused quickly, each with its code, and the server keeps serving."""

import json
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis_graphql import from_schema

from cms.api.schema import printed_schema

NORMAL = "{ roleGuides { pagination { total } } }"


def post_raw(client, body, content_type="application/json"):
    return client.post("/graphql/", data=body, content_type=content_type)


def post(client, query, variables=None):
    return post_raw(client, json.dumps({"query": query, "variables": variables or {}}))


def deep_query(levels):
    return '{ page(slug: "roles") { ' + "parent { " * levels + "title" + " }" * levels + " } }"


def alias_flood(count):
    return (
        "{ "
        + " ".join(f"a{n}: roleGuides {{ pagination {{ total }} }}" for n in range(count))
        + " }"
    )


HOSTILE = {
    "deep nesting": (lambda: post(CLIENT, deep_query(40)), 400, "QUERY_TOO_DEEP"),
    "alias flood": (lambda: post(CLIENT, alias_flood(100)), 400, "TOO_MANY_ALIASES"),
    "fragment cycle": (
        lambda: post(
            CLIENT,
            "query { roleGuides { ...A } } fragment A on RoleGuideListing { ...B } "
            "fragment B on RoleGuideListing { ...A }",
        ),
        400,
        "GRAPHQL_VALIDATION_FAILED",
    ),
    "giant list of ids": (
        lambda: post(
            CLIENT, "query($ids: [ID]) { faqEntries { id } }", {"ids": list(range(200_000))}
        ),
        413,
        "REQUEST_TOO_LARGE",
    ),
    "field duplication": (
        lambda: post(CLIENT, "{ roleGuides { items { " + "title " * 5000 + "} } }"),
        400,
        "QUERY_TOO_LARGE",
    ),
    "costly pagination": (
        lambda: post(
            CLIENT,
            "{ roleGuides(perPage: 100) { items { body { ... on SkillsListBlock "
            "{ skills { tools { name } } } } } } }",
        ),
        400,
        "QUERY_TOO_COMPLEX",
    ),
    "nested lists": (
        lambda: post(
            CLIENT,
            "{ pages(limit: 100) { children(limit: 100) { children(limit: 100) { title } } } }",
        ),
        400,
        "QUERY_TOO_COMPLEX",
    ),
    "invalid UTF-8": (lambda: post_raw(CLIENT, b'{"query": "\xff\xfe"}'), 400, "BAD_REQUEST"),
    "10 MB body": (
        lambda: post_raw(CLIENT, json.dumps({"query": "{ a }", "pad": "x" * 10_000_000})),
        413,
        "REQUEST_TOO_LARGE",
    ),
    "too many tokens": (
        lambda: post(CLIENT, "{ " + "__typename " * 4500 + "}"),
        400,
        "QUERY_TOO_LARGE",
    ),
    "unknown operation name": (
        lambda: post_raw(CLIENT, json.dumps({"query": NORMAL, "operationName": "Other"})),
        400,
        "BAD_REQUEST",
    ),
    "mutation": (lambda: post(CLIENT, "mutation { x }"), 400, "GRAPHQL_VALIDATION_FAILED"),
    "NUL in a string": (
        lambda: post(CLIENT, '{ page(urlPath: "\\u0000") { title } }'),
        400,
        "BAD_USER_INPUT",
    ),
    "NUL in a variable": (
        lambda: post(CLIENT, "query($s: String) { page(slug: $s) { title } }", {"s": "a\x00b"}),
        400,
        "BAD_USER_INPUT",
    ),
    "fragment bomb": (
        lambda: post(
            CLIENT,
            "query { roleGuides { ...F0 } } "
            + " ".join(
                f"fragment F{i} on RoleGuideListing {{ ...F{i + 1} ...F{i + 1} }}"
                for i in range(24)
            )
            + " fragment F24 on RoleGuideListing { __typename }",
        ),
        400,
        "QUERY_TOO_COMPLEX",
    ),
    "search syntax": (
        lambda: post(CLIENT, "{ search(query: " + json.dumps("x" * 300) + ") { __typename } }"),
        200,
        "BAD_USER_INPUT",
    ),
    "private order": (
        lambda: post(CLIENT, '{ pages(order: "owner__password") { title } }'),
        200,
        "BAD_USER_INPUT",
    ),
    "page size past the maximum": (
        lambda: post(CLIENT, "{ pages(limit: 1000000) { title } }"),
        400,
        "QUERY_TOO_COMPLEX",
    ),
}
CLIENT = None


@pytest.fixture
def hostile_client(client, site_tree):
    global CLIENT
    CLIENT = client
    yield client
    CLIENT = None


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_request_is_refused_with_its_code(hostile_client, name):
    send, status, code = HOSTILE[name]
    response = send()
    assert response.status_code == status
    body = response.json()
    assert body["errors"][0]["extensions"]["code"] == code, body
    assert "Traceback" not in response.content.decode()
    # ...and the server still answers normal queries.
    after = post(hostile_client, NORMAL)
    assert after.status_code == 200 and after.json()["data"]["roleGuides"]["pagination"]


def operations(count):
    return " ".join(f"query Q{n} {{ __typename }}" for n in range(count))


def fragments(count):
    spreads = " ".join(f"...F{n}" for n in range(count))
    defined = " ".join(f"fragment F{n} on Query {{ __typename }}" for n in range(count))
    return f"{{ {spreads} }} {defined}"


def aliases_in_two_branches():
    """32 aliases, 16 of them in the branch the limit's walk reaches last."""
    first = " ".join(f"t{n}: title" for n in range(16))
    second = " ".join(f"s{n}: slug" for n in range(14))
    return f"{{ a: roleGuides {{ items {{ {first} }} }} b: roleGuides {{ items {{ {second} }} }} }}"


@pytest.mark.parametrize(
    ("query", "code", "message"),
    [
        (operations(11), "QUERY_TOO_COMPLEX", "The document defines 11 operations; at most 10"),
        (fragments(51), "QUERY_TOO_COMPLEX", "The document defines 51 fragments; at most 50"),
        (
            '{ page(urlPath: "a\\u0000") { title } }',
            "BAD_USER_INPUT",
            "Strings may not contain NUL",
        ),
        (aliases_in_two_branches(), "TOO_MANY_ALIASES", "32 aliases"),
    ],
    ids=["operations", "fragments", "NUL", "aliases in two branches"],
)
def test_a_refusal_says_what_was_too_much(hostile_client, query, code, message):
    (error,) = post(hostile_client, query).json()["errors"]
    assert error["extensions"]["code"] == code
    assert message in error["message"]


@pytest.mark.parametrize(
    ("variables", "message"),
    [
        ('{"n": ', "`variables` is not valid JSON."),
        ("[1, 2]", "`variables` must be a JSON object."),
        ('"text"', "`variables` must be a JSON object."),
    ],
)
def test_get_variables_that_are_not_a_json_object_are_named(hostile_client, variables, message):
    query = "query($n: Int) { roleGuides(perPage: $n) { pagination { total } } }"
    response = hostile_client.get("/graphql/", {"query": query, "variables": variables})
    (error,) = response.json()["errors"]
    assert (response.status_code, error["extensions"]["code"]) == (400, "BAD_REQUEST")
    assert error["message"] == message


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ({"query": 5}, "`query` must be a string."),
        ({"query": "{ __typename }", "operationName": 5}, "`operationName` must be a string."),
        ({"query": "{ __typename }", "variables": [1]}, "`variables` must be a JSON object."),
    ],
)
def test_a_post_field_of_the_wrong_type_is_named(hostile_client, payload, message):
    response = post_raw(hostile_client, json.dumps(payload))
    (error,) = response.json()["errors"]
    assert (response.status_code, error["message"]) == (400, message)


def test_an_id_past_the_integer_range_finds_nothing(hostile_client):
    response = post(hostile_client, '{ page(id: "99999999999999999999999") { title } }')
    assert response.status_code == 200 and response.json()["data"] == {"page": None}


SCHEMA_SDL = None


def schema_sdl():
    global SCHEMA_SDL
    SCHEMA_SDL = SCHEMA_SDL or printed_schema()
    return SCHEMA_SDL


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # autocommit, as in production
@settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "300")),
    derandomize=not os.environ.get("FUZZ_RANDOM"),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=__import__("hypothesis").strategies.data())
def test_fuzzed_queries_never_cause_a_server_error(client, data):
    query = data.draw(from_schema(schema_sdl()))
    response = post(client, query)
    assert response.status_code in (200, 400), (query, response.status_code)
    body = response.json()
    for error in body.get("errors", []):
        assert error["extensions"]["code"] != "INTERNAL_SERVER_ERROR", (query, error)
