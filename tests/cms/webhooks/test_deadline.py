"""WEBHOOK_TIMEOUT is a deadline for the whole request, not for each read: a receiver that
trickles its answer a byte at a time cannot hold a worker past it (and past the delivery's
claim, after which the sweep would send it a second time)."""

import socket
import threading
import time

import pytest

from cms.webhooks import client
from cms.webhooks.delivery import claim_seconds
from tests.cms.webhooks.conftest import free_port

STATUS_LINE = b"HTTP/1.1 200 OK\r\n"
HEADERS = b"Content-Type: text/plain\r\nContent-Length: 20\r\n\r\n"
BODY = b"x" * 20


class TricklingReceiver:
    """Reads the request, then writes its answer one byte every 0.5 s; counts the bytes it
    managed to write before the client hung up."""

    def __init__(self, *, trickle_headers):
        self.answer = STATUS_LINE + HEADERS + BODY
        self.upfront = len(STATUS_LINE) if trickle_headers else len(STATUS_LINE + HEADERS)
        self.trickled = 0
        self.hung_up = threading.Event()
        self.port = free_port()
        self.server = socket.create_server(("127.0.0.1", self.port))
        threading.Thread(target=self.serve, daemon=True).start()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}/hooks"

    def serve(self):
        conn, _ = self.server.accept()
        with conn:
            request = b""
            while b"\r\n\r\n" not in request:
                request += conn.recv(65536)
            head, _, body = request.partition(b"\r\n\r\n")
            length = int(
                next(
                    line.split(b":")[1]
                    for line in head.split(b"\r\n")
                    if line.lower().startswith(b"content-length")
                )
            )
            while len(body) < length:
                body += conn.recv(65536)
            try:
                conn.sendall(self.answer[: self.upfront])
                for byte in self.answer[self.upfront :]:
                    time.sleep(0.5)
                    conn.sendall(bytes([byte]))
                    self.trickled += 1
            except OSError:
                self.hung_up.set()
            else:
                # Writes to a socket the client shut down can still succeed once; a read tells.
                conn.settimeout(2)
                try:
                    if conn.recv(1) == b"":
                        self.hung_up.set()
                except OSError:
                    self.hung_up.set()

    def close(self):
        self.server.close()


@pytest.mark.parametrize("trickle_headers", [False, True], ids=["body", "headers"])
def test_a_trickling_receiver_is_cut_off_at_the_deadline(settings, trickle_headers):
    settings.WEBHOOK_ALLOWED_HOSTS = ["127.0.0.1"]
    receiver = TricklingReceiver(trickle_headers=trickle_headers)
    try:
        # Each byte comes well within a per-read timeout of 1 s; the whole answer would take 10 s+.
        outcome = client.post(receiver.url, '{"type": "test"}', {}, timeout=1)
    finally:
        receiver.close()

    assert not outcome.succeeded
    assert outcome.status_code is None
    assert outcome.error == "timed out: no complete answer within 1 s"
    assert receiver.hung_up.wait(10)
    # Cut off after about 2 of the answer's bytes (1 s at one per 0.5 s), far from all of them.
    assert receiver.trickled < len(receiver.answer) - receiver.upfront


def test_a_prompt_answer_within_the_deadline_succeeds(settings, receiver):
    settings.WEBHOOK_ALLOWED_HOSTS = ["127.0.0.1"]
    outcome = client.post(receiver.url, "{}", {}, timeout=1)
    assert (outcome.status_code, outcome.excerpt, outcome.error) == (200, "thanks", "")


def test_the_claim_outlasts_the_deadline(settings):
    settings.WEBHOOK_TIMEOUT = 10
    assert claim_seconds() > settings.WEBHOOK_TIMEOUT
