"""The `object` of each event as a receiver reads it, whatever way the change was made: a
page deleted through its base `Page` row, a redirect deleted with its page, rows loaded
from a fixture (no event)."""

import pytest
from django.core import serializers
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from tests.cms.webhooks.conftest import make_endpoint, payloads
from tests.factories import make_guide, make_tool

pytestmark = pytest.mark.django_db


def test_a_redirect_event_names_the_redirect_and_its_target(site_tree, receiver):
    make_endpoint(receiver)
    redirect = Redirect.objects.create(old_path="/old-guide", redirect_link="/roles/")
    (payload,) = payloads("redirect.changed")
    assert payload["data"]["object"] == {
        "type": "redirect",
        "model": "wagtailredirects.redirect",
        "id": redirect.pk,
        "title": "/old-guide",
        "path": "/old-guide",
        "target": "/roles/",
    }


def test_a_redirect_deleted_with_its_page_is_sent_once(roles_index, receiver):
    guide = make_guide(roles_index, "mlops")
    Redirect.objects.create(old_path="/old-guide", redirect_page=guide)
    make_endpoint(receiver)
    Page.objects.get(pk=guide.pk).delete()
    redirect_payloads = payloads("redirect.changed")
    assert [p["data"]["paths"] for p in redirect_payloads] == [["/old-guide"]]
    # Django deletes the redirect before its page: the event still names where it pointed.
    assert redirect_payloads[0]["data"]["object"]["target"] == "/roles/mlops/"


def test_a_page_deleted_through_its_base_row_is_named_by_its_own_type(roles_index, receiver):
    guide = make_guide(roles_index, "mlops", title="MLOps engineer")
    make_endpoint(receiver)
    Page.objects.get(pk=guide.pk).delete()
    (payload,) = payloads("page.deleted")
    assert payload["data"]["object"] == {
        "type": "page",
        "model": "roles.roleguidepage",
        "id": guide.pk,
        "title": "MLOps engineer",
        "path": "/roles/mlops/",
    }


def test_rows_loaded_from_a_fixture_send_nothing(site_tree, receiver):
    make_endpoint(receiver)
    tool = make_tool("Kubeflow")
    redirect = Redirect(old_path="/old", redirect_link="/roles/")
    redirect.save()
    sent = len(payloads())
    dumped = serializers.serialize("json", [tool, redirect])
    for loaded in serializers.deserialize("json", dumped):
        loaded.save()  # as `manage.py loaddata` does: raw saves
    assert len(payloads()) == sent
