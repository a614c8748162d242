"""The HTTP side of a delivery: sign the body (Standard Webhooks, by its library), POST it with
a deadline for the whole request, connect only to an address the SSRF guard allows, follow no
redirect.

The deadline (WEBHOOK_TIMEOUT) covers connecting, sending, the response's headers and its body
together: urllib3's timeouts apply to each socket operation, so a receiver trickling a byte at a
time would hold the worker for as long as it likes (past the delivery's claim, and the sweep
would send it again meanwhile). A watchdog shuts the request's socket down at the deadline, and
the body is read in chunks, each checked against it."""

import contextlib
import socket
import threading
import time
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
CHUNK_BYTES = 256

# The sockets the current thread's request opened: the watchdog shuts them down.
_opened = threading.local()


class DeadlinePassed(Exception):
    """The receiver took longer than WEBHOOK_TIMEOUT for the whole request."""


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
                sock = connection.create_connection(
                    sockaddr[:2], self.timeout, source_address=self.source_address
                )
            except OSError as error:
                last_error = error
                continue
            getattr(_opened, "sockets", []).append(sock)
            return sock
        raise NewConnectionError(self, f"Failed to establish a new connection: {last_error}")


class GuardedHTTPConnection(GuardedConnectionMixin, HTTPConnection):
    pass


class GuardedHTTPSConnection(GuardedConnectionMixin, HTTPSConnection):
    pass


class GuardedHTTPConnectionPool(urllib3.HTTPConnectionPool):
    ConnectionCls = GuardedHTTPConnection


class GuardedHTTPSConnectionPool(urllib3.HTTPSConnectionPool):
    ConnectionCls = GuardedHTTPSConnection


def shut_down(sockets):
    for sock in list(sockets):
        with contextlib.suppress(OSError):  # already closed
            sock.shutdown(socket.SHUT_RDWR)


def read_excerpt(response, deadline):
    """Up to EXCERPT_BYTES of the body, in chunks, each read started before the deadline."""
    excerpt = b""
    while len(excerpt) < EXCERPT_BYTES:
        if time.monotonic() >= deadline:
            raise DeadlinePassed
        chunk = response.read(min(CHUNK_BYTES, EXCERPT_BYTES - len(excerpt)), decode_content=True)
        if not chunk:
            break
        excerpt += chunk
    return excerpt


def post(url, body, headers, timeout=None):
    """POST `body` to `url` within `timeout` seconds in all (WEBHOOK_TIMEOUT); never raises
    for network trouble, returns what happened."""
    timeout = settings.WEBHOOK_TIMEOUT if timeout is None else timeout
    deadline = time.monotonic() + timeout
    parts = urlsplit(url)
    pool_class = (
        GuardedHTTPSConnectionPool if parts.scheme == "https" else GuardedHTTPConnectionPool
    )
    pool = pool_class(
        parts.hostname,
        parts.port,
        timeout=urllib3.Timeout(connect=timeout, read=timeout),
        retries=False,
        maxsize=1,
    )
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    all_headers = {
        "content-type": "application/json",
        "user-agent": USER_AGENT,
        **headers,
    }
    _opened.sockets = sockets = []
    watchdog = threading.Timer(timeout, shut_down, args=(sockets,))
    watchdog.daemon = True
    watchdog.start()
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
            excerpt = read_excerpt(response, deadline)
        finally:
            response.release_conn()
        return Outcome(response.status, excerpt.decode("utf-8", "replace"))
    except BlockedAddress as error:
        return Outcome(error=f"refused: {error}")
    except (DeadlinePassed, HTTPError, OSError) as error:
        if time.monotonic() >= deadline:
            return Outcome(error=f"timed out: no complete answer within {timeout:g} s")
        return Outcome(error=f"{type(error).__name__}: {error}"[:500])
    finally:
        watchdog.cancel()
        _opened.sockets = []
        pool.close()
