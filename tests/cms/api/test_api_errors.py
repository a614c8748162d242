"""Whatever a client sends, the answer is a coded GraphQL error, never a 500 or a trace."""

import json

import pytest

from tests.factories import make_guide, salary_table_value
from tests.graphql_http import post_graphql

ROLE_QUERY = "{ roleGuides { pagination { total } } }"


def errors_of(response):
    body = json.loads(response.content)
    assert body["errors"], body
    assert "Traceback" not in response.content.decode()
    return body["errors"]


@pytest.mark.parametrize(
    ("body", "content_type", "code"),
    [
        ("{not json", "application/json", "BAD_REQUEST"),
        (b"\xff\xfe", "application/json", "BAD_REQUEST"),
        (b"\xff\xfe", "application/graphql", "BAD_REQUEST"),
        ('{"query": 123}', "application/json", "BAD_REQUEST"),
        (
            '{"query": "{ roleGuides { items { title } } }", "variables": [1]}',
            "application/json",
            "BAD_REQUEST",
        ),
        ('{"query": "{ x", "variables": {}}', "application/json", "GRAPHQL_PARSE_FAILED"),
        ('{"query": "{ nope }"}', "application/json", "GRAPHQL_VALIDATION_FAILED"),
        ("{}", "application/json", "BAD_REQUEST"),
        ("query=x", "text/plain", "BAD_REQUEST"),
    ],
    ids=[
        "malformed-json",
        "invalid-utf8-json",
        "invalid-utf8-graphql",
        "query-not-a-string",
        "variables-not-an-object",
        "syntax-error",
        "unknown-field",
        "no-query",
        "wrong-content-type",
    ],
)
def test_bad_requests_get_their_code(client, db, body, content_type, code):
    response = client.post("/graphql/", data=body, content_type=content_type)
    assert response.status_code == 400
    assert errors_of(response)[0]["extensions"]["code"] == code


def test_invalid_variable_value(client, db):
    response = client.post(
        "/graphql/",
        data=json.dumps(
            {
                "query": "query($y: Int) { roleGuides(year: $y) { items { title } } }",
                "variables": {"y": "x"},
            }
        ),
        content_type="application/json",
    )
    assert response.status_code == 400
    assert errors_of(response)[0]["extensions"]["code"] == "BAD_USER_INPUT"


def test_unknown_operation_name(client, db):
    response = client.post(
        "/graphql/",
        data=json.dumps(
            {"query": "query A { roleGuides { items { title } } }", "operationName": "B"}
        ),
        content_type="application/json",
    )
    assert response.status_code == 400
    assert errors_of(response)[0]["extensions"]["code"] == "BAD_REQUEST"


def test_other_methods_are_refused(client, db):
    response = client.put("/graphql/", data="{}", content_type="application/json")
    assert response.status_code == 405
    assert errors_of(response)[0]["extensions"]["code"] == "METHOD_NOT_ALLOWED"


@pytest.mark.parametrize(
    "query",
    ['{ pages(order: "no_such_field") { title } }', '{ pages(contentType: "nonsense") { title } }'],
)
def test_bad_grapple_arguments_do_not_leak_internals(client, site_tree, query):
    response = client.post(
        "/graphql/", data=json.dumps({"query": query}), content_type="application/json"
    )
    [error] = errors_of(response)
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert "Choices are" not in error["message"] and "keyword" not in error["message"]


def test_get_requests_work(client, db):
    response = client.get("/graphql/", {"query": ROLE_QUERY}, HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    assert response.json()["data"] == {"roleGuides": {"pagination": {"total": 0}}}


def test_mutations_are_not_offered(client, db):
    response = client.post(
        "/graphql/", data=json.dumps({"query": "mutation { x }"}), content_type="application/json"
    )
    assert errors_of(response)[0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"


def test_graphiql_is_off_outside_development(client, db):
    response = client.get("/graphql/", HTTP_ACCEPT="text/html")
    assert b"graphiql" not in response.content.lower()
    assert response.status_code == 400


def test_grapple_argument_errors_keep_their_message(client, site_tree):
    # Found by the fuzz run: grapple raises plain GraphQLErrors for conflicting arguments.
    query = '{ page(slug: "roles", site: "localhost", inSite: true) { title } }'
    response = client.post(
        "/graphql/", data=json.dumps({"query": query}), content_type="application/json"
    )
    [error] = errors_of(response)
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert "cannot be used at the same time" in error["message"]


def test_a_bug_in_a_resolver_is_not_blamed_on_the_client(client, roles_index, monkeypatch):
    """A ValueError (or LookupError…) raised by our own code is INTERNAL_SERVER_ERROR."""
    from roles import salary

    make_guide(roles_index, "pay", body=[{"type": "salary_table", "value": salary_table_value()}])

    def broken(self):
        raise ValueError("bug: secret detail")

    monkeypatch.setattr(salary.SalaryRow, "base_salary_display", property(broken))
    response = post_graphql(
        client,
        '{ roleGuide(slug: "pay") { body { ... on SalaryTableBlock { rows { baseSalaryDisplay } }'
        " } } }",
    )
    [error] = response.json()["errors"]
    assert error["extensions"]["code"] == "INTERNAL_SERVER_ERROR"
    assert "secret" not in error["message"]


def test_a_bug_under_a_field_with_arguments_is_ours_too(client, roles_index, monkeypatch):
    from cms.api import loaders

    make_guide(roles_index, "pay")

    def broken(page):
        raise LookupError("bug: internal detail")

    monkeypatch.setattr(loaders, "is_restricted", broken)
    response = post_graphql(client, '{ roleGuide(slug: "pay") { title } }')
    [error] = response.json()["errors"]
    assert error["extensions"]["code"] == "INTERNAL_SERVER_ERROR"
    assert "internal detail" not in error["message"]


def test_client_argument_errors_stay_bad_user_input(client, site_tree):
    for query in (
        '{ pages(order: "no_such_field") { title } }',
        '{ pages(contentType: "nonsense") { title } }',
        '{ page(slug: "roles", site: "localhost", inSite: true) { title } }',
    ):
        [error] = post_graphql(client, query).json()["errors"]
        assert error["extensions"]["code"] == "BAD_USER_INPUT", (query, error)


def test_deeply_nested_json_is_a_bad_request(client, db):
    response = client.post("/graphql/", data="[" * 100_000, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"]["code"] == "BAD_REQUEST"
    response = client.get("/graphql/", {"query": "{ __typename }", "variables": "[" * 5000})
    assert response.status_code == 400
