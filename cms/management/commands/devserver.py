"""`make run`'s server: Django's runserver, whose output ends with the links to open."""

import sys

from django.contrib.staticfiles.management.commands.runserver import Command as RunserverCommand

from cms.run_links import links_block


class Command(RunserverCommand):
    help = "Run the development server, then print the admin, GraphQL and demo guide links."

    def on_bind(self, server_port):
        super().on_bind(server_port)
        host = (
            f"[{self.addr}]"
            if self._raw_ipv6
            else ("127.0.0.1" if self.addr in ("0", "0.0.0.0") else self.addr)
        )
        base = f"{self.protocol}://{host}:{server_port}"
        self.stdout.write(links_block(base))
        sys.stdout.flush()
