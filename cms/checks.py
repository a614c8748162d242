"""What production refuses to start with, and the deploy checks behind it.

`cms/settings/production.py` calls `refuse_insecure_settings()` while it loads: a missing,
short or known development SECRET_KEY, or DEBUG, stop it there. A superuser that still has the
default password needs the database, so it is a deploy check (`manage.py check --deploy`),
which `cms/wsgi.py` runs before serving (STARTUP_CHECKS); it skips itself until the database is
migrated. Nothing here imports models at load time: settings import this module.
"""

import os

from django.core import checks
from django.core.exceptions import ImproperlyConfigured

MIN_SECRET_KEY_LENGTH = 50
MIN_SECRET_KEY_UNIQUE_CHARACTERS = 5
# Keys that ship in this repository (development, tests, benchmarks): public, so never secret.
KNOWN_DEVELOPMENT_KEYS = {
    "dev-only-insecure-key-do-not-use-in-production",
    "test-only-key",
    "bench-only",
}
# The password `manage.py ensure_admin` gives the admin account unless ADMIN_PASSWORD is set.
DEFAULT_ADMIN_PASSWORDS = ("admin",)


def secret_key_problem(key):
    """Why `key` is not fit for production, or None."""
    if not key:
        return "SECRET_KEY must be set in production."
    if key in KNOWN_DEVELOPMENT_KEYS or key.startswith("django-insecure"):
        return "SECRET_KEY is a development key from this repository; generate a new one."
    if len(key) < MIN_SECRET_KEY_LENGTH or len(set(key)) < MIN_SECRET_KEY_UNIQUE_CHARACTERS:
        return (
            f"SECRET_KEY is too weak: use at least {MIN_SECRET_KEY_LENGTH} random characters "
            "(python -c 'import secrets; print(secrets.token_urlsafe(50))')."
        )
    return None


def refuse_insecure_settings(secret_key, debug):
    """Raise ImproperlyConfigured, with the reason, for settings production must not run with."""
    problem = secret_key_problem(secret_key)
    if problem:
        raise ImproperlyConfigured(problem)
    if debug:
        raise ImproperlyConfigured(
            "DEBUG must be off in production: it shows settings and tracebacks to anyone."
        )


@checks.register(checks.Tags.security, deploy=True)
def check_secret_key_and_debug(app_configs, **kwargs):
    from django.conf import settings

    found = []
    problem = secret_key_problem(settings.SECRET_KEY)
    if problem:
        found.append(checks.Error(problem, id="cms.E001"))
    if settings.DEBUG:
        found.append(checks.Error("DEBUG must be off in production.", id="cms.E002"))
    return found


@checks.register(checks.Tags.security, deploy=True)
def check_default_admin_password(app_configs, **kwargs):
    """No active superuser may keep the default password (or their username as password)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import check_password
    from django.db import DatabaseError

    user_model = get_user_model()
    try:
        superusers = list(
            user_model.objects.filter(is_active=True, is_superuser=True).only(
                user_model.USERNAME_FIELD, "password"
            )
        )
    except DatabaseError:
        return []  # not migrated yet: nothing to check
    weak = [
        user.get_username()
        for user in superusers
        if any(
            check_password(candidate, user.password)
            for candidate in {*DEFAULT_ADMIN_PASSWORDS, user.get_username()}
        )
    ]
    if not weak:
        return []
    return [
        checks.Error(
            f"Superuser(s) {', '.join(sorted(weak))} still have the default password.",
            hint="Set a strong one: manage.py changepassword <username>.",
            id="cms.E003",
        )
    ]


@checks.register(checks.Tags.security, deploy=True)
def check_rate_limit_cache(app_configs, **kwargs):
    from django.conf import settings

    if not getattr(settings, "RATELIMIT_ENABLE", True):
        return []
    backend = settings.CACHES[getattr(settings, "RATELIMIT_USE_CACHE", "default")]["BACKEND"]
    if backend.endswith("LocMemCache") and not os.environ.get("REDIS_URL"):
        return [
            checks.Warning(
                "Rate limits are counted per process (local-memory cache).",
                hint="Set REDIS_URL so every process shares one count.",
                id="cms.W001",
            )
        ]
    return []


@checks.register()
def check_graphql_schema(app_configs, **kwargs):
    """The schema builds, with everything cms/api/grapple_compat.py expects of grapple (run by
    `manage.py check`, runserver and, in production, before serving)."""
    try:
        import cms.api.schema  # noqa: F401
    except ImproperlyConfigured as error:
        return [checks.Error(str(error), id="cms.E004")]
    return []
