"""The GraphQL endpoint, `/graphql/`: POST JSON (one operation or a batch) or GET.

HTTP only: the method, the body's size and encoding, the JSON shape, batches and their one
cost budget, and the HTTP caching of GET answers. A request then runs one way through
`cms/api/`: `operation_request` (what the client sent) → `persisted_queries` (hash → text,
allow-list) → `answers` (response cache) → `document_checks` (limits, then validation, cached)
→ `execution` → back here to serialise. Every refusal is a GraphQL error with its own
`extensions.code` (`cms/api/errors.py: ErrorCode`).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from django.conf import settings
from django.http import HttpResponse
from django.urls import path
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from graphene_django.views import GraphQLView

from cms.api import response_cache
from cms.api.answers import BYPASS, HIT, answer
from cms.api.errors import ErrorCode, RequestError
from cms.api.execution import operation_cost
from cms.api.http_caching import not_modified_or, set_cache_headers, set_cache_status
from cms.api.limits import limit
from cms.api.operation_request import OperationRequest

if TYPE_CHECKING:
    from typing import Any

    from django.http import HttpRequest
    from django.urls import URLPattern

JSON = "application/json"


@method_decorator(csrf_exempt, name="dispatch")
class ApiView(View):
    """The GraphQL endpoint. See the module docstring for the way a request runs."""

    http_method_names = ["get", "post", "options"]

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method == "GET":
            if settings.DEBUG and wants_graphiql(request):
                return GraphQLView.as_view(graphiql=True)(request)
            cached = response_cache.cached_get(request)
            if cached is not None:
                response, tags = cached
                return set_cache_status(not_modified_or(request, response), HIT, tags)
        try:
            if request.method not in ("GET", "POST"):
                raise RequestError(
                    "GraphQL takes GET or POST requests.", ErrorCode.METHOD_NOT_ALLOWED, 405
                )
            payload = read_payload(request)
            if isinstance(payload, list):
                return self.batch(request, payload)
            operation = OperationRequest(payload)
            found = answer(operation, request)
        except RequestError as error:
            response = json_response({"errors": [error.as_json()]}, error.status)
            return set_cache_status(response, BYPASS)
        response = HttpResponse(found.body, status=found.status, content_type=JSON)
        if request.method == "GET" and found.status == 200 and found.ok:
            tags = found.tags if found.cache_status != BYPASS else None
            set_cache_headers(response, operation, found.etag, found.preview, tags is not None)
            if found.versions is not None:
                response_cache.store_get(request, found.versions, response)
            return set_cache_status(not_modified_or(request, response), found.cache_status, tags)
        response["Cache-Control"] = "no-store"
        return set_cache_status(response, found.cache_status)

    def batch(self, request: HttpRequest, payloads: list[Any]) -> HttpResponse:
        if not payloads:
            raise RequestError("A batch needs at least one operation.")
        if len(payloads) > limit("MAX_BATCH"):
            raise RequestError(
                f"A batch may hold at most {limit('MAX_BATCH')} operations.",
                ErrorCode.BATCH_TOO_LARGE,
            )
        operations, spent = [], 0
        for payload in payloads:  # one cost budget for the whole batch, before any runs
            try:
                operation = OperationRequest(payload)
            except RequestError as error:
                operations.append(error)
                continue
            spent += operation_cost(operation) or 0
            operation.over_budget = spent > limit("MAX_COST")
            operations.append(operation)
        bodies = []
        for operation in operations:
            try:
                if isinstance(operation, RequestError):
                    raise operation
                bodies.append(answer(operation, request).body)
            except RequestError as error:
                bodies.append(json.dumps({"errors": [error.as_json()]}).encode())
        response = HttpResponse(b"[" + b",".join(bodies) + b"]", content_type=JSON)
        response["Cache-Control"] = "no-store"
        return set_cache_status(response, BYPASS)


def read_payload(request: HttpRequest) -> dict | list:
    """The operation(s) a request carries: GET parameters, or a JSON or GraphQL body."""
    if request.method == "GET":
        return request.GET.dict()
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError as error:
        raise RequestError("Content-Length is not a number.") from error
    if length > limit("MAX_BODY_BYTES"):
        raise RequestError(
            f"The request body is larger than {limit('MAX_BODY_BYTES')} bytes.",
            ErrorCode.REQUEST_TOO_LARGE,
            413,
        )
    try:
        text = request.body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise RequestError("The body is not valid UTF-8.") from error
    if request.content_type == "application/graphql":
        return {"query": text}
    if request.content_type != JSON:
        raise RequestError("Send application/json (or application/graphql).")
    try:
        return json.loads(text)
    except (ValueError, RecursionError) as error:
        raise RequestError("The body is not valid JSON.") from error


def json_response(body: dict[str, Any], status: int) -> HttpResponse:
    return HttpResponse(json.dumps(body, separators=(",", ":")), status=status, content_type=JSON)


def wants_graphiql(request: HttpRequest) -> bool:
    accept = request.headers.get("Accept", "")
    return "text/html" in accept and "raw" not in request.GET and "query" not in request.GET


def graphql_urlpatterns() -> list[URLPattern]:
    return [path("graphql/", ApiView.as_view(), name="graphql")]
