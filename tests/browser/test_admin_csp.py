"""Wagtail's admin works under the Content-Security-Policy: no violation in a real browser.

(With `CSP_SCRIPT_SRC="'self'"` and `CSP_STYLE_SRC="'self'"` this test fails: Wagtail 8's admin
runs inline scripts and styles, hence 'unsafe-inline' in the default policy.)
"""

import os
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from roles.models import RoleGuidePage


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_admin_runs_without_csp_violations(live_server, browser):
    call_command("load_demo_content", stdout=open(os.devnull, "w"))  # noqa: SIM115
    get_user_model().objects.create_superuser("editor", "editor@example.com", "correct-horse")
    guide = RoleGuidePage.objects.get(slug="mlops-engineer-2026")
    page = browser.new_page(viewport={"width": 1600, "height": 1000})
    page.set_default_timeout(20000)
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )

    response = page.goto(live_server.url + "/admin/login/")
    assert "default-src 'self'" in response.headers["content-security-policy"]
    page.fill("#id_username", "editor")
    page.fill("#id_password", "correct-horse")
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))
    for path in (
        f"/admin/pages/{guide.pk}/edit/",
        f"/admin/pages/{guide.get_parent().pk}/",
        "/admin/snippets/faqs/faqentry/",
        "/admin/images/",
        "/admin/pages/add/roles/roleguidepage/" + str(guide.get_parent().pk) + "/",
    ):
        page.goto(live_server.url + path)
        page.wait_for_load_state("networkidle")
    page.goto(f"{live_server.url}/admin/pages/{guide.pk}/edit/")
    page.click("[aria-label='Toggle preview']")
    page.wait_for_load_state("networkidle")
    assert violations == []
