"""Every error a client can receive carries a stable `extensions.code` and a readable message.

Resolvers raise `ApiError` subclasses with their own code. Anything else that escapes a
resolver is logged and reported as INTERNAL_SERVER_ERROR without its details, so a stack
trace or a database message never reaches a client.
"""

import logging

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

# Exceptions that a client's arguments can provoke inside grapple's resolvers
# (an unknown `order` field, a malformed `contentType`): the client's fault, not ours.
# DataError: a value the database cannot hold (an id past the integer range, a NUL byte).
CLIENT_CAUSED = (FieldError, ValueError, ObjectDoesNotExist, LookupError, DataError)
# graphql-core's words when the request names no runnable operation.
OPERATION_SELECTION_MESSAGES = ("Unknown operation named", "Must provide operation name")


class ApiError(GraphQLError):
    """A GraphQL error with a code a client can branch on."""

    code = BAD_USER_INPUT

    def __init__(self, message, code=None):
        super().__init__(message, extensions={"code": code or self.code})


def format_graphql_error(error):
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
    elif isinstance(original, GraphQLError):
        # A resolver (ours or grapple's) refused the arguments in words meant for the client.
        code = BAD_USER_INPUT
    elif isinstance(original, CLIENT_CAUSED):
        code = BAD_USER_INPUT
        formatted["message"] = f"Invalid argument for '{error.path[-1] if error.path else ''}'."
    else:
        logger.error("Unexpected error in a GraphQL resolver", exc_info=original)
        code = INTERNAL_SERVER_ERROR
        formatted["message"] = "Internal server error."
    formatted["extensions"] = {**(formatted.get("extensions") or {}), "code": code}
    return formatted


def format_http_error(status_code, message):
    code = METHOD_NOT_ALLOWED if status_code == 405 else BAD_REQUEST
    return {"message": message, "extensions": {"code": code}}
