"""Events become outbox rows in the publishing transaction; the worker signs and sends them,
retries failures with backoff (the same webhook-id), disables an endpoint on 410."""

import json
from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from standardwebhooks import Webhook
from wagtail.contrib.redirects.models import Redirect

from cms.webhooks import delivery as outbox
from cms.webhooks.models import Delivery, DeliveryStatus, Event
from tests.cms.webhooks.conftest import Receiver, make_endpoint, payloads, run_worker
from tests.factories import guide_body, make_category, make_faq, make_guide, make_tool, publish


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run what waits for the commit, as a real commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_a_publish_is_signed_sent_once_and_logged(roles_index, receiver, commit):
    guide = make_guide(roles_index, "mlops", live=False)
    endpoint = make_endpoint(receiver)
    with commit():
        publish(guide)

    delivery = Delivery.objects.get()
    assert delivery.status == DeliveryStatus.PENDING
    assert DBTaskResult.objects.filter(task_path__endswith="deliver_webhook").count() == 1
    run_worker()

    assert receiver.invalid == 0
    headers, body = receiver.requests[0]
    assert headers["webhook-id"] == delivery.webhook_id
    # Signed by the library's scheme with the endpoint's secret: it verifies.
    assert Webhook(endpoint.secret).verify(body, headers)["type"] == "page.published"
    assert receiver.processed == [
        {
            "type": "page.published",
            "timestamp": receiver.processed[0]["timestamp"],
            "data": {
                "object": {
                    "type": "page",
                    "model": "roles.roleguidepage",
                    "id": guide.pk,
                    "title": guide.title,
                    "path": "/roles/mlops/",
                },
                "paths": ["/roles/mlops/"],
                "tags": sorted(
                    [
                        f"page:{guide.pk}",
                        "listing:roles.roleguidepage",
                        f"listing:roles.roleguidepage:role={guide.role_slug}",  # its editions
                        "search",
                        "sitemap",
                    ]
                ),
            },
        }
    ]
    delivery.refresh_from_db()
    endpoint.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.last_status_code) == ("succeeded", 1, 200)
    assert delivery.last_response == "thanks"
    assert endpoint.last_success_at is not None and endpoint.health == "healthy"


def test_a_publish_that_rolls_back_writes_and_enqueues_nothing(roles_index, receiver, commit):
    guide = make_guide(roles_index, "mlops", live=False)
    make_endpoint(receiver)
    with commit() as callbacks, pytest.raises(RuntimeError), transaction.atomic():
        publish(guide)
        assert Delivery.objects.count() == 1  # written inside the transaction
        raise RuntimeError("the publish fails after the signal")
    assert callbacks == []
    assert (Event.objects.count(), Delivery.objects.count(), DBTaskResult.objects.count()) == (
        0,
        0,
        0,
    )


def test_no_endpoint_no_rows(roles_index, commit):
    with commit():
        make_guide(roles_index, "mlops")
    assert Event.objects.count() == 0


def test_an_endpoint_gets_only_the_events_it_chose(roles_index, receiver, commit):
    make_endpoint(receiver, events=["snippet.published"])
    inactive = Receiver().start()
    make_endpoint(inactive, active=False)
    category = make_category()
    with commit():
        make_guide(roles_index, "mlops", category=category)
        make_tool("Kubeflow")
    run_worker()
    inactive.stop()
    assert receiver.types() == ["snippet.published"]
    assert inactive.requests == []


def test_a_failure_is_retried_with_backoff_and_the_same_webhook_id(roles_index, commit):
    receiver = Receiver(status=500).start()
    make_endpoint(receiver)
    with commit():
        make_tool("Kubeflow")
    before = timezone.now()
    outbox.deliver(Delivery.objects.get().pk)

    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.last_status_code) == ("pending", 1, 500)
    # The first retry comes about 5 s later (±20% jitter), as a deferred task.
    wait = (delivery.next_attempt_at - before).total_seconds()
    assert 4 <= wait <= 6.5
    assert delivery.enqueued_for == delivery.next_attempt_at
    assert delivery.endpoint.failure_count == 1
    assert outbox.deliver(delivery.pk) == "not due"  # not before its time

    receiver.status = 204
    Delivery.objects.update(next_attempt_at=timezone.now())
    assert outbox.deliver(delivery.pk) == DeliveryStatus.SUCCEEDED
    receiver.stop()
    first, second = (headers["webhook-id"] for headers, _ in receiver.requests)
    assert first == second == delivery.webhook_id
    assert receiver.requests[0][1] == receiver.requests[1][1]  # the same body
    delivery.endpoint.refresh_from_db()
    assert delivery.endpoint.failure_count == 0


