"""Production refuses to start with insecure settings, and its deploy checks are clean
(`cms/checks.py`, `cms/wsgi.py`)."""

import os
import secrets
import subprocess
import sys

import pytest
from django.contrib.auth import get_user_model
from django.core.management.base import SystemCheckError

from tests import ROOT
from tests.settings_runner import STRONG_KEY, run_settings


def test_production_requires_a_secret_key():
    result = run_settings("cms.settings.production", {})
    assert result.returncode != 0
    assert "SECRET_KEY must be set in production." in result.stderr


@pytest.mark.parametrize(
    "env, message",
    [
        ({"SECRET_KEY": "dev-only-insecure-key-do-not-use-in-production"}, "development key"),
        ({"SECRET_KEY": "test-only-key"}, "development key"),
        ({"SECRET_KEY": "django-insecure-" + "k" * 60}, "development key"),
        ({"SECRET_KEY": "short-but-random-Zq8"}, "too weak"),
        ({"SECRET_KEY": "ab" * 40}, "too weak"),
        ({"SECRET_KEY": STRONG_KEY, "DEBUG": "true"}, "DEBUG must be off in production"),
    ],
    ids=["dev key", "test key", "django-insecure", "short", "low variety", "debug"],
)
def test_production_refuses_to_start_with_insecure_settings(env, message):
    """Before: production accepted the development key (and then anyone could sign tokens)."""
    result = run_settings("cms.settings.production", env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and message in result.stderr


def test_check_deploy_is_clean_in_production(tmp_path):
    """HSTS, SSL redirect, secure cookies and the rest of Django's deploy checks, plus ours."""
    environment = {
        k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "SECRET_KEY", "DEBUG"}
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY=STRONG_KEY,
        REDIS_URL="redis://127.0.0.1:6379/0",
        VAR_DIR=str(tmp_path),
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.fixture
def production_checks(settings):
    settings.SECRET_KEY = STRONG_KEY
    settings.DEBUG = False
    settings.STARTUP_CHECKS = True


def test_start_up_refuses_a_superuser_with_the_default_password(db, production_checks):
    """`make run`'s ensure_admin creates admin/admin; production must not serve with it."""
    from cms.wsgi import run_startup_checks

    admin = get_user_model().objects.create_superuser("admin", "a@example.com", "admin")
    with pytest.raises(SystemCheckError, match="admin still have the default password"):
        run_startup_checks()
    admin.set_password(secrets.token_urlsafe(16))
    admin.save()
    run_startup_checks()


def test_start_up_refuses_a_username_as_password(db, production_checks):
    from cms.wsgi import run_startup_checks

    get_user_model().objects.create_superuser("chief", "e@example.com", "chief")
    with pytest.raises(SystemCheckError, match="chief"):
        run_startup_checks()


def test_ensure_admin_refuses_the_default_password_in_production(db, production_checks):
    from django.core.management import call_command
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="ADMIN_PASSWORD"):
        call_command("ensure_admin")
    assert not get_user_model().objects.exists()
