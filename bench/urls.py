"""The CMS's URLs plus what the benchmark compares with: Wagtail's REST API v2, a bare view."""

from django.conf import settings
from django.http import HttpResponse
from django.urls import path
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from cms.urls import urlpatterns as cms_urlpatterns

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)

_bare_answer = None


def bare(request):
    """The same bytes as a cached GraphQL answer, with nothing in between."""
    global _bare_answer
    if _bare_answer is None:
        _bare_answer = settings.BENCH_BARE_FILE.read_bytes()
    return HttpResponse(_bare_answer, content_type="application/json")


urlpatterns = [
    path("api/v2/", api_router.urls),
    path("bench/bare/", bare),
    *cms_urlpatterns,
]
