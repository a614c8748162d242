"""Development: debug on, GraphiQL on, a throwaway secret key."""

import os

from .base import *  # noqa: F403
from .base import GRAPPLE, env_list

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-insecure-key-do-not-use-in-production"
GRAPPLE = {**GRAPPLE, "EXPOSE_GRAPHIQL": True}
CORS_ALLOWED_ORIGINS = env_list(
    "CORS_ALLOWED_ORIGINS", "http://localhost:3000,http://127.0.0.1:3000"
)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
SERVE_REFERENCE_CLIENT = True
