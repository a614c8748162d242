"""A publish and its outbox rows commit together: an editor's publish in the admin and a
scheduled publish (`manage.py publish_scheduled`) are each one transaction, so a receiver that
fails after the object is saved leaves neither the publish nor the event."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.signals import published
from wagtail.test.utils.form_data import nested_form_data, rich_text

from cms.webhooks.models import Delivery, Event
from faqs.models import FaqEntry
from tests.cms.webhooks.conftest import make_endpoint, run_worker
from tests.factories import make_faq

pytestmark = pytest.mark.django_db


class ReceiverDown(Exception):
    pass


@pytest.fixture
def failing_receiver():
    """A receiver of `published` connected after the webhooks' one (like a cache bump with
    Redis down): it raises after the outbox rows are written."""

    def fail(sender, **kwargs):
        raise ReceiverDown("redis is down")

    published.connect(fail, sender=FaqEntry, dispatch_uid="test-failing-receiver")
    yield
    published.disconnect(sender=FaqEntry, dispatch_uid="test-failing-receiver")


def publish_in_admin(client, entry):
    data = nested_form_data(
        {
            "question": entry.question,
            "answer": rich_text("<p>Changed.</p>"),
            "topic": entry.topic,
            "action-publish": "action-publish",
        }
    )
    return client.post(f"/admin/snippets/faqs/faqentry/edit/{entry.pk}/", data)


def test_an_admin_publish_whose_later_receiver_fails_leaves_no_publish_and_no_event(
    editor, receiver, failing_receiver
):
    entry = make_faq("Draft?", published=False)
    make_endpoint(receiver)
    editor.raise_request_exception = False

    response = publish_in_admin(editor, entry)

    assert response.status_code == 500
    entry.refresh_from_db()
    assert not entry.live and entry.live_revision is None
    assert (Event.objects.count(), Delivery.objects.count()) == (0, 0)


def test_an_admin_publish_writes_its_event_and_delivers(
    editor, receiver, django_capture_on_commit_callbacks
):
    entry = make_faq("Draft?", published=False)
    make_endpoint(receiver)

    with django_capture_on_commit_callbacks(execute=True):
        response = publish_in_admin(editor, entry)

    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.live
    run_worker()
    assert receiver.types() == ["snippet.published"]
    assert receiver.processed[0]["data"]["object"]["id"] == entry.pk


def schedule(entry):
    revision = entry.save_revision()
    revision.approved_go_live_at = timezone.now() - timedelta(minutes=1)
    revision.save()
    return revision


def test_a_scheduled_publish_whose_later_receiver_fails_leaves_no_publish_and_no_event(
    receiver, failing_receiver
):
    entry = make_faq("Scheduled?", published=False)
    make_endpoint(receiver)
    schedule(entry)

    with pytest.raises(ReceiverDown):
        call_command("publish_scheduled")

    entry.refresh_from_db()
    assert not entry.live
    assert (Event.objects.count(), Delivery.objects.count()) == (0, 0)


def test_a_scheduled_publish_writes_its_event(receiver, django_capture_on_commit_callbacks):
    entry = make_faq("Scheduled?", published=False)
    make_endpoint(receiver)
    schedule(entry)

    with django_capture_on_commit_callbacks(execute=True):
        call_command("publish_scheduled")

    entry.refresh_from_db()
    assert entry.live
    run_worker()
    assert receiver.types() == ["snippet.published"]
