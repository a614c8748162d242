"""HTTP caching of GET answers: Cache-Control, ETag, and 304 Not Modified through Django's
own conditional-response helper; on every answer `X-Cache-Status` (HIT, MISS, BYPASS), and on
cacheable GET answers their cache tags, for a CDN that purges by tag.

The tag header's name is `API_CACHE_TAG_HEADER`: `Cache-Tag` (Cloudflare: comma-separated) by
default, `Surrogate-Key` (Fastly) or `xkey` (Varnish), space-separated. It holds at most
`API_CACHE_TAG_HEADER_MAX_LENGTH` characters: a longer list gives way to broader tags, each
object's replaced by its model's listing (which every change to the object also purges), and
`all` alone if even that is too long."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.utils.cache import get_conditional_response

from cms.api.operation_request import OperationRequest
from cms.cache_tags import ALL, coarsened

if TYPE_CHECKING:
    from collections.abc import Iterable

    from django.http import HttpRequest, HttpResponse

CACHE_STATUS_HEADER = "X-Cache-Status"


def set_cache_headers(
    response: HttpResponse,
    operation: OperationRequest,
    etag: str,
    served_draft: bool = False,
    tagged: bool = True,
) -> None:
    """GET answers carry an ETag; persisted, non-preview ones may be cached by a CDN when they
    carry their tags (`tagged`): one without them could never be purged."""
    preview = served_draft or operation.is_preview
    if operation.persisted_hash and not preview and tagged:
        response["Cache-Control"] = f"public, max-age={settings.GRAPHQL_CACHE_MAX_AGE}"
    else:
        response["Cache-Control"] = "no-store" if preview else "no-cache"
    response["ETag"] = etag


def not_modified_or(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    """304 when the client already holds this answer (If-None-Match), else the answer."""
    return get_conditional_response(request, etag=response["ETag"], response=response)


def tag_header_value(tags: Iterable[str]) -> str:
    """The tags as the configured header writes them, bounded (see the module docstring)."""
    name = settings.API_CACHE_TAG_HEADER
    separator = "," if name.lower() == "cache-tag" else " "
    limit = settings.API_CACHE_TAG_HEADER_MAX_LENGTH
    tags = frozenset(tags) | {ALL}
    value = separator.join(sorted(tags))
    if len(value) > limit:
        value = separator.join(sorted({broad for tag in tags for broad in coarsened(tag)}))
    return value if len(value) <= limit else ALL


def set_cache_status(
    response: HttpResponse, status: str, tags: Iterable[str] | None = None
) -> HttpResponse:
    """`X-Cache-Status`, and the tag header when `tags` are given (cacheable GET answers)."""
    response[CACHE_STATUS_HEADER] = status
    if tags is not None:
        response[settings.API_CACHE_TAG_HEADER] = tag_header_value(tags)
    return response
