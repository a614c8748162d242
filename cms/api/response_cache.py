"""Cached GraphQL answers, shared by every app process through the Django cache (Redis when
REDIS_URL is set), invalidated by tag: a change makes stale only the answers built from it.

Correct before fast. Every answer names what it was built from (its cache tags,
`cms/cache_tags.py`, recorded while it runs: `cms/api/answer_tags.py`), always including
`all`. The cache keeps one version counter per tag (`api:tag:<tag>`), and a change moves on the
counters of the tags it touches (`cms/signal_handlers.py`). An answer is stored with the
versions of its tags at the time it was computed, and is served only while every one of them
still matches. A counter that is missing (never seeded, or evicted) is seeded with the time,
so it never comes back as an old value: an answer that saw it before is simply stale.

One round trip per lookup. Each process keeps an index, question key → the answer's tags
(an LRU of `API_RESPONSE_CACHE_INDEX_SIZE` questions), so the version counters are read in
the same `get_many` as the answer. Only the first lookup of a question in a process, or one
whose answer's tags changed, needs a second read for the counters it did not know. A miss
costs a read of the counters after computing and a write.

No stale answer is stored: every change moves a global change counter (`api:changes`) before
its tags, once when it happens and once more when its transaction commits. The counter is read
with the lookup, before computing, and again after, after the tag counters; an answer is
stored only when it did not move in between, so an answer computed from rows a change was
replacing is dropped, never stored under the new versions.

GET requests keep the whole response (body, ETag, Cache-Control, tags), keyed on the raw query
string, so a hit skips parsing; it is stored with the versions its answer was served at.

Never cached: previews (a `token`), requests carrying a session cookie (an editor may be
logged in), answers with errors, and answers with a part no tag describes.
"""

from __future__ import annotations

import hashlib
import json
import sys
import threading
import time
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

from cms.cache_tags import ALL, coarsened

if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any

    from django.http import HttpRequest, HttpResponse

    from cms.api.operation_request import OperationRequest

ANSWER_PREFIX = "api:answer:"
TAG_PREFIX = "api:tag:"  # one version counter per tag
CHANGES_KEY = "api:changes"  # moves on with every change

# Process-local: question key → the tags of its stored answer (see the module docstring), the
# least recently used first; at most API_RESPONSE_CACHE_INDEX_SIZE questions, their tag strings
# interned (shared by every answer that names them).
_tags_of: dict[str, tuple[str, ...]] = {}
_index_lock = threading.Lock()


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


def tag_key(tag: str) -> str:
    return TAG_PREFIX + tag


@dataclass
class Lookup:
    """What a lookup found: the stored value and the tag versions it is valid at (None on a
    miss), and the change counter before computing (for `store`)."""

    value: Any
    versions: dict[str, int] | None
    changes: int


def lookup(key: str) -> Lookup:
    """The answer stored under `key` if every tag version it was stored with still holds.
    One `get_many` when this process has seen the question before (see the module docstring)."""
    known = known_tags(key)
    keys = [key, *(tag_key(tag) for tag in known), CHANGES_KEY]
    found = cache.get_many(keys)
    changes = found.get(CHANGES_KEY)
    if changes is None:
        changes = seeded([CHANGES_KEY])[CHANGES_KEY]
    entry = found.get(key)
    if entry is None:
        return Lookup(None, None, changes)
    versions, value = entry
    if tuple(versions) != known:  # first lookup here, or the answer's tags changed
        remember(key, tuple(versions))
        unread = [tag_key(tag) for tag in versions if tag not in known]
        found.update(cache.get_many(unread))
    if all(found.get(tag_key(tag)) == version for tag, version in versions.items()):
        return Lookup(value, versions, changes)
    return Lookup(None, None, changes)


def known_tags(key: str) -> tuple[str, ...]:
    """The tags this process remembers for `key` (now its most recently used), or ()."""
    with _index_lock:
        tags = _tags_of.pop(key, None)
        if tags is None:
            return ()
        _tags_of[key] = tags
        return tags


def remember(key: str, tags: tuple[str, ...]) -> None:
    """Remember `key`'s tags, forgetting the least recently used questions past the bound
    (a forgotten question costs its next lookup a second read, once)."""
    tags = tuple(sys.intern(tag) for tag in tags)
    size = settings.API_RESPONSE_CACHE_INDEX_SIZE
    with _index_lock:
        _tags_of.pop(key, None)
        _tags_of[key] = tags
        while len(_tags_of) > size:
            del _tags_of[next(iter(_tags_of))]


