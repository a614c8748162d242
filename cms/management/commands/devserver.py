"""`make run`'s server: Django's runserver, whose output ends with the links to open."""

import os
import sys

from django.contrib.auth import get_user_model
from django.contrib.staticfiles.management.commands.runserver import Command as RunserverCommand


def admin_login():
    """How to log in: the default password while it still works, else the account's name."""
    username = os.environ.get("ADMIN_USERNAME", "admin")
    password = os.environ.get("ADMIN_PASSWORD", "admin")
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        return "no admin account: run `manage.py ensure_admin`"
    if user.check_password(password):
        return f"log in as {username} / {password}"
    return f"log in as {username}, with its password"


def demo_guide_link(base):
    """The reference client on the demo guide while it is live, else its page in the admin."""
    from roles.management.commands.load_demo_content import Command as Loader

    guide = Loader.find_guide()
    if guide is None:
        return "Demo guide", "none: run `manage.py load_demo_content`"
    parts = guide.get_url_parts()
    if guide.live and parts:
        return "Demo guide", f"{base}/reference-client/?path={parts[2]}"
    return "Demo guide", f"{base}/admin/pages/{guide.pk}/edit/  (not live)"


def links(base):
    """The block of links printed once the server listens: (label, URL and note) rows."""
    return [
        ("Admin", f"{base}/admin/  ({admin_login()})"),
        ("GraphQL", f"{base}/graphql/  (GraphiQL in a browser)"),
        demo_guide_link(base),
    ]


def links_block(base):
    found = links(base)
    width = max(len(label) for label, _ in found)
    rows = [f"  {label.ljust(width)}  {target}" for label, target in found]
    return "\n".join(["", "Ready:", *rows, ""])


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
