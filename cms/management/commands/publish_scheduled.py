"""Wagtail's `publish_scheduled`, run in one transaction: each scheduled publish and its webhook
outbox rows commit together (Wagtail's own publish is not atomic). Overrides Wagtail's command
because `cms` comes before `wagtail` in INSTALLED_APPS."""

from django.db import transaction
from wagtail.management.commands import publish_scheduled


class Command(publish_scheduled.Command):
    def handle(self, *args, **options):
        with transaction.atomic():
            return super().handle(*args, **options)
