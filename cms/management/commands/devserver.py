"""`make run`'s server: Django's runserver, whose output ends with the links to open, and
which publishes scheduled pages while it runs (Wagtail's `publish_scheduled`, every
SCHEDULED_PUBLISH_INTERVAL seconds: 60 by default), as a production scheduler would."""

import logging
import os
import sys
import threading
import time

from django.contrib.staticfiles.management.commands.runserver import Command as RunserverCommand
from django.core.management import CommandError, call_command
from django.db import close_old_connections

from cms.run_links import links_block, register_run_link

logger = logging.getLogger("cms.devserver")


def publish_interval() -> int:
    """SCHEDULED_PUBLISH_INTERVAL in seconds (60 by default); CommandError when it is not a
    whole number of at least 1."""
    value = os.environ.get("SCHEDULED_PUBLISH_INTERVAL", "60")
    if not value.strip().isdigit() or int(value) < 1:
        raise CommandError(
            "SCHEDULED_PUBLISH_INTERVAL must be a whole number of seconds, at least 1 "
            f"(got {value!r})."
        )
    return int(value)


def publish_scheduled_forever(interval: int) -> None:
    """Run Wagtail's `publish_scheduled` every `interval` seconds until the process ends."""
    with open(os.devnull, "w") as quiet:
        while True:
            time.sleep(interval)
            try:
                call_command("publish_scheduled", stdout=quiet)
            except Exception:  # keep serving; the next round tries again
                logger.exception("publish_scheduled failed")
            finally:
                close_old_connections()


def scheduled_publishing_link(base: str) -> tuple[str, str]:
    return "Scheduling", f"pages go live within {publish_interval()} s of their time"


class Command(RunserverCommand):
    help = "Run the development server, then print the admin, GraphQL and demo guide links."

    def handle(self, *args, **options):
        publish_interval()  # a wrong setting stops the server before it starts, clearly
        return super().handle(*args, **options)

    def on_bind(self, server_port):
        super().on_bind(server_port)
        register_run_link(scheduled_publishing_link)
        # Webhooks are delivered while the server runs (cms/webhooks/devworkers.py).
        from cms.webhooks import devworkers

        devworkers.start()
        register_run_link(devworkers.webhooks_link)
        threading.Thread(
            target=publish_scheduled_forever,
            args=(publish_interval(),),
            name="publish-scheduled",
            daemon=True,
        ).start()
        host = (
            f"[{self.addr}]"
            if self._raw_ipv6
            else ("127.0.0.1" if self.addr in ("0", "0.0.0.0") else self.addr)
        )
        base = f"{self.protocol}://{host}:{server_port}"
        self.stdout.write(links_block(base))
        sys.stdout.flush()
