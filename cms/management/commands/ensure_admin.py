"""Make sure an admin account exists. Never changes an existing password (`make run` prints
how to log in with the links, cms/management/commands/devserver.py)."""

import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from cms.checks import DEFAULT_ADMIN_PASSWORDS


class Command(BaseCommand):
    help = "Create the admin account if it is missing (ADMIN_USERNAME / ADMIN_PASSWORD)."

    def handle(self, *args, **options):
        username = os.environ.get("ADMIN_USERNAME", "admin")
        password = os.environ.get("ADMIN_PASSWORD", "admin")
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        if user is None:
            if getattr(settings, "STARTUP_CHECKS", False) and password in DEFAULT_ADMIN_PASSWORDS:
                raise CommandError("Set ADMIN_PASSWORD: production refuses the default one.")
            User.objects.create_superuser(username, f"{username}@example.com", password)
            self.stdout.write(f"Created the admin account '{username}'.")
