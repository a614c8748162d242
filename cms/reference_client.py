"""Serves the reference client (frontend_contract/reference-client/) at /reference-client/.

On in development and tests (SERVE_REFERENCE_CLIENT), so the admin's Preview works out of the
box; a real frontend replaces it by setting PREVIEW_CLIENT_URL.
"""

from django.conf import settings
from django.urls import re_path
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.static import serve

CLIENT_DIR = settings.BASE_DIR / "frontend_contract" / "reference-client"


@xframe_options_sameorigin  # the admin's preview panel shows it in a frame
def reference_client(request, path=""):
    return serve(request, path or "index.html", document_root=CLIENT_DIR)


def reference_client_urlpatterns():
    return [re_path(r"^reference-client/(?P<path>[\w.-]*)$", reference_client)]
