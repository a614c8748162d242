"""Settings come from the environment (`cms/settings/`)."""

from tests.settings_runner import STRONG_KEY, run_settings


def test_production_reads_database_and_cache_from_the_environment(tmp_path):
    result = run_settings(
        "cms.settings.production",
        {
            "SECRET_KEY": STRONG_KEY,
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


def test_the_database_media_and_static_files_live_under_var_dir(tmp_path):
    """Without DATABASE_URL the SQLite file, uploads and collected files go under VAR_DIR,
    which the settings create (a fresh checkout has no var/)."""
    var_dir = tmp_path / "not-yet" / "var"
    code = (
        "from django.conf import settings; "
        "print(settings.DATABASES['default']['NAME'], settings.MEDIA_ROOT, settings.STATIC_ROOT)"
    )
    result = run_settings(
        "cms.settings.dev",
        {"VAR_DIR": str(var_dir)},
        code=code,
        unset=("MEDIA_ROOT", "STATIC_ROOT"),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        str(var_dir / "db.sqlite3"),
        str(var_dir / "media"),
        str(var_dir / "static"),
    ]
    assert var_dir.is_dir()


def test_database_url_wins_and_creates_no_var_dir(tmp_path):
    var_dir = tmp_path / "var"
    code = "from django.conf import settings; print(settings.DATABASES['default']['NAME'])"
    database = tmp_path / "elsewhere.sqlite3"
    result = run_settings(
        "cms.settings.dev",
        {"VAR_DIR": str(var_dir), "DATABASE_URL": f"sqlite:///{database}"},
        code=code,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [str(database)]
    assert not var_dir.exists()


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
