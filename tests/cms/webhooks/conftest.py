"""Fixtures for the webhook tests: a real HTTP receiver on localhost that verifies signatures
with the standardwebhooks library and counts what it sees, and the worker run in-process."""

import json
import socket
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from standardwebhooks import Webhook

from cms.webhooks.models import Endpoint


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "slow: starts worker processes; seconds, not milliseconds (-m 'not slow')"
    )


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Receiver:
    """A webhook receiver on 127.0.0.1: verifies each request, answers `status` after `delay`
    seconds, and is idempotent (each webhook-id is processed once however often it comes)."""

    def __init__(self, *, status=200, delay=0.0, port=None, hold_from=None):
        self.status, self.delay = status, delay
        # Requests from this number on wait (at most 20 s) until `release` is set.
        self.hold_from, self.release, self.holding = hold_from, threading.Event(), threading.Event()
        self.port = port or free_port()
        self.secret = None
        self.requests = []  # (headers, body) of every request
        self.arrivals = Counter()  # webhook-id -> times it arrived
        self.processed = []  # payloads, each webhook-id once
        self.invalid = 0
        self.lock = threading.Lock()
        self.server = None

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}/hooks"

    def start(self):
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["content-length"]))
                headers = dict(self.headers.items())
                number = receiver.handle(headers, body)
                time.sleep(receiver.delay)
                if receiver.hold_from and number >= receiver.hold_from:
                    receiver.holding.set()
                    receiver.release.wait(20)
                self.send_response(receiver.status)
                self.end_headers()
                self.wfile.write(b"thanks")

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def handle(self, headers, body):
        with self.lock:
            self.requests.append((headers, body))
            try:
                payload = Webhook(self.secret).verify(body, headers)
            except Exception:
                self.invalid += 1
                return len(self.requests)
            webhook_id = headers["webhook-id"]
            self.arrivals[webhook_id] += 1
            if self.arrivals[webhook_id] == 1:
                self.processed.append(payload)
            return len(self.requests)

    def stop(self):
        self.release.set()
        if self.server:
            self.server.shutdown()
            self.server.server_close()
            self.server = None

    def wait_for(self, count, timeout=20):
        deadline = time.monotonic() + timeout
        while len(self.processed) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        return len(self.processed)

    def types(self):
        return [payload["type"] for payload in self.processed]


@pytest.fixture(autouse=True)
def _loopback_allowed(settings):
    """Receivers in these tests listen on 127.0.0.1; production refuses it unless allowed."""
    settings.WEBHOOK_ALLOWED_HOSTS = ["127.0.0.1"]


@pytest.fixture
def receiver():
    found = Receiver().start()
    yield found
    found.stop()


def make_endpoint(receiver, events=(), **fields):
    endpoint = Endpoint.objects.create(url=receiver.url, events=list(events), **fields)
    receiver.secret = endpoint.secret
    return endpoint


def run_worker():
    """Run every webhook task that is ready with db_worker's own Worker, in this process and
    this test's transaction (the command itself would close the test's connection)."""
    worker = Worker(
        queue_names=["webhooks"],
        interval=0,
        batch=True,
        backend_name="webhooks",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    ready = DBTaskResult.objects.ready().filter(backend_name="webhooks")
    while (task := ready.get_locked()) is not None:
        task.claim(worker.worker_id)
        worker.run_task(task)


def payloads(event_type=None):
    from cms.webhooks.models import Event

    events = Event.objects.order_by("pk")
    if event_type:
        events = events.filter(type=event_type)
    return [json.loads(event.body) for event in events]
