"""Every error a client can receive carries a stable `extensions.code` and a readable message.

Resolvers raise `ApiError` subclasses with their own code. An error is the client's
(BAD_USER_INPUT) only when it comes from the client's arguments: graphql-core coercing them,
or grapple's resolvers interpreting them. Anything else (a bug of ours, a value that cannot be
serialised, such as a stored amount past `Int`'s range) is INTERNAL_SERVER_ERROR with a
generic message, logged once per answer, so a stack trace or a database message never reaches
a client and our faults are never blamed on it.
"""

import logging
from pathlib import Path

import django
import graphql
import grapple
from django.core.exceptions import FieldError, ObjectDoesNotExist
from django.db import DataError
from graphql import GraphQLError, GraphQLSyntaxError

logger = logging.getLogger("cms.api")

BAD_REQUEST = "BAD_REQUEST"
METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED"
PARSE_FAILED = "GRAPHQL_PARSE_FAILED"
VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED"
BAD_USER_INPUT = "BAD_USER_INPUT"
NOT_FOUND = "NOT_FOUND"
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
# graphql-core's words when the request names no runnable operation.
OPERATION_SELECTION_MESSAGES = ("Unknown operation named", "Must provide operation name")


class ApiError(GraphQLError):
    """A GraphQL error with a code a client can branch on."""

    code = BAD_USER_INPUT

    def __init__(self, message, code=None):
        super().__init__(message, extensions={"code": code or self.code})


def raised_from(exception):
    """The source files of the frames `exception` passed through, outermost first."""
    files = []
    traceback = exception.__traceback__
    while traceback is not None:
        files.append(traceback.tb_frame.f_code.co_filename)
        traceback = traceback.tb_next
    return files


def caused_by_arguments(error, original):
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


def format_graphql_errors(errors):
    """The JSON for an answer's errors; server-side faults are logged once, not per error."""
    formatted, faults = [], []
    for error in errors:
        formatted.append(format_graphql_error(error, log=False))
        if formatted[-1]["extensions"]["code"] == INTERNAL_SERVER_ERROR:
            faults.append(error)
    if faults:
        log_fault(faults[0], len(faults))
    return formatted


def log_fault(error, count=1):
    logger.error(
        "Unexpected error in a GraphQL resolver at %s (%d error%s in this answer)",
        ".".join(str(part) for part in error.path or ()) or "?",
        count,
        "" if count == 1 else "s",
        exc_info=error.original_error or error,
    )


def format_graphql_error(error, log=True):
    """The JSON a client sees for one GraphQL error."""
    formatted = dict(error.formatted)
    original = error.original_error
    code = (error.extensions or {}).get("code")
    if code:
        pass
    elif isinstance(error, GraphQLSyntaxError):
        code = PARSE_FAILED
    elif error.message.startswith("Variable '$"):
        code = BAD_USER_INPUT
    elif error.message.startswith(OPERATION_SELECTION_MESSAGES):
        code = BAD_REQUEST
    elif original is None:
        code = VALIDATION_FAILED
    elif caused_by_arguments(error, original):
        code = BAD_USER_INPUT
        if not isinstance(original, GraphQLError):  # words meant for us, not the client
            formatted["message"] = f"Invalid argument for '{error.path[-1] if error.path else ''}'."
    else:
        if log:
            log_fault(error)
        code = INTERNAL_SERVER_ERROR
        formatted["message"] = INTERNAL_MESSAGE
    formatted["extensions"] = {**(formatted.get("extensions") or {}), "code": code}
    return formatted


def format_http_error(status_code, message):
    code = METHOD_NOT_ALLOWED if status_code == 405 else BAD_REQUEST
    return {"message": message, "extensions": {"code": code}}
