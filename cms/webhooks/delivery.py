"""Delivering the outbox: claim a due delivery, send it, record what happened, retry with
exponential backoff and jitter, disable an endpoint that answers 410. The sweep re-enqueues
due deliveries whose task was lost (never enqueued, or its worker killed mid-send)."""

import logging
import random
from datetime import timedelta

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F, Q
from django.utils import timezone

from cms.webhooks import client
from cms.webhooks.models import Delivery, DeliveryStatus, Endpoint

logger = logging.getLogger("cms.webhooks")


def retry_delay(attempts):
    """Seconds to wait after `attempts` failed attempts: WEBHOOK_RETRY_DELAYS (about 5 s, 30 s,
    2 min, then longer; the last repeats), each with ±20% jitter so retries do not stampede."""
    delays = settings.WEBHOOK_RETRY_DELAYS
    base = delays[min(max(attempts, 1), len(delays)) - 1]
    return base * random.uniform(0.8, 1.2)  # noqa: S311 (jitter, not a secret)


def retry_until():
    """Until when a delivery that starts now is retried (WEBHOOK_RETRY_FOR, 24 h)."""
    return timezone.now() + timedelta(seconds=settings.WEBHOOK_RETRY_FOR)


def claim_seconds():
    """How long a worker holds a delivery it sends: past the timeout, with room to record."""
    return settings.WEBHOOK_TIMEOUT * 2 + 1


def due(now):
    return Q(status=DeliveryStatus.PENDING, next_attempt_at__lte=now) & (
        Q(claimed_until__isnull=True) | Q(claimed_until__lt=now)
    )


def claim(delivery_id):
    """Take a due delivery for one attempt, or None when it is not due, done or held by
    another worker. One conditional UPDATE: atomic on every database."""
    now = timezone.now()
    taken = Delivery.objects.filter(due(now), pk=delivery_id).update(
        claimed_until=now + timedelta(seconds=claim_seconds()),
        enqueued_for=None,
        attempts=F("attempts") + 1,
        last_attempt_at=now,
    )
    if not taken:
        return None
    return Delivery.objects.select_related("event", "endpoint").get(pk=delivery_id)


def deliver(delivery_id):
    """One attempt at one delivery (what the task runs). Returns the status afterwards."""
    delivery = claim(delivery_id)
    if delivery is None:
        return "not due"
    endpoint = delivery.endpoint
    if not endpoint.active:
        finish(delivery, DeliveryStatus.CANCELLED, error="endpoint inactive")
        return DeliveryStatus.CANCELLED
    headers = client.signed_headers(endpoint.secret, delivery.webhook_id, delivery.event.body)
    outcome = client.post(endpoint.url, delivery.event.body, headers)
    return record(delivery, outcome)


def record(delivery, outcome):
    now = timezone.now()
    endpoint = Endpoint.objects.filter(pk=delivery.endpoint_id)
    delivery.last_status_code = outcome.status_code
    delivery.last_response = outcome.excerpt
    delivery.last_error = outcome.error
    if outcome.succeeded:
        endpoint.update(last_success_at=now, failure_count=0)
        return finish(delivery, DeliveryStatus.SUCCEEDED)
    endpoint.update(last_failure_at=now, failure_count=F("failure_count") + 1)
    if outcome.status_code == 410:
        endpoint.update(active=False, disabled_reason=f"answered 410 Gone at {now:%Y-%m-%d %H:%M}")
        logger.warning("Webhook endpoint %s answered 410: disabled", delivery.endpoint.url)
        return finish(delivery, DeliveryStatus.CANCELLED)
    next_at = now + timedelta(seconds=retry_delay(delivery.attempts))
    if delivery.retry_until is None or next_at > delivery.retry_until:
        return finish(delivery, DeliveryStatus.FAILED)
    delivery.next_attempt_at = next_at
    delivery.claimed_until = None
    with transaction.atomic():
        delivery.save(update_fields=[*RESULT_FIELDS, "next_attempt_at", "claimed_until"])
        schedule(delivery)
    return DeliveryStatus.PENDING


RESULT_FIELDS = ["last_status_code", "last_response", "last_error"]


def finish(delivery, status, error=None):
    delivery.status = status
    delivery.finished_at = timezone.now()
    delivery.claimed_until = delivery.next_attempt_at = None
    if error is not None:
        delivery.last_error = error
    delivery.save(
        update_fields=[*RESULT_FIELDS, "status", "finished_at", "claimed_until", "next_attempt_at"]
    )
    return status


def schedule(delivery):
    """Enqueue the task for `delivery` once the current transaction commits, to run at its
    next attempt (or leave it to the sweep, on a backend that cannot defer)."""
    from cms.webhooks.tasks import deliver_webhook

    run_at = delivery.next_attempt_at
    deferred = run_at > timezone.now() + timedelta(seconds=1)
    if deferred and not deliver_webhook.get_backend().supports_defer:
        return
    Delivery.objects.filter(pk=delivery.pk).update(enqueued_for=run_at)
    enqueue_on_commit([delivery], run_at if deferred else None)


def enqueue_on_commit(deliveries, run_at=None):
    """One task per delivery, enqueued when the transaction commits (none if it rolls back)."""
    from cms.webhooks.tasks import deliver_webhook

    task = deliver_webhook.using(run_after=run_at) if run_at else deliver_webhook
    ids = [str(delivery.pk) for delivery in deliveries]

    def enqueue():
        for delivery_id in ids:
            task.enqueue(delivery_id)

    transaction.on_commit(enqueue)


def sweep(limit=500):
    """Enqueue due deliveries that no task is known to be coming for (an enqueue lost after
    commit, a worker killed mid-batch, a deferred task lost). Returns how many.

    PostgreSQL locks the rows it takes (SKIP LOCKED: concurrent sweeps share the work);
    SQLite's IMMEDIATE transactions hold the write lock from the start, so sweeps queue."""
    now = timezone.now()
    grace = timedelta(seconds=settings.WEBHOOK_SWEEP_GRACE)
    with transaction.atomic():
        rows = Delivery.objects.filter(due(now)).filter(
            Q(enqueued_for__isnull=True) | Q(enqueued_for__lt=now - grace)
        )
        if connection.features.has_select_for_update_skip_locked:
            rows = rows.select_for_update(skip_locked=True)
        ids = list(rows.order_by("next_attempt_at").values_list("pk", flat=True)[:limit])
        for delivery in Delivery.objects.filter(pk__in=ids):
            schedule(delivery)
    return len(ids)


def redeliver(delivery):
    """Send a delivery again now (an editor's "redeliver"): the same webhook-id and body."""
    with transaction.atomic():
        Delivery.objects.filter(pk=delivery.pk).update(
            status=DeliveryStatus.PENDING,
            next_attempt_at=timezone.now(),
            claimed_until=None,
            finished_at=None,
            retry_until=retry_until(),
        )
        delivery.refresh_from_db()
        schedule(delivery)


def prune(days=None):
    """Delete finished deliveries older than WEBHOOK_LOG_RETENTION_DAYS, and events left with
    none. Returns the number of deliveries deleted."""
    from cms.webhooks.models import Event

    days = settings.WEBHOOK_LOG_RETENTION_DAYS if days is None else days
    cutoff = timezone.now() - timedelta(days=days)
    deleted, _ = Delivery.objects.filter(finished_at__lt=cutoff).delete()
    Event.objects.filter(created_at__lt=cutoff, deliveries__isnull=True).delete()
    return deleted
