"""Tests: fast hashing, local memory cache, media in a temporary folder."""

import os
import tempfile

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = tempfile.mkdtemp(prefix="cms-test-media-")
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not shared-cache memory: tests with a live server then see the same locking
    # (WAL, busy timeout) as `make run`; shared-cache memory fails with "table is locked".
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": os.path.join(tempfile.mkdtemp(prefix="cms-test-db-"), "test.sqlite3")
    }
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if not os.environ.get("REDIS_URL"):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
SERVE_REFERENCE_CLIENT = True
# Absolute URLs as the contract snapshots have them, whatever PORT the shell has.
PUBLIC_BASE_URL = WAGTAILADMIN_BASE_URL = FRONTEND_BASE_URL = "http://127.0.0.1:8000"
# Rate limits off, so the suite is not throttled; tests of the limits turn them on.
RATELIMIT_ENABLE = False
