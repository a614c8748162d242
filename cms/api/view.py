"""The GraphQL endpoint, `/graphql/`: POST JSON (one operation or a batch) or GET.

In order, each request is checked for: method and body size, JSON shape, persisted-query
hash (Apollo's automatic persisted queries, and the operations the frontend contract
registers), the allow-list in production, query length and tokens, aliases, shape (operations,
fragments, repeated fields), depth and cost, then GraphQL validation (the standard rules, plus
no introspection unless enabled; the slowest check, so it comes last). A batch has one cost
budget: operations past it are refused before any runs. Only then does it run. Every refusal
is a GraphQL error with its own `extensions.code`.
"""

import hashlib
import json
import re
from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotModified
from django.urls import path
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from graphene_django.views import GraphQLView
from graphql import (
    GraphQLSyntaxError,
    OperationType,
    StringValueNode,
    execute,
    get_operation_ast,
    parse,
    specified_rules,
    validate,
)
from graphql.language import Node
from graphql.validation import NoSchemaIntrospectionCustomRule

from cms.api import errors, loaders, response_cache
from cms.api.errors import ApiError, format_graphql_error, format_graphql_errors
from cms.api.limits import (
    TOO_COMPLEX,
    check_aliases,
    check_depth_and_cost,
    check_shape,
    check_token_count,
    limit,
)
from cms.api.operations import operations_by_hash, sha256_of

PERSISTED_QUERY_NOT_FOUND = "PERSISTED_QUERY_NOT_FOUND"
PERSISTED_QUERY_NOT_ALLOWED = "PERSISTED_QUERY_NOT_ALLOWED"
PERSISTED_QUERY_HASH_MISMATCH = "PERSISTED_QUERY_HASH_MISMATCH"
QUERY_TOO_LARGE = "QUERY_TOO_LARGE"
REQUEST_TOO_LARGE = "REQUEST_TOO_LARGE"
BATCH_TOO_LARGE = "BATCH_TOO_LARGE"
APQ_CACHE_PREFIX = "apq:"
APQ_TIMEOUT = 7 * 24 * 3600  # a client re-registers a query it finds missing
PREVIEW_ARGUMENT = re.compile(r"\btoken\s*:")


class RequestError(Exception):
    """The request itself is wrong (before any GraphQL runs); carries an HTTP status."""

    def __init__(self, message, code=errors.BAD_REQUEST, status=400):
        super().__init__(message)
        self.code, self.status = code, status

    def as_json(self):
        return {"message": str(self), "extensions": {"code": self.code}}


def schema():
    from cms.api.schema import schema as public_schema

    return public_schema.graphql_schema


def json_field(value, name):
    """GET sends variables and extensions as JSON strings; POST as objects."""
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except (ValueError, RecursionError) as error:
            raise RequestError(f"`{name}` is not valid JSON.") from error
    if value is not None and not isinstance(value, dict):
        raise RequestError(f"`{name}` must be a JSON object.")
    return value


