"""Delivering the outbox: claim a due delivery, send it, record what happened, retry with
exponential backoff and jitter, disable an endpoint that answers 410.

One task per delivery, and at most one delivery in flight per endpoint: a task whose endpoint
is busy steps aside, and the delivery in flight enqueues the endpoint's next one when it is
done. So a slow endpoint holds one worker at a time (for at most WEBHOOK_TIMEOUT per attempt),
and the other workers keep serving the other endpoints.

The sweep (`manage.py webhooks deliver`) re-enqueues due deliveries no task is coming for: an
enqueue lost after commit, a worker killed mid-send (its claim runs out)."""

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

RESULT_FIELDS = ["last_status_code", "last_response", "last_error"]


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
    """How long a worker holds a delivery it sends: well past the request's deadline
    (WEBHOOK_TIMEOUT for the whole request, `client.post`), with room to record."""
    return settings.WEBHOOK_TIMEOUT * 2 + 1


def due(now):
    return Q(status=DeliveryStatus.PENDING, next_attempt_at__lte=now) & (
        Q(claimed_until__isnull=True) | Q(claimed_until__lt=now)
    )


def in_flight(now):
    return Q(status=DeliveryStatus.PENDING, claimed_until__gte=now)


def lock_endpoint(endpoint_id):
    """Serialise claims and releases per endpoint: a row lock on PostgreSQL; on SQLite the
    IMMEDIATE transaction this runs in already holds the database's write lock."""
    list(Endpoint.objects.select_for_update().filter(pk=endpoint_id).values_list("pk"))


def claim(delivery_id):
    """Take a due delivery for one attempt: (delivery, "claimed"), or (None, why not): "not
    due" (done, not yet due, or held by another worker) or "endpoint busy" (another delivery
    to its endpoint is in flight; that one enqueues this one when it is done)."""
    endpoint_id = (
        Delivery.objects.filter(pk=delivery_id).values_list("endpoint_id", flat=True).first()
    )
    if endpoint_id is None:
        return None, "not due"
    now = timezone.now()
    with transaction.atomic():
        lock_endpoint(endpoint_id)
        row = Delivery.objects.filter(due(now), pk=delivery_id)
        if not row.exists():
            return None, "not due"
        busy = Delivery.objects.filter(in_flight(now), endpoint_id=endpoint_id)
        if busy.exclude(pk=delivery_id).exists():
            row.update(enqueued_for=None)
            return None, "endpoint busy"
        row.update(
            claimed_until=now + timedelta(seconds=claim_seconds()),
            enqueued_for=None,
            attempts=F("attempts") + 1,
            last_attempt_at=now,
        )
    return Delivery.objects.select_related("event", "endpoint").get(pk=delivery_id), "claimed"


def deliver(delivery_id):
    """One attempt at one delivery (what the task runs). Returns the status afterwards."""
    delivery, why = claim(delivery_id)
    if delivery is None:
        return why
    endpoint = delivery.endpoint
    if not endpoint.active:
        return release(delivery, DeliveryStatus.CANCELLED, error="endpoint inactive")
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
        return release(delivery, DeliveryStatus.SUCCEEDED)
    endpoint.update(last_failure_at=now, failure_count=F("failure_count") + 1)
    if outcome.status_code == 410:
        endpoint.update(active=False, disabled_reason=f"answered 410 Gone at {now:%Y-%m-%d %H:%M}")
        logger.warning("Webhook endpoint %s answered 410: disabled", delivery.endpoint.display_url)
        return release(delivery, DeliveryStatus.CANCELLED)
    next_at = now + timedelta(seconds=retry_delay(delivery.attempts))
    if delivery.retry_until is None or next_at > delivery.retry_until:
        return release(delivery, DeliveryStatus.FAILED)
    delivery.next_attempt_at = next_at
    return release(delivery, DeliveryStatus.PENDING)


def release(delivery, status, error=None):
    """Record the attempt's end, let the delivery go, and hand the endpoint on to its next due
    delivery (one at a time), all in one transaction under the endpoint's lock."""
    delivery.status = status
    delivery.claimed_until = None
    if error is not None:
        delivery.last_error = error
    fields = [*RESULT_FIELDS, "status", "claimed_until", "next_attempt_at", "finished_at"]
    if status != DeliveryStatus.PENDING:
        delivery.finished_at = timezone.now()
        delivery.next_attempt_at = None
    with transaction.atomic():
        lock_endpoint(delivery.endpoint_id)
        delivery.save(update_fields=fields)
        if status == DeliveryStatus.PENDING:
            schedule(delivery)
        waiting = (
            Delivery.objects.filter(
                due(timezone.now()), endpoint_id=delivery.endpoint_id, enqueued_for__isnull=True
            )
            .exclude(pk=delivery.pk)
            .order_by("next_attempt_at", "created_at")
            .first()
        )
        if waiting is not None:
            schedule(waiting)
    return status


def schedule(delivery):
    """Enqueue the task for `delivery` once the current transaction commits, to run at its
    next attempt (or leave it to the sweep, on a backend that cannot defer)."""
    from cms.webhooks.tasks import deliver_webhook

    now = timezone.now()
    run_at = delivery.next_attempt_at
    deferred = run_at > now
    if deferred and not deliver_webhook.get_backend().supports_defer:
        return
    Delivery.objects.filter(pk=delivery.pk).update(enqueued_for=max(run_at, now))
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
    """Enqueue due deliveries that no task is known to be coming for, on endpoints with
    nothing in flight. Returns how many.

    PostgreSQL locks the rows it takes (SKIP LOCKED: concurrent sweeps share the work);
    SQLite's IMMEDIATE transactions hold the write lock from the start, so sweeps queue."""
    now = timezone.now()
    grace = timedelta(seconds=settings.WEBHOOK_SWEEP_GRACE)
    busy = Delivery.objects.filter(in_flight(now)).values("endpoint_id")
    with transaction.atomic():
        rows = (
            Delivery.objects.filter(due(now))
            .filter(Q(enqueued_for__isnull=True) | Q(enqueued_for__lt=now - grace))
            .exclude(endpoint_id__in=busy)
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
