"""One catalogue of error codes (`cms/api/errors.py: ErrorCode`), documented for frontends, and
the one place that reads graphql-core's message text still reading it right."""

import ast
import re
from pathlib import Path

import pytest
from django.conf import settings

from cms.api.errors import ErrorCode

CONTRACT_README = Path(settings.BASE_DIR) / "frontend_contract" / "README.md"


def test_the_frontend_contract_documents_every_code():
    documented = set(re.findall(r"`([A-Z][A-Z_]+)`", CONTRACT_README.read_text()))
    missing = {code.value for code in ErrorCode} - documented
    assert not missing, f"frontend_contract/README.md does not list {sorted(missing)}"


def test_codes_are_named_through_the_catalogue_only():
    """A code typed as a bare string elsewhere would escape the catalogue (and its test)."""
    codes = {code.value for code in ErrorCode}
    strays = []
    for app in ("cms", "roles", "faqs", "home"):
        for path in sorted((Path(settings.BASE_DIR) / app).rglob("*.py")):
            if path.name == "errors.py" or "migrations" in path.parts:
                continue
            for node in ast.walk(ast.parse(path.read_text())):
                if isinstance(node, ast.Constant) and node.value in codes:
                    strays.append(f"{path.relative_to(settings.BASE_DIR)}:{node.lineno}")
    assert not strays


def codes(answer):
    return [error["extensions"]["code"] for error in answer["errors"]]


@pytest.mark.parametrize(
    ("payload", "code"),
    [
        # graphql-core: "Variable '$n' got invalid value …"
        (
            {
                "query": "query Q($n: Int) { roleGuides(perPage: $n) { items { title } } }",
                "variables": {"n": "many"},
            },
            "BAD_USER_INPUT",
        ),
        # graphql-core: "Unknown operation named 'C'."
        (
            {"query": "query A { __typename } query B { __typename }", "operationName": "C"},
            "BAD_REQUEST",
        ),
        # graphql-core: "Must provide operation name if query contains multiple operations."
        ({"query": "query A { __typename } query B { __typename }"}, "BAD_REQUEST"),
        ({"query": "{ roleGuides( }"}, "GRAPHQL_PARSE_FAILED"),
        ({"query": "{ noSuchField }"}, "GRAPHQL_VALIDATION_FAILED"),
    ],
)
def test_graphql_core_errors_get_their_codes(client, db, payload, code):
    response = client.post("/graphql/", payload, content_type="application/json")
    assert codes(response.json()) == [code]


def test_the_parsers_token_limit_is_a_query_too_large():
    """Our own token count runs first and is rough; where it lets a query through, the
    parser's `max_tokens` still stops it, with the same code."""
    from cms.api.document_checks import parsed_document
    from cms.api.errors import ApiError

    with pytest.raises(ApiError) as raised:
        parsed_document("{ a b c d e f }", 5)
    assert raised.value.extensions["code"] == "QUERY_TOO_LARGE"
