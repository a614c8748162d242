"""The delivery log as an editor reads it: when a delivery finished and why, what a 410 leaves
on the endpoint, what a redelivery resets, how far the sweep and the pruning reach."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from cms.webhooks import delivery as outbox
from cms.webhooks.models import Delivery, DeliveryStatus, Endpoint, Event
from tests.cms.webhooks.conftest import Receiver, make_endpoint

pytestmark = pytest.mark.django_db


def new_delivery(endpoint, **fields):
    event = Event.objects.create(type="page.published", body='{"type": "page.published"}')
    fields.setdefault("retry_until", outbox.retry_until())
    return Delivery.objects.create(event=event, endpoint=endpoint, **fields)


def test_a_delivery_that_does_not_exist_is_not_due():
    assert outbox.claim("00000000-0000-0000-0000-000000000000") == (None, "not due")


def test_a_success_finishes_the_delivery_and_clears_its_next_attempt(receiver):
    delivery = new_delivery(make_endpoint(receiver))
    assert outbox.deliver(delivery.pk) == DeliveryStatus.SUCCEEDED
    delivery.refresh_from_db()
    assert delivery.finished_at is not None and delivery.next_attempt_at is None
    assert delivery.claimed_until is None and delivery.last_error == ""


def test_a_failure_to_retry_is_not_finished_and_marks_the_endpoint():
    receiver = Receiver(status=500).start()
    endpoint = make_endpoint(receiver)
    delivery = new_delivery(endpoint)
    before = timezone.now()
    outbox.deliver(delivery.pk)
    receiver.stop()
    delivery.refresh_from_db()
    endpoint.refresh_from_db()
    assert delivery.finished_at is None and delivery.claimed_until is None
    assert delivery.last_attempt_at >= before
    assert endpoint.last_failure_at >= before and endpoint.last_success_at is None


def test_410_says_when_it_disabled_the_endpoint():
    receiver = Receiver(status=410).start()
    endpoint = make_endpoint(receiver)
    outbox.deliver(new_delivery(endpoint).pk)
    receiver.stop()
    endpoint.refresh_from_db()
    assert endpoint.disabled_reason == (
        f"answered 410 Gone at {endpoint.last_failure_at:%Y-%m-%d %H:%M}"
    )
    assert endpoint.health == f"disabled: {endpoint.disabled_reason}"


def test_a_delivery_to_an_inactive_endpoint_is_cancelled_unsent(receiver):
    endpoint = make_endpoint(receiver)
    delivery = new_delivery(endpoint)
    Endpoint.objects.update(active=False)
    assert outbox.deliver(delivery.pk) == DeliveryStatus.CANCELLED
    delivery.refresh_from_db()
    assert (delivery.last_error, delivery.attempts) == ("endpoint inactive", 1)
    assert delivery.finished_at is not None
    assert receiver.requests == []


def test_a_redelivery_starts_afresh(receiver, django_capture_on_commit_callbacks):
    receiver.status = 500
    delivery = new_delivery(make_endpoint(receiver), retry_until=timezone.now())
    assert outbox.deliver(delivery.pk) == DeliveryStatus.FAILED  # past its retry window
    with django_capture_on_commit_callbacks(execute=True):
        outbox.redeliver(delivery)
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.PENDING and delivery.finished_at is None
    assert delivery.retry_until > timezone.now() + timedelta(hours=23)
    assert DBTaskResult.objects.count() == 1  # sent now, by a task


def test_a_redelivery_takes_a_delivery_a_dead_worker_still_holds(receiver):
    delivery = new_delivery(make_endpoint(receiver))
    held = timezone.now() + timedelta(hours=1)
    Delivery.objects.filter(pk=delivery.pk).update(claimed_until=held)
    outbox.redeliver(delivery)
    assert outbox.deliver(delivery.pk) == DeliveryStatus.SUCCEEDED
    assert len(receiver.requests) == 1


def test_the_sweep_takes_at_most_its_limit_oldest_first(receiver, settings):
    settings.WEBHOOK_SWEEP_GRACE = 0
    now = timezone.now()
    endpoints = [make_endpoint(receiver) for _ in range(3)]
    deliveries = [
        new_delivery(endpoint, next_attempt_at=now - timedelta(minutes=n))
        for n, endpoint in enumerate(endpoints)
    ]
    assert outbox.sweep(limit=2) == 2
    enqueued = set(Delivery.objects.filter(enqueued_for__isnull=False).values_list("pk", flat=True))
    assert enqueued == {deliveries[2].pk, deliveries[1].pk}


def test_pruning_keeps_what_is_recent_unfinished_or_still_delivered(receiver):
    endpoint = make_endpoint(receiver)
    long_ago = timezone.now() - timedelta(days=10)
    old_finished = new_delivery(endpoint, finished_at=long_ago)
    old_unfinished = new_delivery(endpoint)
    recent = new_delivery(endpoint, finished_at=timezone.now())
    Event.objects.update(created_at=long_ago)
    # An event whose endpoint was removed since: no deliveries, but not old yet.
    undelivered = Event.objects.create(type="page.published", body="{}")
    assert outbox.prune(days=7) == 1
    assert set(Delivery.objects.values_list("pk", flat=True)) == {old_unfinished.pk, recent.pk}
    # The old event with no delivery left went; those still delivered, or recent, stay.
    assert not Event.objects.filter(pk=old_finished.event_id).exists()
    assert set(Event.objects.values_list("pk", flat=True)) == {
        old_unfinished.event_id,
        recent.event_id,
        undelivered.pk,
    }
    assert outbox.prune(days=30) == 0