def test_retry_delays_grow_about_5s_30s_2min_and_stop_after_the_retry_window(settings):
    settings.WEBHOOK_RETRY_DELAYS = [5, 30, 120, 600]
    for attempts, base in [(1, 5), (2, 30), (3, 120), (4, 600), (9, 600)]:
        delays = [outbox.retry_delay(attempts) for _ in range(50)]
        assert all(base * 0.8 <= delay <= base * 1.2 for delay in delays)
        assert len(set(delays)) > 1  # jitter


def test_a_delivery_past_its_retry_window_fails_for_good(roles_index, commit):
    receiver = Receiver(status=503).start()
    make_endpoint(receiver)
    with commit():
        make_tool("Kubeflow")
    Delivery.objects.update(retry_until=timezone.now() + timedelta(seconds=2))
    assert outbox.deliver(Delivery.objects.get().pk) == DeliveryStatus.FAILED
    receiver.stop()


def test_410_disables_the_endpoint(roles_index, commit):
    receiver = Receiver(status=410).start()
    endpoint = make_endpoint(receiver)
    with commit():
        make_tool("Kubeflow")
        make_tool("Airflow")
    first, second = Delivery.objects.order_by("created_at")
    assert outbox.deliver(first.pk) == DeliveryStatus.CANCELLED
    endpoint.refresh_from_db()
    assert endpoint.active is False and "410" in endpoint.disabled_reason
    assert endpoint.health.startswith("disabled")
    assert outbox.deliver(second.pk) == DeliveryStatus.CANCELLED
    assert len(receiver.requests) == 1
    receiver.stop()


def test_a_slow_receiver_times_out_and_is_retried(settings, roles_index, commit):
    settings.WEBHOOK_TIMEOUT = 0.5
    receiver = Receiver(delay=1.5).start()
    make_endpoint(receiver)
    with commit():
        make_tool("Kubeflow")
    assert outbox.deliver(Delivery.objects.get().pk) == DeliveryStatus.PENDING
    delivery = Delivery.objects.get()
    assert delivery.last_status_code is None
    assert "timed out" in delivery.last_error.lower()
    receiver.stop()


def test_the_sweep_enqueues_lost_and_abandoned_deliveries_only(settings, roles_index, commit):
    settings.WEBHOOK_SWEEP_GRACE = 0
    receiver = Receiver().start()
    make_endpoint(receiver)
    with commit():
        make_tool("Lost enqueue")
        make_tool("Worker killed mid-send")
        make_tool("Not due yet")
    DBTaskResult.objects.all().delete()  # every enqueue lost
    now = timezone.now()
    lost, killed, later = Delivery.objects.order_by("created_at")
    Delivery.objects.filter(pk=killed.pk).update(claimed_until=now - timedelta(seconds=1))
    Delivery.objects.filter(pk=later.pk).update(next_attempt_at=now + timedelta(minutes=1))

    with commit():
        assert outbox.sweep() == 2
    run_worker()
    assert sorted(p["data"]["object"]["title"] for p in receiver.processed) == [
        "Lost enqueue",
        "Worker killed mid-send",
    ]

    # A live worker holds a delivery to the endpoint: it hands on to the next when done.
    Delivery.objects.filter(pk=later.pk).update(
        next_attempt_at=now, claimed_until=timezone.now() + timedelta(minutes=1)
    )
    with commit():
        make_tool("Waiting")
    DBTaskResult.objects.all().delete()
    with commit():
        assert outbox.sweep() == 0
    # Just enqueued: a sweep within the grace period leaves it alone.
    Delivery.objects.filter(pk=later.pk).update(claimed_until=None)
    settings.WEBHOOK_SWEEP_GRACE = 60
    with commit():
        make_tool("Fresh")
    with commit():
        assert outbox.sweep() == 0
    receiver.stop()


def test_one_delivery_in_flight_per_endpoint_the_next_follows_it(roles_index, receiver, commit):
    make_endpoint(receiver)
    with commit():
        make_tool("First")
        make_tool("Second")
    first, second = Delivery.objects.order_by("created_at")
    DBTaskResult.objects.all().delete()
    claimed, why = outbox.claim(first.pk)
    assert why == "claimed"
    # Another worker's task for the same endpoint steps aside instead of piling on.
    assert outbox.deliver(second.pk) == "endpoint busy"
    with commit():
        outbox.record(claimed, outbox.client.Outcome(200, "ok"))
    # Done: the endpoint's next due delivery is enqueued.
    assert DBTaskResult.objects.count() == 1
    run_worker()
    assert [p["data"]["object"]["title"] for p in receiver.processed] == ["Second"]


def test_redeliver_sends_again_with_the_same_id_and_body(roles_index, receiver, commit):
    make_endpoint(receiver)
    with commit():
        make_tool("Kubeflow")
    run_worker()
    delivery = Delivery.objects.get()
    with commit():
        outbox.redeliver(delivery)
    run_worker()
    assert len(receiver.requests) == 2
    assert receiver.requests[0][1] == receiver.requests[1][1]
    assert receiver.requests[1][0]["webhook-id"] == delivery.webhook_id
    assert Delivery.objects.get().attempts == 2


