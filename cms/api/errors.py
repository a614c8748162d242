"""Every error a client can receive carries a stable `extensions.code` and a readable message.

Resolvers raise `ApiError` subclasses with their own code. An error is the client's
(BAD_USER_INPUT) only when it comes from the client's arguments: graphql-core coercing them,
or grapple's resolvers interpreting them. Anything else (a bug of ours, a value that cannot be
serialised, such as a stored amount past `Int`'s range) is INTERNAL_SERVER_ERROR with a
generic message, logged once per answer, so a stack trace or a database message never reaches
a client and our faults are never blamed on it.
"""

from __future__ import annotations

import logging
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

import django
import graphql
import grapple
from django.core.exceptions import FieldError, ObjectDoesNotExist
from django.db import DataError
from graphql import GraphQLError, GraphQLSyntaxError

if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any

logger = logging.getLogger("cms.api")


class ErrorCode(StrEnum):
    """Every `extensions.code` a client can receive (listed in frontend_contract/README.md)."""

    BAD_REQUEST = "BAD_REQUEST"
    METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED"
    FORBIDDEN = "FORBIDDEN"
    NOT_FOUND = "NOT_FOUND"
    REQUEST_TOO_LARGE = "REQUEST_TOO_LARGE"
    GRAPHQL_PARSE_FAILED = "GRAPHQL_PARSE_FAILED"
    GRAPHQL_VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED"
    BAD_USER_INPUT = "BAD_USER_INPUT"
    QUERY_TOO_LARGE = "QUERY_TOO_LARGE"
    TOO_MANY_ALIASES = "TOO_MANY_ALIASES"
    QUERY_TOO_DEEP = "QUERY_TOO_DEEP"
    QUERY_TOO_COMPLEX = "QUERY_TOO_COMPLEX"
    BATCH_TOO_LARGE = "BATCH_TOO_LARGE"
    PERSISTED_QUERY_NOT_FOUND = "PERSISTED_QUERY_NOT_FOUND"
    PERSISTED_QUERY_HASH_MISMATCH = "PERSISTED_QUERY_HASH_MISMATCH"
    PERSISTED_QUERY_NOT_ALLOWED = "PERSISTED_QUERY_NOT_ALLOWED"
    PREVIEW_TOKEN_INVALID = "PREVIEW_TOKEN_INVALID"
    PREVIEW_TOKEN_EXPIRED = "PREVIEW_TOKEN_EXPIRED"
    PREVIEW_TOKEN_PAGE_MISMATCH = "PREVIEW_TOKEN_PAGE_MISMATCH"
    RENDITION_LIMIT_EXCEEDED = "RENDITION_LIMIT_EXCEEDED"
    RATE_LIMITED = "RATE_LIMITED"
    INTERNAL_SERVER_ERROR = "INTERNAL_SERVER_ERROR"


# Exceptions that a client's arguments can provoke (an unknown `order` field, a malformed
# `contentType` or id): the client's fault only on a field the client gave arguments, and only
# when raised inside grapple's resolvers or while Django builds a query from a value (a lookup
# it cannot convert). The same exception anywhere else in our code is a bug.
# DataError: a value the database cannot hold (an id past the integer range, a NUL byte).
CLIENT_CAUSED = (FieldError, ValueError, ObjectDoesNotExist, LookupError, DataError)
GRAPHQL_DIR = str(Path(graphql.__file__).parent)
ARGUMENT_READERS = (
    str(Path(grapple.__file__).parent),
    str(Path(django.__file__).parent / "db" / "models" / "sql" / "query.py"),
)
# graphql-core's module that coerces argument values: its errors are the client's.
ARGUMENT_COERCION = str(Path(graphql.__file__).parent / "execution" / "values.py")
INTERNAL_MESSAGE = "Internal server error."


class MessageKind(StrEnum):
    """What one of graphql-core's errors is about, where only its words tell."""

    VARIABLE = "variable"  # a variable's value the client sent is wrong
    OPERATION_SELECTION = "operation selection"  # no runnable operation was named
    TOKEN_LIMIT = "token limit"  # the parser stopped at `max_tokens`
    OTHER = "other"


