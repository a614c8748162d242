"""Endpoints managed in the admin (under Settings) and from `manage.py webhooks`; the delivery
log with its "Redeliver" action."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from standardwebhooks import Webhook

from cms.webhooks.models import Delivery, Endpoint
from tests.cms.webhooks.conftest import make_endpoint, run_worker
from tests.factories import make_tool


def webhooks(*args):
    out = io.StringIO()
    call_command("webhooks", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_add_prints_the_secret_last_list_and_remove(receiver):
    out = webhooks("add", receiver.url, "--events", "page.published,snippet.deleted")
    secret = out.strip().splitlines()[-1]
    endpoint = Endpoint.objects.get()
    assert secret == endpoint.secret and secret.startswith("whsec_")
    Webhook(secret)  # a secret the Standard Webhooks library accepts
    assert endpoint.events == ["page.published", "snippet.deleted"]

    webhooks("add", "http://127.0.0.1:9/other", "--description", "Staging")
    listed = webhooks("list")
    assert receiver.url in listed and "page.published,snippet.deleted" in listed
    assert "all events" in listed and "Staging" in listed and "no delivery yet" in listed

    webhooks("remove", str(endpoint.pk))
    webhooks("remove", "http://127.0.0.1:9/other")
    assert Endpoint.objects.count() == 0
    assert "No webhook endpoints." in webhooks("list")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "args, message",
    [
        (["add", "ftp://example.com/x"], "http:// or https://"),
        (["add", "http://127.0.0.1:9/", "--events", "page.exploded"], "Unknown event"),
        (["remove", "999"], "No webhook endpoint"),
    ],
)
def test_bad_input_is_a_clear_error(args, message):
    with pytest.raises(CommandError, match=message):
        webhooks(*args)


@pytest.mark.django_db
def test_each_endpoint_gets_its_own_secret():
    secrets = {Endpoint.objects.create(url=f"http://127.0.0.1:9/{n}").secret for n in range(3)}
    assert len(secrets) == 3


def test_the_admin_adds_an_endpoint_with_event_checkboxes_and_shows_its_secret(editor):
    response = editor.post(
        reverse("webhooks_endpoint:add"),
        {
            "url": "http://127.0.0.1:9/hooks",
            "description": "Next.js",
            "events": ["page.published", "redirect.changed"],
            "active": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    endpoint = Endpoint.objects.get()
    assert endpoint.events == ["page.published", "redirect.changed"]
    inspect = editor.get(reverse("webhooks_endpoint:inspect", args=(endpoint.pk,)))
    assert endpoint.secret in inspect.content.decode()
    index = editor.get(reverse("webhooks_endpoint:index")).content.decode()
    assert "http://127.0.0.1:9/hooks" in index and "no delivery yet" in index


def test_the_add_form_says_what_ticking_no_event_means(editor):
    form = editor.get(reverse("webhooks_endpoint:add")).content.decode()
    assert 'type="checkbox" name="events" value="page.published"' in form
    assert "None ticked: every event is sent." in form


def test_the_admin_refuses_a_private_address_not_allowed(editor, settings):
    settings.WEBHOOK_ALLOWED_HOSTS = []
    response = editor.post(
        reverse("webhooks_endpoint:add"), {"url": "http://10.1.2.3/hooks", "active": "on"}
    )
    assert response.status_code == 200
    assert "private, loopback or link-local" in response.content.decode()
    assert Endpoint.objects.count() == 0


def test_the_delivery_log_shows_status_and_redelivers(
    editor, receiver, django_capture_on_commit_callbacks
):
    make_endpoint(receiver)
    with django_capture_on_commit_callbacks(execute=True):
        make_tool("Kubeflow")
    run_worker()
    delivery = Delivery.objects.get()

    index = editor.get(reverse("webhooks_delivery:index")).content.decode()
    assert "snippet.published" in index and "Succeeded" in index and "Redeliver" in index
    inspect = editor.get(reverse("webhooks_delivery:inspect", args=(delivery.pk,))).content
    assert delivery.webhook_id in inspect.decode() and b"thanks" in inspect
    # The log is written by the outbox only.
    assert editor.get(reverse("webhooks_delivery:add")).status_code in (302, 403)

    url = reverse("webhooks_delivery:redeliver", args=(delivery.pk,))
    assert "Yes, redeliver" in editor.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        assert editor.post(url).status_code == 302
    run_worker()
    assert [headers["webhook-id"] for headers, _ in receiver.requests] == [delivery.webhook_id] * 2
