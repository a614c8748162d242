from django.apps import AppConfig


class WebhooksConfig(AppConfig):
    """Signed webhooks: endpoints, the events that reach them, and their delivery log."""

    name = "cms.webhooks"
    label = "webhooks"
    verbose_name = "Webhooks"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from cms.webhooks import events

        events.connect()
