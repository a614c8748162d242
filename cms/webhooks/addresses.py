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


def without_credentials(url):
    """`url` to show in the admin and logs: a user name and password in it become ***."""
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url
    host = parts.netloc.rpartition("@")[2]
    return parts._replace(netloc=f"***@{host}").geturl()


def allowed_entries():
    hosts, networks = set(), []
    for entry in getattr(settings, "WEBHOOK_ALLOWED_HOSTS", []):
        try:
            networks.append(ipaddress.ip_network(entry.strip("[]"), strict=False))
        except ValueError:
            hosts.add(entry.lower().rstrip("."))
    return hosts, networks


# IPv6 ranges that carry an IPv4 address, or that route somewhere private: NAT64 (the IPv4
# address in the last 32 bits; checked), its local-use range, IPv4-compatible ::a.b.c.d
# (deprecated), Teredo tunnels and site-local (deprecated) are refused outright. 6to4 and
# IPv4-mapped addresses are checked by the IPv4 address inside.
NAT64 = ipaddress.ip_network("64:ff9b::/96")
REFUSED_IPV6 = [
    ipaddress.ip_network("64:ff9b:1::/48"),  # NAT64, local use
    ipaddress.ip_network("::/96"),  # IPv4-compatible, and :: and ::1
    ipaddress.ip_network("2001::/32"),  # Teredo
    ipaddress.ip_network("fec0::/10"),  # site-local
]


def embedded_ipv4(ip):
    """The IPv4 address an IPv6 address leads to (IPv4-mapped, NAT64, 6to4), or None."""
    if ip.ipv4_mapped:
        return ip.ipv4_mapped
    if ip in NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return ip.sixtofour


def is_public(ip):
    if isinstance(ip, ipaddress.IPv6Address):
        if any(ip in network for network in REFUSED_IPV6):
            return False
        ip = embedded_ipv4(ip) or ip
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
        parts.port  # noqa: B018 (raises ValueError for a port that is not a number from 0 to 65535)
    except ValueError:
        refuse("The port is not a number from 0 to 65535.")
    try:
        addresses = resolve(parts.hostname, None)  # the port changes no address
    except (OSError, UnicodeError):
        refuse(f"{parts.hostname} does not resolve to an address.")
    blocked = sorted({str(ip) for ip, _ in addresses if not address_allowed(parts.hostname, ip)})
    if blocked:
        refuse(
            f"{parts.hostname} is a private, loopback or link-local address "
            f"({', '.join(blocked)}). Add it to WEBHOOK_ALLOWED_HOSTS to send webhooks there."
        )
