"""Webhook delivery under `make run`: db_worker's own Worker loop in threads of the
development server (they end with it, reloads included), and the sweep every 30 s, as cron
runs `manage.py webhooks deliver` in production."""

import logging
import threading
import time

from django.db import close_old_connections
from django.utils.crypto import get_random_string
from django_tasks_db.management.commands.db_worker import Worker

from cms.webhooks import delivery
from cms.webhooks.models import Endpoint
from cms.webhooks.tasks import BACKEND

logger = logging.getLogger("cms.webhooks")

WORKER_THREADS = 2
SWEEP_INTERVAL = 30


def run_worker():
    worker = Worker(
        queue_names=[BACKEND],
        interval=1,
        batch=False,
        backend_name=BACKEND,
        startup_delay=False,
        max_tasks=None,
        worker_id=f"devserver-{get_random_string(12)}",
        excluded_queue_names=[],
    )
    while True:
        try:
            worker.run()
        except Exception:  # keep delivering; the next round tries again
            logger.exception("webhook worker failed")
            time.sleep(1)


def sweep_forever():
    while True:
        try:
            delivery.sweep()
        except Exception:
            logger.exception("webhook sweep failed")
        finally:
            close_old_connections()
        time.sleep(SWEEP_INTERVAL)


def start():
    """Start the worker threads and the sweep; returns the threads."""
    threads = [
        threading.Thread(target=run_worker, name=f"webhook-worker-{n}", daemon=True)
        for n in range(WORKER_THREADS)
    ]
    threads.append(threading.Thread(target=sweep_forever, name="webhook-sweep", daemon=True))
    for thread in threads:
        thread.start()
    return threads


def webhooks_link(base):
    active = Endpoint.objects.filter(active=True).count()
    return (
        "Webhooks",
        f"{base}/admin/webhooks_endpoint/  ({WORKER_THREADS} delivery workers running; "
        f"{active} active endpoint{'s' if active != 1 else ''})",
    )
