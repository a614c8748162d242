"""What a receiver sees on the wire (the URL's path and query, the headers, the body), what
the delivery log keeps of its answer, and the endpoint's health as the admin shows it."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from cms.webhooks import client
from cms.webhooks import delivery as outbox
from cms.webhooks.models import Delivery, Endpoint, Event
from tests.cms.webhooks.conftest import free_port


class RecordingReceiver:
    """Answers every POST with `answer`, keeping the request line's target and the headers."""

    def __init__(self, answer=b"ok", status=200):
        self.targets, self.headers, self.bodies = [], [], []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                receiver.targets.append(self.path)
                receiver.headers.append({k.lower(): v for k, v in self.headers.items()})
                receiver.bodies.append(self.rfile.read(int(self.headers["content-length"])))
                self.send_response(status)
                self.send_header("content-length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            def log_message(self, *args):
                pass

        self.port = free_port()
        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def url(self, rest="/hooks"):
        return f"http://127.0.0.1:{self.port}{rest}"

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def recording():
    found = RecordingReceiver()
    yield found
    found.stop()


@pytest.mark.parametrize(
    "rest, target",
    [
        ("/hooks", "/hooks"),
        ("/api/revalidate?secret=s3&x=1", "/api/revalidate?secret=s3&x=1"),
        ("", "/"),
    ],
    ids=["path", "query kept", "no path"],
)
def test_the_request_goes_to_the_urls_path_and_query(recording, rest, target):
    outcome = client.post(recording.url(rest), '{"type": "test"}', {"webhook-id": "msg_1"})
    assert outcome.succeeded
    assert recording.targets == [target]


def test_the_request_is_json_from_a_named_client_with_the_signature_headers(recording):
    headers = client.signed_headers("whsec_" + "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_1", "{}")
    client.post(recording.url(), "{}", headers)
    (received,) = recording.headers
    assert received["content-type"] == "application/json"
    assert received["user-agent"] == "role-guide-cms-webhooks/1"
    assert {name: received[name] for name in headers} == headers
    assert recording.bodies == [b"{}"]


def test_the_log_keeps_the_first_1000_characters_of_a_long_answer():
    receiver = RecordingReceiver(answer=("é" * 400 + "x" * 2000).encode())
    try:
        outcome = client.post(receiver.url(), "{}", {})
    finally:
        receiver.stop()
    # 1,000 bytes: 400 two-byte characters and 200 more.
    assert outcome.excerpt == "é" * 400 + "x" * 200


def test_a_refused_connection_is_a_short_error_not_a_timeout(settings):
    settings.WEBHOOK_ALLOWED_HOSTS = ["127.0.0.1"]
    closed_port = free_port()  # nothing listens there
    outcome = client.post(f"http://127.0.0.1:{closed_port}/hooks", "{}", {}, timeout=5)
    assert outcome.status_code is None and not outcome.succeeded
    assert outcome.error.startswith("NewConnectionError")
    assert "timed out" not in outcome.error and len(outcome.error) <= 500


@pytest.mark.django_db
def test_the_endpoint_health_follows_its_deliveries():
    receiver = RecordingReceiver(status=500)
    endpoint = Endpoint.objects.create(url=receiver.url())
    event = Event.objects.create(type="page.published", body="{}")
    assert endpoint.health == "no delivery yet"
    try:
        for _ in range(2):
            delivery = Delivery.objects.create(
                event=event, endpoint=endpoint, retry_until=outbox.retry_until()
            )
            outbox.deliver(delivery.pk)
    finally:
        receiver.stop()
    endpoint.refresh_from_db()
    assert endpoint.health == "failing (2 in a row)"
    assert str(delivery) == f"page.published to {receiver.url()}"
    endpoint.active = False
    assert endpoint.health == "inactive"
