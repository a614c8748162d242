"""GraphiQL on /graphql/ in development: a browser asking for HTML gets the IDE; a GET carrying
a query, `?raw`, or a client not asking for HTML gets the JSON answer; never in production."""

import pytest

HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
QUERY = "{ __typename }"


@pytest.fixture
def development(settings, db):
    settings.DEBUG = True


def is_graphiql(response):
    return response["Content-Type"].startswith("text/html") and b"graphiql" in response.content


def test_a_browser_gets_graphiql_in_development(client, development):
    response = client.get("/graphql/", HTTP_ACCEPT=HTML)
    assert response.status_code == 200
    assert is_graphiql(response)


@pytest.mark.parametrize(
    ("parameters", "accept"),
    [
        ({"query": QUERY}, HTML),  # a link to a query: its answer
        ({"query": QUERY, "raw": ""}, HTML),
        ({"query": QUERY}, "application/json"),
        ({"query": QUERY}, ""),
        ({"query": QUERY}, None),  # no Accept header at all
    ],
)
def test_a_query_gets_its_json_answer_in_development(client, development, parameters, accept):
    headers = {} if accept is None else {"HTTP_ACCEPT": accept}
    response = client.get("/graphql/", parameters, **headers)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json()["data"] == {"__typename": "Query"}


@pytest.mark.parametrize("accept", ["application/json", ""])
def test_a_client_not_asking_for_html_gets_json_in_development(client, development, accept):
    response = client.get("/graphql/", HTTP_ACCEPT=accept)
    assert not is_graphiql(response)
    assert response["Content-Type"] == "application/json"
    assert response.json()["errors"][0]["extensions"]["code"]


def test_raw_without_a_query_gets_json_in_development(client, development):
    response = client.get("/graphql/", {"raw": ""}, HTTP_ACCEPT=HTML)
    assert not is_graphiql(response)
    assert response.json()["errors"][0]["extensions"]["code"]


def test_no_graphiql_in_production(client, db):
    response = client.get("/graphql/", HTTP_ACCEPT=HTML)
    assert not is_graphiql(response)
    assert response.json()["errors"][0]["extensions"]["code"]
