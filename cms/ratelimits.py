"""Per-client rate limits on `/graphql/` and the admin sign-in, counted by django-ratelimit.

Limits come from `settings.RATE_LIMITS` (documented in `cms/settings/base.py`); the counters
live in the default cache, so they are shared by every process when REDIS_URL is set. A
refusal is HTTP 429 with `Retry-After`: on `/graphql/` a GraphQL error with the code
`RATE_LIMITED`, on the admin a short page saying when to try again.

`/graphql/` has two budgets per client address: every request, and the requests that reach the
database (answers not served from the response cache). The second is counted at a request's
first SQL statement, and past it that statement is refused and the answer is a 429; answers
already cached (no SQL) are still served.
"""

import ipaddress
import json
import math

from django.conf import settings
from django.db import connection
from django.http import HttpResponse
from django.template.loader import render_to_string
from django_ratelimit.core import get_usage

RATE_LIMITED = "RATE_LIMITED"
GRAPHQL_PATH = "/graphql/"
ADMIN_LOGIN_PATH = "/admin/login/"
ADMIN_PASSWORD_RESET_PATH = "/admin/password_reset/"


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
                "extensions": {"code": RATE_LIMITED, "retryAfter": seconds},
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


def username_key(group, request):
    return request.POST.get("username", "").strip().lower()


class UncachedBudget:
    """Counts a request against the uncached budget at its first SQL statement (an answer from
    the response cache runs none, so costs nothing); past the budget, refuses every statement."""

    def __init__(self, request):
        self.request = request
        self.refusal = None  # the usage that refused, once spent
        self.counted = False

    def __call__(self, execute, sql, params, many, context):
        if not self.counted:
            self.counted = True
            found = usage(self.request, "GRAPHQL_UNCACHED", "ip")
            if exceeded(found):
                self.refusal = found
        if self.refusal is not None:
            from cms.api.errors import ApiError

            raise ApiError("Too many requests.", RATE_LIMITED)
        return execute(sql, params, many, context)


class RateLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not getattr(settings, "RATELIMIT_ENABLE", True):
            return self.get_response(request)
        path = request.path_info
        if path == GRAPHQL_PATH and request.method in ("GET", "POST"):
            return self.graphql(request)
        if request.method == "POST" and path == ADMIN_LOGIN_PATH:
            refused = self.admin_login(request)
            if refused is not None:
                return refused
        if request.method == "POST" and path == ADMIN_PASSWORD_RESET_PATH:
            found = usage(request, "ADMIN_PASSWORD_RESET_IP", "ip")
            if exceeded(found):
                return admin_refusal(request, found, "password reset requests")
        return self.get_response(request)

    def admin_login(self, request):
        by_ip = usage(request, "ADMIN_LOGIN_IP", "ip")
        by_username = usage(request, "ADMIN_LOGIN_USERNAME", username_key)
        for found in (by_ip, by_username):
            if exceeded(found):
                return admin_refusal(request, found, "sign-in attempts")
        return None

    def graphql(self, request):
        found = usage(request, "GRAPHQL", "ip")
        if exceeded(found):
            return graphql_refusal(found)
        if not settings.RATE_LIMITS.get("GRAPHQL_UNCACHED"):
            return self.get_response(request)
        budget = UncachedBudget(request)
        with connection.execute_wrapper(budget):
            response = self.get_response(request)
        # The work stopped at its first SQL statement; whatever the view made of that, the
        # client is told to come back later.
        return graphql_refusal(budget.refusal) if budget.refusal is not None else response
