"""The HTTP side of a delivery: sign the body (Standard Webhooks, by its library), POST it with
a timeout, connect only to an address the SSRF guard allows, follow no redirect."""

import socket
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlsplit

import urllib3
from django.conf import settings
from standardwebhooks import Webhook
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.exceptions import HTTPError, NewConnectionError
from urllib3.util import connection

from cms.webhooks.addresses import BlockedAddress, address_allowed, resolve

EXCERPT_BYTES = 1000
USER_AGENT = "role-guide-cms-webhooks/1"


@dataclass
class Outcome:
    status_code: int | None = None
    excerpt: str = ""
    error: str = ""

    @property
    def succeeded(self):
        return self.status_code is not None and 200 <= self.status_code < 300


def signed_headers(secret, webhook_id, body, at=None):
    """The webhook-id, webhook-timestamp and webhook-signature headers for `body`."""
    at = at or datetime.now(tz=UTC)
    return {
        "webhook-id": webhook_id,
        "webhook-timestamp": str(int(at.timestamp())),
        "webhook-signature": Webhook(secret).sign(webhook_id, at, body),
    }


class GuardedConnectionMixin:
    """Resolve the host, keep only the addresses the guard allows, connect to one of them."""

    def _new_conn(self):
        try:
            addresses = resolve(self._dns_host, self.port)
        except socket.gaierror as error:
            raise NewConnectionError(self, f"{self.host} does not resolve: {error}") from error
        allowed = [info for ip, info in addresses if address_allowed(self.host, ip)]
        if not allowed:
            found = ", ".join(sorted({str(ip) for ip, _ in addresses}))
            raise BlockedAddress(f"{self.host} resolves to a refused address ({found})")
        last_error = None
        for _family, _type, _proto, _name, sockaddr in allowed:
            try:
                return connection.create_connection(
                    sockaddr[:2], self.timeout, source_address=self.source_address
                )
            except OSError as error:
                last_error = error
        raise NewConnectionError(self, f"Failed to establish a new connection: {last_error}")


class GuardedHTTPConnection(GuardedConnectionMixin, HTTPConnection):
    pass


class GuardedHTTPSConnection(GuardedConnectionMixin, HTTPSConnection):
    pass


class GuardedHTTPConnectionPool(urllib3.HTTPConnectionPool):
    ConnectionCls = GuardedHTTPConnection


class GuardedHTTPSConnectionPool(urllib3.HTTPSConnectionPool):
    ConnectionCls = GuardedHTTPSConnection


def post(url, body, headers, timeout=None):
    """POST `body` to `url`; never raises for network trouble, returns what happened."""
    timeout = settings.WEBHOOK_TIMEOUT if timeout is None else timeout
    parts = urlsplit(url)
    pool_class = (
        GuardedHTTPSConnectionPool if parts.scheme == "https" else GuardedHTTPConnectionPool
    )
    pool = pool_class(
        parts.hostname,
        parts.port,
        timeout=urllib3.Timeout(total=timeout),
        retries=False,
        maxsize=1,
    )
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    all_headers = {
        "content-type": "application/json",
        "user-agent": USER_AGENT,
        **headers,
    }
    try:
        response = pool.urlopen(
            "POST",
            target,
            body=body.encode(),
            headers=all_headers,
            redirect=False,
            preload_content=False,
            assert_same_host=False,
        )
        try:
            excerpt = response.read(EXCERPT_BYTES, decode_content=True)
        finally:
            response.release_conn()
        return Outcome(response.status, excerpt.decode("utf-8", "replace"))
    except BlockedAddress as error:
        return Outcome(error=f"refused: {error}")
    except (HTTPError, OSError) as error:
        return Outcome(error=f"{type(error).__name__}: {error}"[:500])
    finally:
        pool.close()
