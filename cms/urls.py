from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms.api.view import graphql_urlpatterns

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    *graphql_urlpatterns(),
]

if settings.SERVE_REFERENCE_CLIENT:
    from cms.reference_client import reference_client_urlpatterns

    urlpatterns += reference_client_urlpatterns()

if settings.MEDIA_URL.startswith("/"):
    # Public image files only, and only with DEBUG or SERVE_MEDIA (cms/media_privacy.py).
    from cms.media_privacy import serve_media

    urlpatterns += [path(f"{settings.MEDIA_URL.lstrip('/')}<path:path>", serve_media)]

urlpatterns += [path("", include(wagtail_urls))]

# Django's own error responses are JSON with `extensions.code` on /graphql/ (cms/error_views.py).
handler400 = "cms.error_views.bad_request"
handler403 = "cms.error_views.permission_denied"
handler404 = "cms.error_views.page_not_found"
handler500 = "cms.error_views.server_error"
