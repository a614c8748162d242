"""Search input: bad syntax never reaches the database as an error; long queries are refused."""

import logging

import pytest

from tests.factories import make_guide
from tests.graphql_http import post_graphql

SEARCH = "query ($q: String) { search(query: $q) { ... on RoleGuidePage { title } } }"
BAD_SYNTAX = ['"', 'a:b:c "x', '"a" "', "a AND OR (", "NOT -x +y *", "o'brien \\ ''", "\x01\u200b"]


@pytest.fixture
def guide(roles_index):
    return make_guide(roles_index, "mlops", title="MLOps Engineer")


@pytest.mark.django_db
@pytest.mark.parametrize("text", BAD_SYNTAX)
def test_bad_search_syntax_gives_results_not_a_server_error(client, guide, caplog, text):
    with caplog.at_level(logging.ERROR):
        response = post_graphql(client, SEARCH, {"q": text})
    assert response.status_code == 200, response.content
    assert "errors" not in response.json()
    assert response.json()["data"]["search"] == []
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


@pytest.mark.django_db
def test_search_syntax_around_words_still_finds_them(client, guide):
    response = post_graphql(client, SEARCH, {"q": '"mlops" engineer:'})
    assert response.json()["data"]["search"] == [{"title": "MLOps Engineer"}]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "text",
    [" ".join(["word"] * 3000), "x" * 201, " ".join(["w"] * 33)],
    ids=["3000-words", "long", "33-words"],
)
def test_too_long_a_search_query_is_bad_user_input(client, guide, caplog, text):
    with caplog.at_level(logging.ERROR):
        response = post_graphql(client, SEARCH, {"q": text})
    errors = response.json()["errors"]
    assert [e["extensions"]["code"] for e in errors] == ["BAD_USER_INPUT"]
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