def graphql_core_message_kind(error: GraphQLError) -> MessageKind:
    """The one place that reads graphql-core's message text (it gives no codes of its own).

    Checked against graphql-core 3.2's wording; `tests/cms/api` covers each case, so a change
    of wording in an upgrade fails a test instead of changing a code silently."""
    message = error.message
    if message.startswith("Variable '$"):
        return MessageKind.VARIABLE
    if message.startswith(("Unknown operation named", "Must provide operation name")):
        return MessageKind.OPERATION_SELECTION
    if isinstance(error, GraphQLSyntaxError) and "tokens" in message:
        return MessageKind.TOKEN_LIMIT
    return MessageKind.OTHER


class ApiError(GraphQLError):
    """A GraphQL error with a code a client can branch on."""

    code = ErrorCode.BAD_USER_INPUT

    def __init__(self, message: str, code: ErrorCode | None = None) -> None:
        super().__init__(message, extensions={"code": str(code or self.code)})


class RequestError(Exception):
    """The HTTP request itself is wrong (before any GraphQL runs); carries an HTTP status."""

    def __init__(
        self, message: str, code: ErrorCode = ErrorCode.BAD_REQUEST, status: int = 400
    ) -> None:
        super().__init__(message)
        self.code, self.status = code, status

    def as_json(self) -> dict:
        return {"message": str(self), "extensions": {"code": str(self.code)}}


def raised_from(exception: BaseException) -> list[str]:
    """The source files of the frames `exception` passed through, outermost first."""
    files = []
    traceback = exception.__traceback__
    while traceback is not None:
        files.append(traceback.tb_frame.f_code.co_filename)
        traceback = traceback.tb_next
    return files


def caused_by_arguments(error: GraphQLError, original: Exception) -> bool:
    """True when `original` (raised while executing a field) comes from the client's arguments."""
    files = raised_from(original)
    if isinstance(original, GraphQLError):
        # graphql-core's own errors while completing a value ("Int cannot represent …",
        # "Expected Iterable …") are ours; its argument coercion's and a resolver's are not.
        origin = files[-1] if files else ""
        return not origin.startswith(GRAPHQL_DIR) or origin == ARGUMENT_COERCION
    if isinstance(original, CLIENT_CAUSED):
        given_arguments = any(getattr(node, "arguments", None) for node in error.nodes or ())
        return given_arguments and (
            isinstance(original, DataError)
            or any(file.startswith(ARGUMENT_READERS) for file in files)
        )
    return False


def format_graphql_errors(errors: Iterable[GraphQLError]) -> list[dict[str, Any]]:
    """The JSON for an answer's errors; server-side faults are logged once, not per error."""
    formatted, faults = [], []
    for error in errors:
        formatted.append(format_graphql_error(error, log=False))
        if formatted[-1]["extensions"]["code"] == ErrorCode.INTERNAL_SERVER_ERROR:
            faults.append(error)
    if faults:
        log_fault(faults[0], len(faults))
    return formatted


def log_fault(error: GraphQLError, count: int = 1) -> None:
    logger.error(
        "Unexpected error in a GraphQL resolver at %s (%d error%s in this answer)",
        ".".join(str(part) for part in error.path or ()) or "?",
        count,
        "" if count == 1 else "s",
        exc_info=error.original_error or error,
    )


def format_graphql_error(error: GraphQLError, log: bool = True) -> dict[str, Any]:
    """The JSON a client sees for one GraphQL error."""
    formatted = dict(error.formatted)
    original = error.original_error
    code = (error.extensions or {}).get("code")
    kind = graphql_core_message_kind(error)
    if code:
        pass
    elif isinstance(error, GraphQLSyntaxError):
        code = ErrorCode.GRAPHQL_PARSE_FAILED
    elif kind is MessageKind.VARIABLE:
        code = ErrorCode.BAD_USER_INPUT
    elif kind is MessageKind.OPERATION_SELECTION:
        code = ErrorCode.BAD_REQUEST
    elif original is None:
        code = ErrorCode.GRAPHQL_VALIDATION_FAILED
    elif caused_by_arguments(error, original):
        code = ErrorCode.BAD_USER_INPUT
        if not isinstance(original, GraphQLError):  # words meant for us, not the client
            formatted["message"] = f"Invalid argument for '{error.path[-1] if error.path else ''}'."
    else:
        if log:
            log_fault(error)
        code = ErrorCode.INTERNAL_SERVER_ERROR
        formatted["message"] = INTERNAL_MESSAGE
    formatted["extensions"] = {**(formatted.get("extensions") or {}), "code": str(code)}
    return formatted
