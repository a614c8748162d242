"""Running one checked operation: graphql-core's `execute`, inside a request scope for the
per-request loaders, with a typed result that names what the answer was built from (its cache
tags, `cms/api/answer_tags.py`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from graphql import OperationType, execute, get_operation_ast

from cms.api import loaders, persisted_queries
from cms.api.answer_tags import TaggingExecutionContext, answer_tags
from cms.api.document_checks import check_document, schema
from cms.api.errors import (
    ApiError,
    ErrorCode,
    RequestError,
    format_graphql_error,
    format_graphql_errors,
)
from cms.api.limits import limit
from cms.api.list_primers import PrimingExecutionContext
from cms.api.operation_request import OperationRequest

if TYPE_CHECKING:
    from django.http import HttpRequest
    from graphql import GraphQLError


class AnswerExecutionContext(PrimingExecutionContext, TaggingExecutionContext):
    """Each list primed for batching (`list_primers.py`), every object noted for its cache
    tags (`answer_tags.py`)."""


@dataclass(frozen=True)
class Execution:
    """What one operation gave: the JSON-ready result, its HTTP status, whether a draft
    (through a preview token) was served, which must never be cached anywhere, and the cache
    tags of what it was built from (None: something in it has no tag, so it is not cached)."""

    result: dict = field(default_factory=dict)
    status: int = 200
    served_draft: bool = False
    tags: frozenset[str] | None = None

    @classmethod
    def refused(cls, *errors: GraphQLError, status: int = 400) -> Execution:
        return cls({"errors": [format_graphql_error(error) for error in errors]}, status)


def never_awaitable(value: object) -> bool:
    """Every resolver here is synchronous: skip graphql-core's per-field awaitable check."""
    return False


def execute_operation(operation: OperationRequest, request: HttpRequest) -> Execution:
    """Check and execute one operation whose query text is known."""
    checked = check_document(operation.query, operation.variables, operation.operation_name)
    if not checked.ok:
        return Execution.refused(*checked.errors)
    operation_ast = get_operation_ast(checked.document, operation.operation_name)
    if operation_ast is None:
        raise RequestError(
            "Unknown operation name." if operation.operation_name else "Name the operation to run."
        )
    if schema().get_root_type(operation_ast.operation) is None:
        return Execution.refused(
            ApiError(
                f"This API has no {operation_ast.operation.value} operations.",
                ErrorCode.GRAPHQL_VALIDATION_FAILED,
            )
        )
    if request.method == "GET" and operation_ast.operation != OperationType.QUERY:
        raise RequestError("Only queries can be sent with GET.", ErrorCode.METHOD_NOT_ALLOWED, 405)
    persisted_queries.register(operation)
    with loaders.request_scope() as scope:
        result = execute(
            schema(),
            checked.document,
            context_value=request,
            variable_values=operation.variables,
            operation_name=operation.operation_name,
            is_awaitable=never_awaitable,
            execution_context_class=AnswerExecutionContext,
        )
        tags = answer_tags(scope)
    answer, status = {}, 200
    if result.errors:
        answer["errors"] = format_graphql_errors(result.errors)
        if any(not error.path for error in result.errors):
            status = 400
    if status == 200:
        answer["data"] = result.data
    answer["extensions"] = {"cost": {"requested": checked.cost, "maximum": limit("MAX_COST")}}
    return Execution(answer, status, bool(scope.get("preview")), tags)


def operation_cost(operation: OperationRequest) -> int | None:
    """What the operation would cost, or None when a check refuses it (running it then
    reports why). Used to hold a batch to one budget before any of it runs."""
    try:
        persisted_queries.resolve_query_text(operation)
    except (ApiError, RequestError):
        return None
    return check_document(operation.query, operation.variables, operation.operation_name).cost
