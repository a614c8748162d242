"""Production: everything from the environment; refuses to start with insecure settings."""

import os

from cms.checks import refuse_insecure_settings

from .base import *  # noqa: F403
from .base import env_bool

# Refuses to start with a missing, short or development SECRET_KEY, or with DEBUG asked for
# (cms/checks.py); `check --deploy`, run by cms/wsgi.py, also refuses default admin passwords.
DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
refuse_insecure_settings(SECRET_KEY, debug=env_bool("DEBUG", False))
STARTUP_CHECKS = env_bool("STARTUP_CHECKS", True)

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
# HTTPS: redirect plain HTTP (behind a proxy, X-Forwarded-Proto says which it was) and HSTS.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
CSRF_TRUSTED_ORIGINS = [
    origin.strip()
    for origin in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",")
    if origin.strip()
]

# Introspection is off in production unless asked for.
GRAPHQL_INTROSPECTION = env_bool("GRAPHQL_INTROSPECTION", False)

# Cached API answers are invalidated through the cache itself: without a shared cache (Redis),
# each worker would keep its own, so caching is off unless REDIS_URL is set.
API_RESPONSE_CACHE = env_bool("API_RESPONSE_CACHE", bool(os.environ.get("REDIS_URL")))

# Media: documents only through Wagtail's view at /documents/ (collection privacy applies);
# never "direct" or "redirect", which hand out the storage URL. See cms/media_privacy.py.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
