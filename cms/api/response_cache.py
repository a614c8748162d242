"""Cached GraphQL answers, shared by every app process through the Django cache (Redis when
REDIS_URL is set), and invalidated by publishing.

Correct before fast: every stored answer carries the content version it was computed at, and
any publish, unpublish, move or delete of a page, and any change to a shared snippet, an
image, a redirect or the site settings, moves the version on (`cms/signal_handlers.py`). A
request reads the version and its answer in one round trip and uses the answer only when the
versions agree, so the next request in every process sees the new content.

Never cached: previews (a `token`), requests carrying a session cookie (an editor may be
logged in), and answers with errors.
"""

from __future__ import annotations

import hashlib
import json
import time
from functools import lru_cache
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

if TYPE_CHECKING:
    from typing import Any

    from django.http import HttpRequest, HttpResponse

    from cms.api.operation_request import OperationRequest

VERSION_KEY = "api:content-version"
ANSWER_PREFIX = "api:answer:"


def enabled() -> bool:
    return getattr(settings, "API_RESPONSE_CACHE", True)


@lru_cache(maxsize=1)
def schema_fingerprint() -> str:
    from cms.api.schema import printed_schema

    return hashlib.sha256(printed_schema().encode()).hexdigest()[:16]


def cache_key(prefix: str, host: str, question: object) -> str:
    """The one way a cache key is made: same question (anything JSON can hold), same site,
    same schema and API settings: same answer."""
    identity = json.dumps(
        [
            question,
            host,
            schema_fingerprint(),
            settings.GRAPHQL_INTROSPECTION,
            settings.GRAPHQL_LIMITS,
        ],
        sort_keys=True,
        separators=(",", ":"),
    )
    return prefix + hashlib.sha256(identity.encode()).hexdigest()


def answer_key(operation: OperationRequest, host: str) -> str:
    """An operation's answer, keyed on what it asks."""
    question = [operation.query, operation.variables, operation.operation_name]
    return cache_key(ANSWER_PREFIX, host, question)


def may_cache(operation: OperationRequest, request: HttpRequest) -> bool:
    return (
        enabled()
        and not operation.is_preview
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


def lookup(key: str) -> tuple[Any, int]:
    """(cached answer or None, current content version)."""
    found = cache.get_many([VERSION_KEY, key])
    version = found.get(VERSION_KEY)
    if version is None:
        # Seeded with the time, so a version lost from the cache never comes back as an old one.
        cache.add(VERSION_KEY, time.time_ns(), timeout=None)
        version = cache.get(VERSION_KEY)
    entry = found.get(key)
    if entry and entry[0] == version:
        return entry[1], version
    return None, version


def store(key: str, version: int, value: bytes | tuple[bytes, str, str]) -> None:
    """Keep an answer (its serialised body) with the content version it was computed at.
    Answers larger than API_RESPONSE_CACHE_MAX_BYTES are not kept: varying the arguments of a
    large query would otherwise fill the shared cache (and evict what else lives there)."""
    body = value[0] if isinstance(value, tuple) else value
    if len(body) > settings.API_RESPONSE_CACHE_MAX_BYTES:
        return
    cache.set(key, (version, value), timeout=settings.API_RESPONSE_CACHE_TIMEOUT)


def bump_version() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, time.time_ns(), timeout=None)


def content_changed(**kwargs: object) -> None:
    """Move the content version on: every cached answer is stale from now on, in every process.

    Once now, and once more when the transaction commits, so that no answer computed from the
    old rows in between can be stored under the new version.
    """
    bump_version()
    transaction.on_commit(bump_version)


# GET requests: the whole response, keyed on the raw query string, so a hit skips parsing.
GET_PREFIX = "api:get:"


def get_key(request: HttpRequest) -> str:
    """A whole GET response, keyed on the raw query string (so a hit skips parsing)."""
    return cache_key(GET_PREFIX, request.get_host(), request.META.get("QUERY_STRING", ""))


def cached_get(request: HttpRequest) -> HttpResponse | None:
    """The stored response for this exact GET, if still current; None otherwise."""
    from django.http import HttpResponse

    if not enabled() or settings.SESSION_COOKIE_NAME in request.COOKIES:
        return None
    entry, version = lookup(get_key(request))
    if entry is None:
        return None
    body, etag, cache_control = entry
    response = HttpResponse(body, content_type="application/json")
    response["ETag"], response["Cache-Control"] = etag, cache_control
    return response


def store_get(request: HttpRequest, version: int, response: HttpResponse) -> None:
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return
    entry = (response.content, response["ETag"], response["Cache-Control"])
    store(get_key(request), version, entry)
