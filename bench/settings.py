"""Settings for `make bench`: production-like (no debug), its own database, the REST API mounted."""

import os

import dj_database_url

from cms.settings.base import *  # noqa: F403
from cms.settings.base import INSTALLED_APPS, VAR_DIR

DEBUG = False
SECRET_KEY = "bench-only"
ALLOWED_HOSTS = ["*"]
ROOT_URLCONF = "bench.urls"
INSTALLED_APPS = [*INSTALLED_APPS, "wagtail.api.v2", "rest_framework"]
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{VAR_DIR / 'bench.sqlite3'}",
        conn_max_age=600,
    )
}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "ERROR"}}
BENCH_BARE_FILE = VAR_DIR / "bench-answer.json"
# One load generator on one address: per-client rate limits would measure the limit, not the API.
RATELIMIT_ENABLE = False
