"""The links `make run` prints once the server listens. Apps add theirs in AppConfig.ready()
(`register_run_link`), so the generic server command names no domain app."""

import os
from collections.abc import Callable

from django.contrib.auth import get_user_model

# Each takes the server's base URL and returns (label, URL and a short note).
RUN_LINKS: list[Callable[[str], tuple[str, str]]] = []


def register_run_link(link: Callable[[str], tuple[str, str]]) -> None:
    if link not in RUN_LINKS:
        RUN_LINKS.append(link)


def admin_login() -> str:
    """How to log in: the default password while it still works, else the account's name."""
    username = os.environ.get("ADMIN_USERNAME", "admin")
    password = os.environ.get("ADMIN_PASSWORD", "admin")
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        return "no admin account: run `manage.py ensure_admin`"
    if user.check_password(password):
        return f"log in as {username} / {password}"
    return f"log in as {username}, with its password"


def links(base: str) -> list[tuple[str, str]]:
    """The admin and GraphQL, then what the apps registered."""
    return [
        ("Admin", f"{base}/admin/  ({admin_login()})"),
        ("GraphQL", f"{base}/graphql/  (GraphiQL in a browser)"),
        *(link(base) for link in RUN_LINKS),
    ]


def links_block(base: str) -> str:
    found = links(base)
    width = max(len(label) for label, _ in found)
    rows = [f"  {label.ljust(width)}  {target}" for label, target in found]
    return "\n".join(["", "Ready:", *rows, ""])
