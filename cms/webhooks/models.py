"""Webhook endpoints, the events sent to them and one delivery row per (event, endpoint): the
transactional outbox. Rows are written in the transaction that publishes; a task sends them."""

import base64
import secrets
import uuid

from django import forms
from django.db import models
from django.utils import timezone


class EventType(models.TextChoices):
    PAGE_PUBLISHED = "page.published"
    PAGE_UNPUBLISHED = "page.unpublished"
    PAGE_DELETED = "page.deleted"
    PAGE_MOVED = "page.moved"
    SNIPPET_PUBLISHED = "snippet.published"
    SNIPPET_UNPUBLISHED = "snippet.unpublished"
    SNIPPET_DELETED = "snippet.deleted"
    REDIRECT_CHANGED = "redirect.changed"


def generate_secret():
    """A Standard Webhooks secret: `whsec_` and 32 random bytes in base64."""
    return "whsec_" + base64.b64encode(secrets.token_bytes(32)).decode()


class EventTypesField(models.JSONField):
    """A list of event type names, edited as checkboxes."""

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=EventType.choices,
            required=False,
            widget=forms.CheckboxSelectMultiple,
            label=self.verbose_name.capitalize(),
            help_text=self.help_text,
        )


class EndpointURLField(models.URLField):
    def formfield(self, **kwargs):
        return super().formfield(**{"assume_scheme": "https", **kwargs})


class Endpoint(models.Model):
    """A URL that receives signed webhooks when content changes."""

    url = EndpointURLField("URL", max_length=500, help_text="Receives a POST for each event.")
    description = models.CharField(max_length=255, blank=True)
    events = EventTypesField(
        default=list, blank=True, help_text="None ticked: every event is sent."
    )
    active = models.BooleanField(
        default=True, help_text="Inactive endpoints receive nothing. A 410 answer clears this."
    )
    secret = models.CharField(
        max_length=100,
        default=generate_secret,
        editable=False,
        help_text="Verifies the webhook-signature header (Standard Webhooks).",
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    last_success_at = models.DateTimeField(null=True, blank=True, editable=False)
    last_failure_at = models.DateTimeField(null=True, blank=True, editable=False)
    failure_count = models.PositiveIntegerField(
        default=0, editable=False, help_text="Failed attempts since the last success."
    )
    disabled_reason = models.CharField(max_length=255, blank=True, editable=False)

    class Meta:
        verbose_name = "webhook endpoint"
        ordering = ["url", "pk"]

    def __str__(self):
        return self.display_url

    @property
    def display_url(self):
        """The URL as the admin and logs show it: credentials in it masked."""
        from cms.webhooks.addresses import without_credentials

        return without_credentials(self.url)

    def clean(self):
        from cms.webhooks.addresses import check_url

        if self.url:
            check_url(self.url, field="url")

    def wants(self, event_type):
        return self.active and (not self.events or event_type in self.events)

    @property
    def health(self):
        if not self.active:
            return f"disabled: {self.disabled_reason}" if self.disabled_reason else "inactive"
        if self.failure_count:
            return f"failing ({self.failure_count} in a row)"
        return "healthy" if self.last_success_at else "no delivery yet"


class Event(models.Model):
    """One change, as sent: the exact JSON body every endpoint receives."""

    type = models.CharField(max_length=50, choices=EventType.choices)
    body = models.TextField(help_text="The JSON payload, signed byte for byte.")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.type} at {self.created_at:%Y-%m-%d %H:%M:%S}"


class DeliveryStatus(models.TextChoices):
    PENDING = "pending"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    CANCELLED = "cancelled"


class Delivery(models.Model):
    """One event for one endpoint. Its id is the webhook-id, the same on every retry."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="deliveries")
    endpoint = models.ForeignKey(Endpoint, on_delete=models.CASCADE, related_name="deliveries")
    status = models.CharField(
        max_length=20, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempts = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)
    next_attempt_at = models.DateTimeField(null=True, blank=True, default=timezone.now)
    retry_until = models.DateTimeField(
        null=True, blank=True, help_text="Failed attempts are retried until then."
    )
    # A worker sending it holds it until then; a worker killed mid-send lets it go this way.
    claimed_until = models.DateTimeField(null=True, blank=True)
    # When the task last enqueued for it should run: the sweep re-enqueues lost ones.
    enqueued_for = models.DateTimeField(null=True, blank=True)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    last_status_code = models.PositiveIntegerField(null=True, blank=True)
    last_response = models.TextField(blank=True, help_text="The start of the last answer.")
    last_error = models.CharField(max_length=500, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "deliveries"
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="webhooks_due_idx"),
            models.Index(fields=["finished_at"], name="webhooks_finished_idx"),
        ]

    def __str__(self):
        return f"{self.event.type} to {self.endpoint.display_url}"

    @property
    def webhook_id(self):
        return f"msg_{self.id.hex}"

    @property
    def payload(self):
        return self.event.body
