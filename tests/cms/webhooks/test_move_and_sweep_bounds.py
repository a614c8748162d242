"""Bounds a receiver and an operator can count on: a large move fills its payload up to
WEBHOOK_MAX_PATHS and says it was truncated; one sweep enqueues at most 500 deliveries."""

import pytest
from django.utils import timezone
from wagtail.models import Page

from cms.webhooks import delivery as outbox
from cms.webhooks.models import Delivery, Endpoint, Event
from tests.cms.webhooks.conftest import make_endpoint, payloads
from tests.factories import make_guide, publish


def test_a_move_with_more_pages_below_than_fit_fills_the_payload_and_says_so(
    site_tree, receiver, settings, django_capture_on_commit_callbacks
):
    settings.WEBHOOK_MAX_PATHS = 10
    home, roles_index = site_tree
    for n in range(8):
        make_guide(roles_index, f"guide-{n}")
    archive = publish(home.add_child(instance=type(roles_index)(title="Archive", slug="archive")))
    make_endpoint(receiver)
    with django_capture_on_commit_callbacks(execute=True):
        Page.objects.get(pk=roles_index.pk).move(archive, pos="last-child")

    (payload,) = payloads("page.moved")
    data = payload["data"]
    assert data["truncated"] is True
    assert len(data["paths"]) == 10 and len(set(data["paths"])) == 10


@pytest.mark.django_db
def test_one_sweep_enqueues_at_most_500(settings):
    settings.WEBHOOK_SWEEP_GRACE = 0
    event = Event.objects.create(type="page.published", body="{}")
    endpoints = Endpoint.objects.bulk_create(
        Endpoint(url=f"https://hooks.example.com/{n}") for n in range(501)
    )
    Delivery.objects.bulk_create(
        Delivery(event=event, endpoint=endpoint, next_attempt_at=timezone.now())
        for endpoint in endpoints
    )
    assert outbox.sweep() == 500
    assert Delivery.objects.filter(enqueued_for__isnull=True).count() == 1