class Operation:
    """One GraphQL request, after its parameters are read and its persisted query resolved."""

    def __init__(self, payload):
        if not isinstance(payload, dict):
            raise RequestError("Each operation must be a JSON object.")
        self.query = payload.get("query")
        self.variables = json_field(payload.get("variables"), "variables")
        self.extensions = json_field(payload.get("extensions"), "extensions") or {}
        self.operation_name = payload.get("operationName") or None
        if self.query is not None and not isinstance(self.query, str):
            raise RequestError("`query` must be a string.")
        if self.operation_name is not None and not isinstance(self.operation_name, str):
            raise RequestError("`operationName` must be a string.")
        self.persisted_hash = self.read_persisted_hash()
        self.over_budget = False  # set by a batch whose total cost this operation would break
        self.to_register = False  # an APQ registration, stored once the query passes the checks

    def cost(self):
        """What the operation would cost, or None when a check refuses it (running it then
        reports why)."""
        try:
            self.resolve_query_text()
            _, measure, invalid = checked_document(self.query, self.variables, self.operation_name)
        except (ApiError, RequestError):
            return None
        return None if invalid else measure.cost

    def read_persisted_hash(self):
        persisted = self.extensions.get("persistedQuery")
        if persisted is None:
            return None
        digest = persisted.get("sha256Hash") if isinstance(persisted, dict) else None
        if not isinstance(digest, str) or not re.fullmatch(r"[0-9a-f]{64}", digest):
            raise RequestError(
                "`extensions.persistedQuery.sha256Hash` must be a sha256 hex digest."
            )
        return digest

    @property
    def is_preview(self):
        return "token" in (self.variables or {}) or bool(PREVIEW_ARGUMENT.search(self.query or ""))

    def resolve_query_text(self):
        """Fill in `query` from a persisted hash, or register it; enforce the allow-list."""
        registered = operations_by_hash()
        digest = self.persisted_hash
        if digest and self.query is None:
            operation = registered.get(digest)
            self.query = operation.text if operation else cache.get(APQ_CACHE_PREFIX + digest)
            if self.query is None:
                raise ApiError("PersistedQueryNotFound", PERSISTED_QUERY_NOT_FOUND)
        elif digest:
            if sha256_of(self.query) != digest:
                raise ApiError(
                    "The query's sha256 does not match extensions.persistedQuery.sha256Hash.",
                    PERSISTED_QUERY_HASH_MISMATCH,
                )
            # Stored once every check has passed (`register_persisted_query`), so the cache
            # never keeps text that would be refused.
            self.to_register = digest not in registered and not settings.GRAPHQL_ALLOWLIST_ONLY
        if self.query is None:
            raise RequestError("Must provide a query string or a persisted query hash.")
        if settings.GRAPHQL_ALLOWLIST_ONLY and sha256_of(self.query) not in registered:
            raise ApiError(
                "Only the registered operations of the frontend contract are accepted here.",
                PERSISTED_QUERY_NOT_ALLOWED,
            )


@lru_cache(maxsize=512)
def parsed_document(query, max_tokens):
    """(document, syntax errors) for a query text, parsed and given the cheap, linear checks
    (aliases, shape, NUL) once per process, however often the same query is asked."""
    try:
        document = parse(query, max_tokens=max_tokens)
    except GraphQLSyntaxError as error:
        if "tokens" in error.message:
            raise ApiError("The query has too many tokens.", QUERY_TOO_LARGE) from error
        return None, [error]
    check_aliases(document)
    check_shape(document)
    if document_contains_nul(document):
        raise ApiError("Strings may not contain NUL characters.", errors.BAD_USER_INPUT)
    return document, []


@lru_cache(maxsize=512)
def validation_errors(query, max_tokens, introspection):
    """graphql-core's standard validation of a parsed query (run after the cost check, as it
    is the slowest check), once per process."""
    document, _ = parsed_document(query, max_tokens)
    rules = list(specified_rules)
    if not introspection:
        rules.append(NoSchemaIntrospectionCustomRule)
    return validate(schema(), document, rules, max_errors=20)


def checked_document(query, variables=None, operation_name=None):
    """(document, measure, errors): every check short of running, in order (length, tokens,
    aliases, shape, NUL, depth and cost, validation). Raises ApiError for a refusal."""
    if len(query) > limit("MAX_QUERY_LENGTH"):
        raise ApiError(
            f"The query is longer than {limit('MAX_QUERY_LENGTH')} characters.",
            QUERY_TOO_LARGE,
        )
    check_token_count(query)
    document, syntax_errors = parsed_document(query, limit("MAX_TOKENS"))
    if syntax_errors:
        return None, None, syntax_errors
    if contains_nul(variables):
        raise ApiError("Strings may not contain NUL characters.", errors.BAD_USER_INPUT)
    measure = check_depth_and_cost(schema(), document, operation_name, variables)
    invalid = validation_errors(query, limit("MAX_TOKENS"), settings.GRAPHQL_INTROSPECTION)
    return document, measure, invalid


def never_awaitable(value):
    """Every resolver here is synchronous: skip graphql-core's per-field awaitable check."""
    return False


def contains_nul(variables):
    """NUL can't be stored or looked up in PostgreSQL text: refuse it before any query."""
    return bool(variables) and "\\u0000" in json.dumps(variables)


