"""HTTP caching of GET answers: Cache-Control, ETag, and 304 Not Modified through Django's
own conditional-response helper."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.utils.cache import get_conditional_response

from cms.api.operation_request import OperationRequest

if TYPE_CHECKING:
    from django.http import HttpRequest, HttpResponse


def set_cache_headers(
    response: HttpResponse, operation: OperationRequest, etag: str, served_draft: bool = False
) -> None:
    """GET answers carry an ETag; persisted, non-preview ones may be cached by a CDN."""
    preview = served_draft or operation.is_preview
    if operation.persisted_hash and not preview:
        response["Cache-Control"] = f"public, max-age={settings.GRAPHQL_CACHE_MAX_AGE}"
    else:
        response["Cache-Control"] = "no-store" if preview else "no-cache"
    response["ETag"] = etag


def not_modified_or(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    """304 when the client already holds this answer (If-None-Match), else the answer."""
    return get_conditional_response(request, etag=response["ETag"], response=response)
