"""Django's own error responses (raised before or around our views) as JSON on `/graphql/`.

A bad `Host` header, an oversized or malformed request Django refuses itself, a 403, a 404 or
an unhandled exception would otherwise be an HTML page. On `/graphql/` (and anything below it)
they become a GraphQL error with `extensions.code`; everywhere else Django's pages are kept.
"""

import json

from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.http import HttpResponse
from django.views import defaults

from cms.api.errors import ErrorCode

API_PREFIX = "/graphql"


def is_api(request):
    return request.path_info.startswith(API_PREFIX)


def json_error(status, code, message):
    body = {"errors": [{"message": message, "extensions": {"code": code}}]}
    response = HttpResponse(json.dumps(body), status=status, content_type="application/json")
    response["Cache-Control"] = "no-store"
    return response


def bad_request(request, exception, template_name="400.html"):
    if not is_api(request):
        return defaults.bad_request(request, exception, template_name)
    if isinstance(exception, RequestDataTooBig):
        return json_error(413, ErrorCode.REQUEST_TOO_LARGE, "The request body is too large.")
    if isinstance(exception, TooManyFieldsSent):
        return json_error(400, ErrorCode.BAD_REQUEST, "The request has too many parameters.")
    # DisallowedHost and other SuspiciousOperation: say what, not the details.
    message = "Bad request."
    if type(exception).__name__ == "DisallowedHost":
        message = "This host name is not served here."
    return json_error(400, ErrorCode.BAD_REQUEST, message)


def permission_denied(request, exception, template_name="403.html"):
    if not is_api(request):
        return defaults.permission_denied(request, exception, template_name)
    return json_error(403, ErrorCode.FORBIDDEN, "Forbidden.")


def page_not_found(request, exception, template_name="404.html"):
    if not is_api(request):
        return defaults.page_not_found(request, exception, template_name)
    return json_error(404, ErrorCode.NOT_FOUND, "Not found. The GraphQL endpoint is /graphql/.")


def server_error(request, template_name="500.html"):
    if not is_api(request):
        return defaults.server_error(request, template_name)
    return json_error(500, ErrorCode.INTERNAL_SERVER_ERROR, "Internal server error.")


def csrf_failure(request, reason=""):
    if not is_api(request):
        from django.views.csrf import csrf_failure as django_csrf_failure

        return django_csrf_failure(request, reason)
    return json_error(403, ErrorCode.FORBIDDEN, "CSRF verification failed.")