def seeded(keys: list[str]) -> dict[str, int]:
    """Seed missing counters with the time (never an old value) and read them back."""
    for key in keys:
        cache.add(key, time.time_ns(), timeout=None)
    return cache.get_many(keys)


def bounded(tags: Iterable[str]) -> frozenset[str]:
    """The tags to store an answer with: at most API_RESPONSE_CACHE_MAX_TAGS counters read per
    lookup; past that, object tags give way to their models' listings (which every change to
    those objects also moves: correct, only broader)."""
    tags = frozenset(tags) | {ALL}
    if len(tags) <= settings.API_RESPONSE_CACHE_MAX_TAGS:
        return tags
    return frozenset(broad for tag in tags for broad in coarsened(tag))


def current_versions(tags: frozenset[str], changes: int) -> dict[str, int] | None:
    """The versions of `tags` now; None when content changed since the lookup (`changes`)."""
    keys = [tag_key(tag) for tag in tags]
    found = cache.get_many([*keys, CHANGES_KEY])  # the change counter last (module docstring)
    missing = [key for key in keys if key not in found]
    if missing:
        found.update(seeded([*missing, CHANGES_KEY]))
    if found.get(CHANGES_KEY) != changes:
        return None
    return {tag: found[tag_key(tag)] for tag in tags}


def store(
    key: str, value: bytes | tuple[Any, ...], tags: Iterable[str], changes: int
) -> dict[str, int] | None:
    """Keep an answer (its serialised body) with the current versions of its tags; returns
    them, or None when it was not kept. Answers larger than API_RESPONSE_CACHE_MAX_BYTES are
    not kept: varying the arguments of a large query would otherwise fill the shared cache
    (and evict what else lives there)."""
    body = value[0] if isinstance(value, tuple) else value
    if len(body) > settings.API_RESPONSE_CACHE_MAX_BYTES:
        return None
    versions = current_versions(bounded(tags), changes)
    if versions is not None:
        keep(key, versions, value)
    return versions


def keep(key: str, versions: dict[str, int], value: object) -> None:
    cache.set(key, (versions, value), timeout=settings.API_RESPONSE_CACHE_TIMEOUT)
    remember(key, tuple(versions))


def fits(body: bytes) -> bool:
    return len(body) <= settings.API_RESPONSE_CACHE_MAX_BYTES


def bump(tags: Iterable[str]) -> None:
    """Move the counters of `tags` on (the change counter first: module docstring)."""
    for key in [CHANGES_KEY, *(tag_key(tag) for tag in sorted(tags))]:
        try:
            cache.incr(key)
        except ValueError:  # missing: a new value no stored answer has seen
            cache.set(key, time.time_ns(), timeout=None)


def tags_changed(tags: Iterable[str]) -> None:
    """Answers built from what `tags` name are stale from now on, in every process.

    Once now, and once more when the transaction commits, so that no answer computed from the
    old rows in between can be stored under the new versions.
    """
    tags = frozenset(tags)
    bump(tags)
    transaction.on_commit(lambda: bump(tags))


def content_changed(**kwargs: object) -> None:
    """Everything may have changed (a bulk import, say): every cached answer is stale."""
    tags_changed({ALL})


# GET requests: the whole response, keyed on the raw query string, so a hit skips parsing.
GET_PREFIX = "api:get:"


def get_key(request: HttpRequest) -> str:
    """A whole GET response, keyed on the raw query string (so a hit skips parsing)."""
    return cache_key(GET_PREFIX, request.get_host(), request.META.get("QUERY_STRING", ""))


def cached_get(request: HttpRequest) -> tuple[HttpResponse, frozenset[str]] | None:
    """The stored response for this exact GET and its tags, if still current; None otherwise."""
    from django.http import HttpResponse

    if not enabled() or settings.SESSION_COOKIE_NAME in request.COOKIES:
        return None
    found = lookup(get_key(request))
    if found.value is None:
        return None
    body, etag, cache_control = found.value
    response = HttpResponse(body, content_type="application/json")
    response["ETag"], response["Cache-Control"] = etag, cache_control
    return response, frozenset(found.versions)


def store_get(request: HttpRequest, versions: dict[str, int], response: HttpResponse) -> None:
    """Keep a GET response at the tag versions its answer was served at."""
    if settings.SESSION_COOKIE_NAME in request.COOKIES or not fits(response.content):
        return
    entry = (response.content, response["ETag"], response["Cache-Control"])
    keep(get_key(request), versions, entry)
