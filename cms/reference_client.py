"""Serves the reference client (frontend_contract/reference-client/) at /reference-client/.

On in development and tests (SERVE_REFERENCE_CLIENT), so the admin's Preview works out of the
box; a real frontend replaces it by setting PREVIEW_CLIENT_URL.

It runs on the CMS's origin, next to the admin, so it is served with a strict
Content-Security-Policy: scripts and styles from this origin only, no inline script, API calls
to this server and to REFERENCE_CLIENT_ENDPOINTS only, and Trusted Types, so no HTML string
reaches the DOM except through the client's own sanitiser.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponse
from django.urls import re_path
from django.utils.html import escape
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.static import serve

CLIENT_DIR = settings.BASE_DIR / "frontend_contract" / "reference-client"
ENDPOINTS_PLACEHOLDER = '<meta name="api-endpoints" content="">'


def configured_endpoints():
    """The other GraphQL endpoints the client may call: absolute http(s) URLs only."""
    endpoints = getattr(settings, "REFERENCE_CLIENT_ENDPOINTS", None) or []
    return [url for url in endpoints if urlsplit(url).scheme in ("http", "https")]


def content_security_policy():
    origins = sorted(
        {"{0.scheme}://{0.netloc}".format(urlsplit(u)) for u in configured_endpoints()}
    )
    directives = [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' https:",
        "connect-src " + " ".join(["'self'", *origins]),
        "base-uri 'none'",
        "form-action 'none'",
        "object-src 'none'",
        "frame-ancestors 'self'",  # the admin's preview panel frames it
        "require-trusted-types-for 'script'",
        "trusted-types reference-client",
    ]
    return "; ".join(directives)


def index_html():
    html = (CLIENT_DIR / "index.html").read_text(encoding="utf-8")
    listed = escape(" ".join(configured_endpoints()))
    return html.replace(ENDPOINTS_PLACEHOLDER, f'<meta name="api-endpoints" content="{listed}">')


@xframe_options_sameorigin  # the admin's preview panel shows it in a frame
def reference_client(request, path=""):
    if path in ("", "index.html"):
        response = HttpResponse(index_html(), content_type="text/html; charset=utf-8")
    else:
        response = serve(request, path, document_root=CLIENT_DIR)
    response["Content-Security-Policy"] = content_security_policy()
    response["Referrer-Policy"] = "no-referrer"  # preview tokens are in the address
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store"
    return response


def reference_client_urlpatterns():
    return [re_path(r"^reference-client/(?P<path>[\w.-]*)$", reference_client)]
