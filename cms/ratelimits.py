"""Per-client rate limits on `/graphql/` and on password checks, counted by django-ratelimit.

Limits come from `settings.RATE_LIMITS` (documented in `cms/settings/base.py`); the counters
live in the default cache, so they are shared by every process when REDIS_URL is set. A
refusal is HTTP 429 with `Retry-After`: on `/graphql/` a GraphQL error with the code
`RATE_LIMITED`, on the admin a short page saying when to try again.

`/graphql/` has two budgets per client address: every request, and the requests that reach the
database (answers not served from the response cache). The second is counted at a request's
first SQL statement, and past it that statement is refused and the answer is a 429; answers
already cached (no SQL) are still served. Every operation of a batch counts against both.

Every password check shares the sign-in budgets: `RateLimitedModelBackend` (in place of
Django's ModelBackend) counts each call of Django's `authenticate()` with a request, per
address and per username, whatever form made it (`/admin/login/`, Wagtail's `/_util/login/`);
the page and collection password forms (found by their Wagtail URL names) spend the per-address
budget. A refusal is the same 429 page.
"""

import ipaddress
import json
import math

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.db import connection
from django.http import HttpResponse
from django.template.loader import render_to_string
from django_ratelimit.core import get_usage

from cms.api.errors import ErrorCode

GRAPHQL_PATH = "/graphql/"
ADMIN_PASSWORD_RESET_PATH = "/admin/password_reset/"
# Wagtail's forms that check a page's or a collection's password (no username).
PASSWORD_FORM_URL_NAMES = frozenset(
    {"wagtailcore_authenticate_with_password", "wagtaildocs_authenticate_with_password"}
)
SIGN_IN_REFUSAL = "_sign_in_refusal"


def client_ip(request):
    """The client's address: from `CLIENT_IP_HEADER` when it holds one, else REMOTE_ADDR.

    A header such as X-Forwarded-For may hold a list; its last entry is the one the trusted
    proxy appended (earlier entries come from the client and can be anything).
    """
    header = settings.CLIENT_IP_HEADER.upper().replace("-", "_")
    if header not in ("REMOTE_ADDR", "") and not header.startswith("HTTP_"):
        header = "HTTP_" + header
    candidate = request.META.get(header, "").split(",")[-1].strip()
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return request.META.get("REMOTE_ADDR") or "0.0.0.0"


def usage(request, group, key, increment=True):
    """django-ratelimit's count for one budget, or None when that budget is off."""
    rate = settings.RATE_LIMITS.get(group)
    if not rate:
        return None
    return get_usage(request, group=group, key=key, rate=rate, increment=increment)


def exceeded(found):
    return found is not None and found["should_limit"]


def retry_after(found):
    return max(1, math.ceil(found["time_left"]))


def graphql_refusal(found):
    seconds = retry_after(found)
    body = {
        "errors": [
            {
                "message": f"Too many requests. Try again in {seconds} seconds.",
                "extensions": {"code": str(ErrorCode.RATE_LIMITED), "retryAfter": seconds},
            }
        ]
    }
    response = HttpResponse(json.dumps(body), status=429, content_type="application/json")
    response["Retry-After"] = str(seconds)
    response["Cache-Control"] = "no-store"
    return response


def admin_refusal(request, found, what):
    seconds = retry_after(found)
    html = render_to_string(
        "cms/rate_limited.html",
        {"what": what, "minutes": math.ceil(seconds / 60), "seconds": seconds},
        request=request,
    )
    response = HttpResponse(html, status=429)
    response["Retry-After"] = str(seconds)
    response["Cache-Control"] = "no-store"
    return response


def enabled():
    return getattr(settings, "RATELIMIT_ENABLE", True)


def sign_in_refusal(request, username):
    """The usage that refuses this password check, or None. Counts it against the
    per-address budget, and against the per-username one when there is a username."""
    budgets = [usage(request, "ADMIN_LOGIN_IP", "ip")]
    if username is not None:
        name = str(username).strip().lower()
        budgets.append(usage(request, "ADMIN_LOGIN_USERNAME", lambda group, request: name))
    return next((found for found in budgets if exceeded(found)), None)