def test_old_finished_deliveries_are_pruned(settings, roles_index, receiver, commit):
    make_endpoint(receiver)
    with commit():
        make_tool("Old")
        make_tool("Recent")
    run_worker()
    old, recent = Delivery.objects.order_by("created_at")
    Delivery.objects.filter(pk=old.pk).update(finished_at=timezone.now() - timedelta(days=31))
    Event.objects.filter(pk=old.event_id).update(created_at=timezone.now() - timedelta(days=31))
    assert outbox.prune() == 1
    assert list(Delivery.objects.all()) == [recent]
    assert Event.objects.count() == 1


# Payloads -------------------------------------------------------------------------------------


def test_an_faq_entry_used_on_many_guides_lists_every_path(roles_index, receiver, commit):
    entry = make_faq("Shared?")
    guides = [
        make_guide(roles_index, f"uses-{n:02}", body=guide_body(faqs=[entry])) for n in range(50)
    ]
    make_endpoint(receiver)
    entry.answer = "<p>A new answer.</p>"
    with commit():
        publish(entry)
    (payload,) = payloads("snippet.published")
    assert payload["data"]["object"] == {
        "type": "snippet",
        "model": "faqs.faqentry",
        "id": entry.pk,
        "title": "Shared?",
    }
    assert payload["data"]["paths"] == [f"/roles/uses-{n:02}/" for n in range(50)]
    assert {f"page:{guide.pk}" for guide in guides} <= set(payload["data"]["tags"])
    assert f"faqs.faqentry:{entry.pk}" in payload["data"]["tags"]


def test_unpublish_delete_and_snippet_delete_keep_the_paths_that_went(
    roles_index, receiver, commit
):
    tool = make_tool("Kubeflow")
    guide = make_guide(roles_index, "mlops", body=guide_body(tools=[tool]))
    other = make_guide(roles_index, "other")
    make_endpoint(receiver)
    with commit():
        tool.delete()
        guide.unpublish()
        other.delete()
    # Deleting a live page unpublishes it on the way (Wagtail): one event, page.deleted.
    assert [payload["type"] for payload in payloads()] == [
        "snippet.deleted",
        "page.unpublished",
        "page.deleted",
    ]
    by_type = {payload["type"]: payload["data"] for payload in payloads()}
    assert by_type["snippet.deleted"]["paths"] == ["/roles/mlops/"]
    assert by_type["snippet.deleted"]["object"]["title"] == "Kubeflow"
    assert by_type["page.unpublished"]["paths"] == ["/roles/mlops/"]
    assert by_type["page.deleted"]["paths"] == ["/roles/other/"]
    assert by_type["page.deleted"]["object"]["id"] == other.pk


def test_a_move_gives_the_old_and_new_paths_of_the_page_and_below(
    roles_index, site_tree, receiver, commit
):
    home = site_tree[0]
    make_guide(roles_index, "mlops")
    archive = publish(home.add_child(instance=type(roles_index)(title="Archive", slug="archive")))
    make_endpoint(receiver)
    with commit():
        roles_index.move(archive, pos="last-child")
    (payload,) = payloads("page.moved")
    assert payload["data"]["object"]["path"] == "/archive/roles/"
    assert payload["data"]["object"]["old_path"] == "/roles/"
    assert set(payload["data"]["paths"]) == {
        "/roles/",
        "/archive/roles/",
        "/roles/mlops/",
        "/archive/roles/mlops/",
    }
    # `all` covers every page below: no page tags beside it.
    assert "all" in payload["data"]["tags"]
    assert not [tag for tag in payload["data"]["tags"] if tag.startswith("page:")]
    assert "truncated" not in payload["data"]


def test_a_redirect_change(roles_index, receiver, commit):
    make_endpoint(receiver)
    with commit():
        redirect = Redirect.objects.create(old_path="/old-guide", redirect_link="/roles/")
        redirect.delete()
    first, second = payloads("redirect.changed")
    assert first["data"]["object"]["path"] == "/old-guide"
    assert first["data"]["object"]["target"] == "/roles/"
    assert first["data"]["paths"] == ["/old-guide"]
    assert "redirects" in first["data"]["tags"]
    assert second["data"]["object"]["id"] == first["data"]["object"]["id"]


def test_the_stored_body_is_what_is_signed(roles_index, receiver, commit):
    make_endpoint(receiver)
    with commit():
        make_tool("Kubeflow")
    run_worker()
    event = Event.objects.get()
    assert receiver.requests[0][1] == event.body.encode()
    assert json.loads(event.body)["type"] == event.type
