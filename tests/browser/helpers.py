"""What the browser tests share: where Chromium is, and a logged-in editor."""

import os
import re

from django.contrib.auth import get_user_model

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def logged_in_editor_page(browser, live_server):
    get_user_model().objects.create_superuser("editor", "editor@example.com", "correct-horse")
    page = browser.new_page()
    page.set_default_timeout(20000)
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "correct-horse")
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))
    return page