def document_contains_nul(document):
    stack = [document]
    while stack:
        node = stack.pop()
        if isinstance(node, StringValueNode) and "\x00" in node.value:
            return True
        for key in node.keys:
            child = getattr(node, key, None)
            if isinstance(child, Node):
                stack.append(child)
            elif isinstance(child, (list, tuple)):
                stack.extend(item for item in child if isinstance(item, Node))
    return False


@dataclass
class Answer:
    """One operation's answer, serialised once (and stored that way in the response cache)."""

    body: bytes
    status: int = 200
    ok: bool = True  # no errors
    version: int | None = None  # the content version it was computed at, when cacheable
    preview: bool = False  # holds a draft: never cached, anywhere

    @classmethod
    def from_result(cls, result, status, preview=False):
        body = json.dumps(result, separators=(",", ":")).encode()
        return cls(body, status, "errors" not in result, preview=preview)

    @property
    def etag(self):
        return '"' + hashlib.sha256(self.body).hexdigest()[:32] + '"'


def run(operation, request):
    """Answer one operation, from the response cache when it may."""
    try:
        operation.resolve_query_text()
        if operation.over_budget:
            raise ApiError(
                f"The batch would cost more than {limit('MAX_COST')} in all; this operation "
                "was not run. Send fewer or cheaper operations.",
                TOO_COMPLEX,
            )
    except ApiError as error:
        status = 200 if error.extensions["code"] == PERSISTED_QUERY_NOT_FOUND else 400
        return Answer.from_result({"errors": [format_graphql_error(error)]}, status)
    if not response_cache.may_cache(operation, request):
        return Answer.from_result(*execute_operation(operation, request))
    key = response_cache.answer_key(operation, request.get_host())
    cached, version = response_cache.lookup(key)
    if cached is not None:
        return Answer(cached, version=version)
    answer = Answer.from_result(*execute_operation(operation, request))
    if answer.status == 200 and answer.ok and not answer.preview:
        response_cache.store(key, version, answer.body)
        answer.version = version
    return answer


def register_persisted_query(operation):
    """Keep an APQ registration (its hash already checked) for later requests by hash."""
    if operation.to_register:
        cache.set(APQ_CACHE_PREFIX + operation.persisted_hash, operation.query, APQ_TIMEOUT)
        operation.to_register = False


def execute_operation(operation, request):
    """Check and execute one operation whose query text is known."""
    try:
        document, measure, invalid = checked_document(
            operation.query, operation.variables, operation.operation_name
        )
        if invalid:
            return {"errors": [format_graphql_error(e) for e in invalid]}, 400, False
        operation_ast = get_operation_ast(document, operation.operation_name)
        if operation_ast is None:
            raise RequestError(
                "Unknown operation name."
                if operation.operation_name
                else "Name the operation to run."
            )
        if schema().get_root_type(operation_ast.operation) is None:
            raise ApiError(
                f"This API has no {operation_ast.operation.value} operations.",
                errors.VALIDATION_FAILED,
            )
        if request.method == "GET" and operation_ast.operation != OperationType.QUERY:
            raise RequestError("Only queries can be sent with GET.", errors.METHOD_NOT_ALLOWED, 405)
    except ApiError as error:
        return {"errors": [format_graphql_error(error)]}, 400, False
    register_persisted_query(operation)
    with loaders.request_scope() as scope:
        result = execute(
            schema(),
            document,
            context_value=request,
            variable_values=operation.variables,
            operation_name=operation.operation_name,
            is_awaitable=never_awaitable,
        )
    response = {}
    status = 200
    if result.errors:
        response["errors"] = format_graphql_errors(result.errors)
        if any(not e.path for e in result.errors):
            status = 400
    if status == 200:
        response["data"] = result.data
    response["extensions"] = {"cost": {"requested": measure.cost, "maximum": limit("MAX_COST")}}
    return response, status, bool(scope.get("preview"))


