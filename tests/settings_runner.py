"""Load a settings module in a fresh Python process, with a chosen environment."""

import os
import secrets
import subprocess
import sys

from tests import ROOT

STRONG_KEY = secrets.token_urlsafe(50)
PRINT_BACKENDS = (
    "from django.conf import settings; "
    "print(settings.DATABASES['default']['ENGINE'], settings.CACHES['default']['BACKEND'])"
)


def run_settings(module, env, code=PRINT_BACKENDS, unset=()):
    """Run `code` after django.setup(), with this environment minus the database, cache and
    secret key (and any name in `unset`), plus `env`."""
    removed = {"DATABASE_URL", "REDIS_URL", "SECRET_KEY", *unset}
    environment = {k: v for k, v in os.environ.items() if k not in removed}
    environment.update(env, DJANGO_SETTINGS_MODULE=module)
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
