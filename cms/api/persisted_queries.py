"""Persisted queries: Apollo's automatic persisted queries (APQ), the frontend contract's
registered operations, and the allow-list that admits only those in production.

A client sends a query's sha256 instead of its text. A registered operation's text comes from
`frontend_contract/operations/`; an APQ text from the cache, where it is stored only after the
query has passed every check (`register`), so the cache never keeps text that would be refused.
"""

from django.conf import settings
from django.core.cache import cache

from cms.api.errors import ApiError, ErrorCode, RequestError
from cms.api.operation_request import OperationRequest
from cms.api.operations import operations_by_hash, sha256_of

APQ_CACHE_PREFIX = "apq:"
APQ_TIMEOUT = 7 * 24 * 3600  # a client re-registers a query it finds missing


def resolve_query_text(operation: OperationRequest) -> None:
    """Fill in `operation.query` from its persisted hash, or mark it for registration;
    enforce the allow-list. Raises ApiError or RequestError."""
    registered = operations_by_hash()
    digest = operation.persisted_hash
    if digest and operation.query is None:
        known = registered.get(digest)
        operation.query = known.text if known else cache.get(APQ_CACHE_PREFIX + digest)
        if operation.query is None:
            raise ApiError("PersistedQueryNotFound", ErrorCode.PERSISTED_QUERY_NOT_FOUND)
    elif digest:
        if sha256_of(operation.query) != digest:
            raise ApiError(
                "The query's sha256 does not match extensions.persistedQuery.sha256Hash.",
                ErrorCode.PERSISTED_QUERY_HASH_MISMATCH,
            )
        operation.to_register = digest not in registered and not settings.GRAPHQL_ALLOWLIST_ONLY
    if operation.query is None:
        raise RequestError("Must provide a query string or a persisted query hash.")
    if settings.GRAPHQL_ALLOWLIST_ONLY and sha256_of(operation.query) not in registered:
        raise ApiError(
            "Only the registered operations of the frontend contract are accepted here.",
            ErrorCode.PERSISTED_QUERY_NOT_ALLOWED,
        )


def register(operation: OperationRequest) -> None:
    """Keep an APQ registration (its hash already checked) for later requests by hash."""
    if operation.to_register:
        cache.set(APQ_CACHE_PREFIX + operation.persisted_hash, operation.query, APQ_TIMEOUT)
        operation.to_register = False
