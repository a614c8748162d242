"""A rolled-back deletion leaves no state behind; the endpoint's secret is shown only to those
who may change the endpoint; credentials in an endpoint URL are masked in the admin and logs."""

import logging

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models.signals import pre_delete
from wagtail.models import Page

from cms.webhooks import delivery as outbox
from cms.webhooks.addresses import without_credentials
from cms.webhooks.client import Outcome
from cms.webhooks.events import deleting
from cms.webhooks.models import Delivery, Endpoint, Event
from tests.cms.webhooks.conftest import make_endpoint, payloads
from tests.factories import make_guide

pytestmark = pytest.mark.django_db


class DeleteFails(Exception):
    pass


def test_a_deletion_that_rolls_back_does_not_silence_a_later_unpublish(
    roles_index, receiver, django_capture_on_commit_callbacks
):
    guide = make_guide(roles_index, "mlops")
    make_endpoint(receiver)

    def fail(sender, **kwargs):
        raise DeleteFails

    # Connected last: runs after the webhooks' and Wagtail's pre_delete handlers.
    pre_delete.connect(fail, sender=Page, dispatch_uid="test-delete-fails")
    try:
        with pytest.raises(DeleteFails), transaction.atomic():
            Page.objects.get(pk=guide.pk).delete()
    finally:
        pre_delete.disconnect(sender=Page, dispatch_uid="test-delete-fails")

    assert guide.pk not in deleting()
    guide.refresh_from_db()
    assert guide.live
    with django_capture_on_commit_callbacks(execute=True):
        guide.unpublish()
    assert [payload["type"] for payload in payloads()] == ["page.unpublished"]


def test_deleting_a_live_page_still_sends_only_page_deleted(roles_index, receiver):
    guide = make_guide(roles_index, "mlops")
    make_endpoint(receiver)
    Page.objects.get(pk=guide.pk).delete()
    assert [payload["type"] for payload in payloads()] == ["page.deleted"]
    assert deleting() == set()


@pytest.mark.parametrize(
    "url, shown",
    [
        ("https://user:pa55@hooks.example.com/in", "https://***@hooks.example.com/in"),
        (
            "https://token@hooks.example.com:8443/in?x=1",
            "https://***@hooks.example.com:8443/in?x=1",
        ),
        ("https://hooks.example.com/in", "https://hooks.example.com/in"),
        # A password holding "@" (as people paste it, not percent-encoded): none of it shows.
        ("https://user:p@ss@hooks.example.com/in", "https://***@hooks.example.com/in"),
    ],
)
def test_credentials_in_a_url_are_masked(url, shown):
    assert without_credentials(url) == shown


SECRET_URL = "http://user:s3cret-pass@127.0.0.1:9/hooks"


def viewer_client(client, *codenames):
    user = get_user_model().objects.create_user("viewer", "viewer@example.com", "pw")
    group = Group.objects.create(name="Webhook viewers")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="webhooks", codename__in=codenames),
    )
    user.groups.add(group)
    client.force_login(user)
    return client


def test_the_secret_is_shown_only_to_those_who_may_change_the_endpoint(client, editor):
    endpoint = Endpoint.objects.create(url=SECRET_URL)
    url = f"/admin/webhooks_endpoint/inspect/{endpoint.pk}/"

    page = editor.get(url)  # a superuser: may change it
    assert page.status_code == 200
    assert endpoint.secret in page.content.decode()

    editor.logout()
    viewer = viewer_client(client, "view_endpoint")
    page = viewer.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert endpoint.secret not in html
    assert "s3cret-pass" not in html and "http://***@127.0.0.1:9/hooks" in html


def test_the_admin_lists_and_logs_show_no_credentials(editor, caplog):
    endpoint = Endpoint.objects.create(url=SECRET_URL)
    event = Event.objects.create(type="page.published", body="{}")
    delivery = Delivery.objects.create(event=event, endpoint=endpoint)

    endpoints = editor.get("/admin/webhooks_endpoint/").content.decode()
    assert "http://***@127.0.0.1:9/hooks" in endpoints and "s3cret-pass" not in endpoints
    deliveries = editor.get("/admin/webhooks_delivery/").content.decode()
    assert "page.published to http://***@127.0.0.1:9/hooks" in deliveries
    assert "s3cret-pass" not in deliveries

    delivery = Delivery.objects.select_related("endpoint").get(pk=delivery.pk)
    with caplog.at_level(logging.WARNING, logger="cms.webhooks"):
        outbox.record(delivery, Outcome(status_code=410))
    assert "***@127.0.0.1" in caplog.text and "s3cret-pass" not in caplog.text
