"""WSGI entry point: `gunicorn cms.wsgi` (production settings unless told otherwise)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")

application = get_wsgi_application()


def run_startup_checks():
    """Production refuses to serve while `check --deploy` finds an error (cms/checks.py)."""
    from django.conf import settings
    from django.core.management import call_command

    if getattr(settings, "STARTUP_CHECKS", False):
        call_command("check", deploy=True, fail_level="ERROR")


run_startup_checks()