class RateLimitedModelBackend(ModelBackend):
    """Django's ModelBackend, counting every `authenticate()` call that has a request against
    the sign-in budgets. Past them it checks no password (so not even the right one signs in)
    and has the middleware answer 429. Any other backend goes after it."""

    def authenticate(self, request, username=None, password=None, **credentials):
        if request is not None and enabled():
            name = credentials.get(get_user_model().USERNAME_FIELD, username)
            found = sign_in_refusal(request, name)
            if found is not None:
                setattr(request, SIGN_IN_REFUSAL, found)
                raise PermissionDenied("Too many sign-in attempts.")
        return super().authenticate(request, username=username, password=password, **credentials)


def operations_in(request):
    """How many operations a /graphql/ request holds: a batch's length (when the view would
    run it), else 1."""
    if request.method != "POST" or request.content_type != "application/json":
        return 1
    from cms.api.limits import limit

    try:
        if int(request.META.get("CONTENT_LENGTH") or 0) > limit("MAX_BODY_BYTES"):
            return 1
        payload = json.loads(request.body.decode("utf-8"))
    except (ValueError, RecursionError, RequestDataTooBig):
        return 1  # the view answers these
    if isinstance(payload, list) and 0 < len(payload) <= limit("MAX_BATCH"):
        return len(payload)
    return 1


class UncachedBudget:
    """Counts a request against the uncached budget at its first SQL statement (an answer from
    the response cache runs none, so costs nothing), and once more for each further operation
    of a batch that runs SQL; past the budget, refuses every statement."""

    def __init__(self, request):
        self.request = request
        self.refusal = None  # the usage that refused, once spent
        self.charged = 0
        self.scopes = []  # the operations (their loaders scopes) that ran SQL

    def charge(self):
        self.charged += 1
        found = usage(self.request, "GRAPHQL_UNCACHED", "ip")
        if exceeded(found):
            self.refusal = found

    def __call__(self, execute, sql, params, many, context):
        from cms.api import loaders

        scope = loaders._loaded.get()  # one store per operation, None outside them
        if self.refusal is not None:
            pass
        elif scope is None:
            if not self.charged:
                self.charge()
        elif not any(seen is scope for seen in self.scopes):
            self.scopes.append(scope)
            if len(self.scopes) > self.charged:
                self.charge()
        if self.refusal is not None:
            from cms.api.errors import ApiError

            raise ApiError("Too many requests.", ErrorCode.RATE_LIMITED)
        return execute(sql, params, many, context)


class RateLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not enabled():
            return self.get_response(request)
        path = request.path_info
        if path == GRAPHQL_PATH and request.method in ("GET", "POST"):
            return self.graphql(request)
        if request.method == "POST" and path == ADMIN_PASSWORD_RESET_PATH:
            found = usage(request, "ADMIN_PASSWORD_RESET_IP", "ip")
            if exceeded(found):
                return admin_refusal(request, found, "password reset requests")
        response = self.get_response(request)
        found = getattr(request, SIGN_IN_REFUSAL, None)
        if found is not None:  # RateLimitedModelBackend stopped a password check
            return admin_refusal(request, found, "sign-in attempts")
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if (
            enabled()
            and request.method == "POST"
            and match is not None
            and match.url_name in PASSWORD_FORM_URL_NAMES
        ):
            found = sign_in_refusal(request, None)
            if found is not None:
                return admin_refusal(request, found, "password attempts")
        return None

    def graphql(self, request):
        found = None
        for _ in range(operations_in(request)):  # every operation of a batch counts
            found = usage(request, "GRAPHQL", "ip")
        if exceeded(found):
            return graphql_refusal(found)
        if not settings.RATE_LIMITS.get("GRAPHQL_UNCACHED"):
            return self.get_response(request)
        budget = UncachedBudget(request)
        with connection.execute_wrapper(budget):
            response = self.get_response(request)
        # The work stopped at its first SQL statement past the budget; whatever the view made
        # of that, the client is told to come back later.
        return graphql_refusal(budget.refusal) if budget.refusal is not None else response
