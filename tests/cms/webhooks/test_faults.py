"""Faults, with the real pieces: the database task backend, `manage.py db_worker` in worker
processes, receivers over HTTP on localhost, publishes that really commit (or roll back).

Slow (marked `slow`, ~30 s together): each starts Django in one or two worker processes.
Retries are made fast for the test (WEBHOOK_RETRY_DELAYS of 0.2 to 1 s in the workers)."""

import os
import signal
import subprocess
import sys
import time
from urllib.parse import quote

import pytest
from django.conf import settings
from django.db import connection, transaction
from django_tasks_db.models import DBTaskResult

from cms.webhooks import delivery as outbox
from cms.webhooks.models import Delivery, DeliveryStatus
from tests.cms.webhooks.conftest import Receiver, free_port, make_endpoint
from tests.factories import make_guide, make_tool, publish

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

FAST_RETRIES = "0.2,0.4,0.8,1"


def database_url():
    """The test database, for the worker processes."""
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    credentials = f"{quote(db['USER'] or '')}:{quote(db['PASSWORD'] or '')}@"
    return f"postgres://{credentials}{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}/{db['NAME']}"


def worker_env(**extra):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": database_url(),
        "WEBHOOK_ALLOWED_HOSTS": "127.0.0.1",
        "WEBHOOK_RETRY_DELAYS": FAST_RETRIES,
        **extra,
    }


class WorkerProcess:
    """`manage.py db_worker` for the webhooks backend, in its own process."""

    def __init__(self, *args, **env):
        command = [
            sys.executable,
            "manage.py",
            "db_worker",
            "--backend=webhooks",
            "--queue-name=webhooks",
            "--interval=0.05",
            "--no-startup-delay",
            "--no-reload",
            "--verbosity=0",
            *args,
        ]
        self.process = subprocess.Popen(command, cwd=settings.BASE_DIR, env=worker_env(**env))

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(10)

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()


@pytest.fixture
def workers():
    started = []

    def start(*args, **env):
        started.append(WorkerProcess(*args, **env))
        return started[-1]

    yield start
    for worker in started:
        worker.stop()


def wait_until(condition, timeout=40, sweep=False):
    """Poll `condition` (running the sweep too, as cron would); fail after `timeout` s."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting: {outbox_state()}"
        if sweep:
            outbox.sweep()
        time.sleep(0.2)


def outbox_state():
    from django.db.models import Count
    from django.utils import timezone

    now = timezone.now()
    return {
        "deliveries": dict(Delivery.objects.values_list("status").annotate(Count("pk"))),
        "due, no task coming": Delivery.objects.filter(
            outbox.due(now), enqueued_for__isnull=True
        ).count(),
        "in flight": Delivery.objects.filter(outbox.in_flight(now)).count(),
        "tasks": dict(DBTaskResult.objects.values_list("status").annotate(Count("pk"))),
        "ready tasks": DBTaskResult.objects.ready().count(),
    }


def succeeded():
    return Delivery.objects.filter(status=DeliveryStatus.SUCCEEDED).count()


def test_receiver_down_for_100_publishes_then_back_gets_each_exactly_once(roles_index, workers):
    receiver = Receiver(port=free_port())  # nothing listens there yet: connection refused
    guide = make_guide(roles_index, "mlops", live=False)
    make_endpoint(receiver)
    for _ in range(100):
        publish(guide)
    assert Delivery.objects.count() == 100
    workers()
    workers()

    wait_until(lambda: not Delivery.objects.filter(attempts=0).exists())
    assert Delivery.objects.filter(status=DeliveryStatus.PENDING).count() == 100
    assert "Connection refused" in Delivery.objects.first().last_error
    receiver.start()
    try:
        wait_until(lambda: succeeded() == 100)
    finally:
        receiver.stop()

    ids = set(Delivery.objects.values_list("id", flat=True))
    assert set(receiver.arrivals) == {f"msg_{pk.hex}" for pk in ids}
    assert len(receiver.processed) == 100  # the idempotent receiver: each webhook-id once
    assert receiver.invalid == 0
    assert {p["type"] for p in receiver.processed} == {"page.published"}
    assert Delivery.objects.filter(attempts__gte=2).count() == 100  # every one was retried


def test_a_worker_killed_mid_batch_loses_nothing(roles_index, workers, settings):
    settings.WEBHOOK_SWEEP_GRACE = 0.5
    receiver = Receiver(hold_from=5).start()  # the 5th request hangs: the worker is mid-send
    make_endpoint(receiver)
    for n in range(30):
        make_tool(f"Tool {n}")
    worker = workers(WEBHOOK_TIMEOUT="1")
    assert receiver.holding.wait(30)
    worker.kill()
    receiver.release.set()

    # Killed mid-task: db_worker's row stays RUNNING, and deliveries were left undone.
    assert DBTaskResult.objects.filter(status="RUNNING").count() == 1
    assert succeeded() == 4
    workers(WEBHOOK_TIMEOUT="1")
    try:
        # The sweep (`webhooks deliver`, from cron) finds the delivery whose claim ran out.
        wait_until(lambda: succeeded() == 30, sweep=True)
    finally:
        receiver.stop()
    assert len(receiver.processed) == 30
    assert receiver.invalid == 0
    # The one in flight when the worker died arrived twice, with the same webhook-id.
    assert sorted(receiver.arrivals.values()) == [1] * 29 + [2]


def test_a_publish_that_rolls_back_sends_nothing(roles_index, receiver, workers):
    rolled_back = make_guide(roles_index, "rolled-back", live=False)
    committed = make_guide(roles_index, "committed", live=False)
    make_endpoint(receiver)
    with pytest.raises(RuntimeError), transaction.atomic():
        publish(rolled_back)
        raise RuntimeError("the publish fails")
    publish(committed)

    worker = workers("--batch")
    worker.process.wait(60)
    assert [p["data"]["object"]["id"] for p in receiver.processed] == [committed.pk]
    assert Delivery.objects.count() == 1
    assert DBTaskResult.objects.count() == 1


def test_a_slow_receiver_does_not_hold_up_the_other_endpoints(roles_index, workers):
    slow = Receiver(hold_from=1).start()  # answers after 20 s (or when the test lets it)
    fast = Receiver().start()
    slow_endpoint, fast_endpoint = make_endpoint(slow), make_endpoint(fast)
    for n in range(5):
        make_tool(f"Tool {n}")
    workers()
    workers()
    try:
        wait_until(lambda: len(fast.processed) == 5)
        # Every delivery to the fast endpoint arrived while the slow one held its first
        # request: the slow endpoint occupies one worker, and nothing else waits behind it.
        assert len(slow.requests) == 1 and not slow.release.is_set()
        assert Delivery.objects.filter(endpoint=slow_endpoint, attempts=0).count() == 4
    finally:
        slow.release.set()
    wait_until(lambda: succeeded() == 10)
    slow.stop()
    fast.stop()
    assert fast_endpoint.deliveries.filter(status="succeeded").count() == 5
