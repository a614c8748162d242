"""Settings come from the environment; production refuses to start without a secret key."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PRINT_BACKENDS = (
    "from django.conf import settings; "
    "print(settings.DATABASES['default']['ENGINE'], settings.CACHES['default']['BACKEND'])"
)


def run_settings(
    module,
    env,
    code=PRINT_BACKENDS,
):
    environment = {
        k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL", "SECRET_KEY"}
    }
    environment.update(env, DJANGO_SETTINGS_MODULE=module)
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_requires_a_secret_key():
    result = run_settings("cms.settings.production", {})
    assert result.returncode != 0
    assert "SECRET_KEY must be set in production." in result.stderr


def test_production_reads_database_and_cache_from_the_environment(tmp_path):
    result = run_settings(
        "cms.settings.production",
        {
            "SECRET_KEY": "x" * 50,
            "DATABASE_URL": "postgres://u@127.0.0.1:5432/db",
            "REDIS_URL": "redis://127.0.0.1:6379/0",
        },
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.db.backends.postgresql",
        "django.core.cache.backends.redis.RedisCache",
    ]


def test_default_is_sqlite_and_local_memory(tmp_path):
    result = run_settings("cms.settings.dev", {"VAR_DIR": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.db.backends.sqlite3",
        "django.core.cache.backends.locmem.LocMemCache",
    ]
    assert (tmp_path).is_dir()


def test_cors_allows_configured_frontends(client, db, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://frontend.example"]
    response = client.options(
        "/graphql/",
        HTTP_ORIGIN="https://frontend.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
    )
    assert response["Access-Control-Allow-Origin"] == "https://frontend.example"
    response = client.options(
        "/graphql/", HTTP_ORIGIN="https://evil.example", HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST"
    )
    assert "Access-Control-Allow-Origin" not in response
