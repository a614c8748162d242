"""SSRF guard: with DEBUG off, webhooks go only to public addresses, unless a host or network
is in WEBHOOK_ALLOWED_HOSTS. Checked when an endpoint is saved and again for the very address a
delivery connects to (DNS can change between the two)."""

import ipaddress
import socket
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError


class BlockedAddress(Exception):
    """The URL's host is, or resolves to, an address webhooks may not reach."""


def allowed_entries():
    hosts, networks = set(), []
    for entry in getattr(settings, "WEBHOOK_ALLOWED_HOSTS", []):
        try:
            networks.append(ipaddress.ip_network(entry.strip("[]"), strict=False))
        except ValueError:
            hosts.add(entry.lower().rstrip("."))
    return hosts, networks


def is_public(ip):
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def address_allowed(host, ip):
    """May a webhook for `host` connect to `ip`?"""
    if settings.DEBUG or is_public(ip):
        return True
    hosts, networks = allowed_entries()
    return host.lower().rstrip(".") in hosts or any(ip in network for network in networks)


def resolve(host, port):
    """Every address `host` resolves to (an IP literal resolves to itself)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [(ipaddress.ip_address(info[4][0].split("%")[0]), info) for info in infos]


def check_url(url, *, field=None):
    """Refuse a URL webhooks may not be sent to, with a message an editor can act on."""

    def refuse(message):
        raise ValidationError({field: message} if field else message)

    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        refuse("Enter an http:// or https:// URL.")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        refuse("The port is not a number from 0 to 65535.")
    try:
        addresses = resolve(parts.hostname, port)
    except (OSError, UnicodeError):
        refuse(f"{parts.hostname} does not resolve to an address.")
    blocked = sorted({str(ip) for ip, _ in addresses if not address_allowed(parts.hostname, ip)})
    if blocked:
        refuse(
            f"{parts.hostname} is a private, loopback or link-local address "
            f"({', '.join(blocked)}). Add it to WEBHOOK_ALLOWED_HOSTS to send webhooks there."
        )
