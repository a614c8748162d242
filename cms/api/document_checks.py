"""Everything short of running a query: length and tokens, parsing, the limits (as validation
rules, `cms/api/validation_rules.py`), depth and cost, then graphql-core's standard validation.

Parsing, the document-only limits and the standard validation are cached per process by the
query's text, so a query asked again costs a dictionary lookup; depth and cost depend on the
variables and are measured per request (in linear time).
"""

import json
from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
from graphql import (
    DocumentNode,
    GraphQLError,
    GraphQLSchema,
    GraphQLSyntaxError,
    parse,
    specified_rules,
    validate,
)
from graphql.utilities import TypeInfo
from graphql.validation import NoSchemaIntrospectionCustomRule, ValidationContext

from cms.api.errors import ApiError, ErrorCode, MessageKind, graphql_core_message_kind
from cms.api.limits import check_token_count, limit
from cms.api.validation_rules import DocumentLimitsRule, depth_and_cost_rule

MAX_VALIDATION_ERRORS = 20


def schema() -> GraphQLSchema:
    """The public schema (built on first use, once the apps are ready)."""
    from cms.api.schema import schema as public_schema

    return public_schema.graphql_schema


@dataclass(frozen=True)
class CheckedDocument:
    """A query after the checks: the parsed document and its cost, or why it is refused."""

    document: DocumentNode | None
    cost: int | None
    errors: tuple[GraphQLError, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.errors


def apply_document_rule(rule: type, document: DocumentNode) -> tuple[GraphQLError, ...]:
    """Run a rule that looks at the whole document at once (the limit rules measure in one
    walk of their own and stop there), without `validate()`'s node-by-node visit, which would
    cost more than the measuring."""
    errors = []
    context = ValidationContext(schema(), document, TypeInfo(schema()), errors.append)
    rule(context).enter_document(document, None, None, None, [])
    return tuple(errors)


@lru_cache(maxsize=512)
def parsed_document(query: str, max_tokens: int) -> tuple[DocumentNode | None, tuple]:
    """(document, errors) for a query text: parsed, then given the document-only limits."""
    try:
        document = parse(query, max_tokens=max_tokens)
    except GraphQLSyntaxError as error:
        if graphql_core_message_kind(error) is MessageKind.TOKEN_LIMIT:
            raise ApiError("The query has too many tokens.", ErrorCode.QUERY_TOO_LARGE) from error
        return None, (error,)
    return document, apply_document_rule(DocumentLimitsRule, document)


@lru_cache(maxsize=512)
def validation_errors(query: str, max_tokens: int, introspection: bool) -> tuple:
    """graphql-core's standard validation (the slowest check, so the last), once per text."""
    document, _ = parsed_document(query, max_tokens)
    rules = list(specified_rules)
    if not introspection:
        rules.append(NoSchemaIntrospectionCustomRule)
    return tuple(validate(schema(), document, rules, max_errors=MAX_VALIDATION_ERRORS))


def contains_nul(variables: dict | None) -> bool:
    """NUL can't be stored or looked up in PostgreSQL text: refuse it before any query."""
    return bool(variables) and "\\u0000" in json.dumps(variables)


def check_document(
    query: str, variables: dict | None = None, operation_name: str | None = None
) -> CheckedDocument:
    """Every check short of running, in order: length, tokens, parsing, document limits, NUL
    in variables, depth and cost, standard validation. The first that fails is reported."""
    try:
        if len(query) > limit("MAX_QUERY_LENGTH"):
            raise ApiError(
                f"The query is longer than {limit('MAX_QUERY_LENGTH')} characters.",
                ErrorCode.QUERY_TOO_LARGE,
            )
        check_token_count(query)
        document, errors = parsed_document(query, limit("MAX_TOKENS"))
        if errors:
            return CheckedDocument(document, None, errors)
        if contains_nul(variables):
            raise ApiError("Strings may not contain NUL characters.", ErrorCode.BAD_USER_INPUT)
    except ApiError as error:
        return CheckedDocument(None, None, (error,))
    cost_rule = depth_and_cost_rule(variables, operation_name)
    errors = apply_document_rule(cost_rule, document)
    if errors:
        return CheckedDocument(document, None, errors)
    invalid = validation_errors(query, limit("MAX_TOKENS"), settings.GRAPHQL_INTROSPECTION)
    return CheckedDocument(document, cost_rule.measure.cost, invalid)
