"""SSRF: with DEBUG off, endpoints on private, loopback or link-local addresses are refused
unless allow-listed, when saved and again for the address a delivery connects to."""

import socket

import pytest
from django.core.exceptions import ValidationError

from cms.webhooks import client
from cms.webhooks.addresses import check_url
from cms.webhooks.models import Delivery, Endpoint, Event


@pytest.fixture
def nothing_allowed(settings):
    settings.WEBHOOK_ALLOWED_HOSTS = []
    settings.DEBUG = False


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/hooks",
        "http://localhost:8080/hooks",
        "http://10.0.0.5/",
        "http://192.168.1.1/",
        "http://172.16.0.1/",
        "http://169.254.169.254/latest/meta-data/",  # cloud metadata: link-local
        "http://[::1]/",
        "http://[fe80::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://0.0.0.0/",
        "http://100.64.0.1/",  # carrier-grade NAT
    ],
)
def test_private_addresses_are_refused_at_save(nothing_allowed, url):
    with pytest.raises(ValidationError, match="private, loopback or link-local"):
        check_url(url)


def test_public_addresses_and_allow_listed_hosts_and_networks_pass(settings, nothing_allowed):
    check_url("https://93.184.215.14/hooks")
    settings.WEBHOOK_ALLOWED_HOSTS = ["localhost", "10.0.0.0/8"]
    check_url("http://localhost:3000/api/revalidate")
    check_url("http://10.20.30.40/hooks")
    with pytest.raises(ValidationError):
        check_url("http://192.168.1.1/hooks")


def test_debug_allows_every_address(settings, nothing_allowed):
    settings.DEBUG = True
    check_url("http://127.0.0.1:3000/api/revalidate")


@pytest.mark.parametrize(
    "url, message",
    [
        ("file:///etc/passwd", "http:// or https://"),
        ("http://no-such-host.invalid/", "does not resolve"),
        ("http://127.0.0.1:99999/", "port"),
    ],
)
def test_malformed_urls_get_a_clear_message(url, message):
    with pytest.raises(ValidationError, match=message):
        check_url(url)


@pytest.mark.django_db
def test_a_stored_endpoint_that_now_resolves_privately_is_not_contacted(
    nothing_allowed, receiver, monkeypatch
):
    """DNS changed after the endpoint was saved: the delivery resolves again, refuses the
    private address, and never connects."""
    endpoint = Endpoint.objects.create(url=f"http://hooks.example.com:{receiver.port}/hooks")
    real_getaddrinfo = socket.getaddrinfo

    def rebinding(host, port, *args, **kwargs):
        if host == "hooks.example.com":
            return real_getaddrinfo("127.0.0.1", port, *args, **kwargs)
        return real_getaddrinfo(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    event = Event.objects.create(type="page.published", body="{}")
    delivery = Delivery.objects.create(event=event, endpoint=endpoint)
    headers = client.signed_headers(endpoint.secret, delivery.webhook_id, event.body)
    outcome = client.post(endpoint.url, event.body, headers)
    assert outcome.status_code is None
    assert outcome.error.startswith("refused:") and "127.0.0.1" in outcome.error
    assert receiver.requests == []


def test_an_endpoint_whose_host_no_longer_resolves_is_an_error_recorded_not_raised(settings):
    settings.WEBHOOK_ALLOWED_HOSTS = []
    outcome = client.post("http://no-such-host.invalid/hooks", "{}", {"webhook-id": "msg_1"})
    assert outcome.status_code is None and not outcome.succeeded
    assert "no-such-host.invalid does not resolve" in outcome.error


def test_allowed_loopback_is_contacted_and_redirects_are_not_followed(settings, receiver):
    settings.WEBHOOK_ALLOWED_HOSTS = ["127.0.0.1"]
    receiver.status = 302
    outcome = client.post(receiver.url, "{}", {"webhook-id": "msg_1"})
    assert outcome.status_code == 302 and not outcome.succeeded
    assert len(receiver.requests) == 1


@pytest.mark.parametrize(
    "address",
    [
        "64:ff9b::a00:1",  # NAT64 of 10.0.0.1
        "64:ff9b::7f00:1",  # NAT64 of 127.0.0.1
        "64:ff9b:1::808:808",  # NAT64 local use
        "2002:7f00:1::",  # 6to4 of 127.0.0.1
        "2002:a9fe:a9fe::1",  # 6to4 of 169.254.169.254 (cloud metadata)
        "::127.0.0.1",  # IPv4-compatible
        "::808:808",  # IPv4-compatible, even of a public address (deprecated)
        "fec0::1",  # site-local
        "2001::1",  # Teredo
        "2001:0:4136:e378:8000:63bf:3fff:fdd2",  # Teredo
        "::ffff:10.0.0.1",  # IPv4-mapped
    ],
)
def test_ipv6_addresses_that_lead_to_private_ones_are_refused(nothing_allowed, address):
    with pytest.raises(ValidationError, match="private, loopback or link-local"):
        check_url(f"http://[{address}]/hooks")


@pytest.mark.parametrize(
    "address",
    [
        "2606:4700:4700::1111",
        "64:ff9b::808:808",  # NAT64 of 8.8.8.8
        "2002:808:808::1",  # 6to4 of 8.8.8.8
        "::ffff:8.8.8.8",
    ],
)
def test_ipv6_addresses_that_lead_to_public_ones_pass(nothing_allowed, address):
    check_url(f"http://[{address}]/hooks")