@method_decorator(csrf_exempt, name="dispatch")
class ApiView(View):
    """The GraphQL endpoint. See the module docstring for the order of checks."""

    http_method_names = ["get", "post", "options"]

    def dispatch(self, request, *args, **kwargs):
        if request.method == "GET":
            if settings.DEBUG and wants_graphiql(request):
                return GraphQLView.as_view(graphiql=True)(request)
            cached = response_cache.cached_get(request)
            if cached is not None:
                return not_modified_or(request, cached)
        try:
            if request.method not in ("GET", "POST"):
                raise RequestError(
                    "GraphQL takes GET or POST requests.", errors.METHOD_NOT_ALLOWED, 405
                )
            payload = self.payload(request)
            if isinstance(payload, list):
                return self.batch(request, payload)
            operation = Operation(payload)
            answer = run(operation, request)
        except RequestError as error:
            return json_response({"errors": [error.as_json()]}, error.status)
        response = HttpResponse(answer.body, status=answer.status, content_type=JSON)
        if request.method == "GET" and answer.status == 200 and answer.ok:
            cache_headers(response, operation, answer.etag, answer.preview)
            if answer.version is not None:
                response_cache.store_get(request, answer.version, response)
            return not_modified_or(request, response)
        response["Cache-Control"] = "no-store"
        return response

    def payload(self, request):
        if request.method == "GET":
            return request.GET.dict()
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError as error:
            raise RequestError("Content-Length is not a number.") from error
        if length > limit("MAX_BODY_BYTES"):
            raise RequestError(
                f"The request body is larger than {limit('MAX_BODY_BYTES')} bytes.",
                REQUEST_TOO_LARGE,
                413,
            )
        content_type = request.content_type
        try:
            text = request.body.decode("utf-8")
        except UnicodeDecodeError as error:
            raise RequestError("The body is not valid UTF-8.") from error
        if content_type == "application/graphql":
            return {"query": text}
        if content_type != "application/json":
            raise RequestError("Send application/json (or application/graphql).")
        try:
            return json.loads(text)
        except (ValueError, RecursionError) as error:
            raise RequestError("The body is not valid JSON.") from error

    def batch(self, request, payloads):
        if not payloads:
            raise RequestError("A batch needs at least one operation.")
        if len(payloads) > limit("MAX_BATCH"):
            raise RequestError(
                f"A batch may hold at most {limit('MAX_BATCH')} operations.", BATCH_TOO_LARGE
            )
        operations, spent = [], 0
        for payload in payloads:  # one cost budget for the whole batch, before any runs
            try:
                operation = Operation(payload)
            except RequestError as error:
                operations.append(error)
                continue
            spent += operation.cost() or 0
            operation.over_budget = spent > limit("MAX_COST")
            operations.append(operation)
        bodies = []
        for operation in operations:
            try:
                if isinstance(operation, RequestError):
                    raise operation
                bodies.append(run(operation, request).body)
            except RequestError as error:
                bodies.append(json.dumps({"errors": [error.as_json()]}).encode())
        response = HttpResponse(b"[" + b",".join(bodies) + b"]", content_type=JSON)
        response["Cache-Control"] = "no-store"
        return response


JSON = "application/json"


def json_response(body, status):
    return HttpResponse(json.dumps(body, separators=(",", ":")), status=status, content_type=JSON)


def wants_graphiql(request):
    accept = request.headers.get("Accept", "")
    return "text/html" in accept and "raw" not in request.GET and "query" not in request.GET


def cache_headers(response, operation, etag, served_draft=False):
    """GET answers carry an ETag; persisted, non-preview ones may be cached by a CDN."""
    preview = served_draft or operation.is_preview
    if operation.persisted_hash and not preview:
        response["Cache-Control"] = f"public, max-age={settings.GRAPHQL_CACHE_MAX_AGE}"
    else:
        response["Cache-Control"] = "no-store" if preview else "no-cache"
    response["ETag"] = etag


def not_modified_or(request, response):
    """304 when the client already holds this answer (If-None-Match), else the answer."""
    matches = request.headers.get("If-None-Match", "")
    if matches and response["ETag"] in [tag.strip() for tag in matches.split(",")]:
        not_modified = HttpResponseNotModified()
        for header in ("ETag", "Cache-Control"):
            not_modified[header] = response[header]
        return not_modified
    return response


def graphql_urlpatterns():
    return [path("graphql/", ApiView.as_view(), name="graphql")]
