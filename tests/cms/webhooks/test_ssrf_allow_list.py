"""The SSRF guard's finer points: multicast is never a receiver, WEBHOOK_ALLOWED_HOSTS entries
are matched as people write them (any case, a trailing dot, an IPv6 address in brackets), and
a refusal names the addresses and the setting, on the form's URL field."""

import socket

import pytest
from django.core.exceptions import ValidationError

from cms.webhooks.addresses import check_url
from cms.webhooks.models import Endpoint


@pytest.fixture
def nothing_allowed(settings):
    settings.WEBHOOK_ALLOWED_HOSTS = []
    settings.DEBUG = False


@pytest.mark.parametrize("url", ["http://224.0.0.1/hooks", "http://[ff0e::1]/hooks"])
def test_multicast_addresses_are_refused(nothing_allowed, url):
    with pytest.raises(ValidationError, match="private, loopback or link-local"):
        check_url(url)


@pytest.mark.parametrize(
    "entry, url",
    [
        ("LOCALHOST.", "http://localhost:3000/api/revalidate"),
        ("localhost", "http://LocalHost:3000/api/revalidate"),
        ("[::1]", "http://[::1]:3000/api/revalidate"),
        ("127.0.0.0/8", "http://127.0.0.2:3000/api/revalidate"),
    ],
    ids=["entry in capitals with a dot", "URL in capitals", "IPv6 in brackets", "network"],
)
def test_allow_list_entries_match_as_written(settings, nothing_allowed, entry, url):
    settings.WEBHOOK_ALLOWED_HOSTS = [entry]
    check_url(url)


def test_an_allowed_host_does_not_open_other_private_hosts(settings, nothing_allowed):
    settings.WEBHOOK_ALLOWED_HOSTS = ["hooks.internal", "10.0.0.0/8"]
    with pytest.raises(ValidationError):
        check_url("http://127.0.0.1/hooks")


def test_the_refusal_names_the_address_and_the_setting(nothing_allowed):
    with pytest.raises(ValidationError) as refused:
        check_url("http://127.0.0.1:8000/hooks")
    assert refused.value.messages == [
        "127.0.0.1 is a private, loopback or link-local address (127.0.0.1). "
        "Add it to WEBHOOK_ALLOWED_HOSTS to send webhooks there."
    ]


@pytest.mark.django_db
def test_a_refused_endpoint_url_is_an_error_on_its_url_field(nothing_allowed):
    endpoint = Endpoint(url="http://10.1.2.3/hooks")
    with pytest.raises(ValidationError) as refused:
        endpoint.full_clean()
    assert list(refused.value.message_dict) == ["url"]
    assert "10.1.2.3" in refused.value.message_dict["url"][0]


@pytest.mark.parametrize(
    "url, message",
    [
        ("ftp://example.com/hooks", "Enter an http:// or https:// URL."),
        ("https:///hooks", "Enter an http:// or https:// URL."),
        ("http://127.0.0.1:99999/", "The port is not a number from 0 to 65535."),
        ("http://127.0.0.1:port/", "The port is not a number from 0 to 65535."),
        ("http://no-such-host.invalid/", "no-such-host.invalid does not resolve to an address."),
    ],
)
def test_a_malformed_url_gets_the_whole_message(url, message):
    with pytest.raises(ValidationError) as refused:
        check_url(url)
    assert refused.value.messages == [message]


def test_every_refused_address_is_named_once_in_order(nothing_allowed, monkeypatch):
    """A name resolving to several addresses (IPv4 and IPv6, or round robin)."""
    answers = ["10.0.0.2", "10.0.0.1", "10.0.0.2", "93.184.215.14"]

    def several(host, port, *args, **kwargs):
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (ip, 0)) for ip in answers]

    monkeypatch.setattr(socket, "getaddrinfo", several)
    with pytest.raises(ValidationError, match=r"\(10\.0\.0\.1, 10\.0\.0\.2\)\. Add it"):
        check_url("http://hooks.example.com/hooks")
