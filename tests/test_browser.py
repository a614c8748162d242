"""An editor and an SEO lead preview a draft in a real browser (Chromium driven by Playwright).

Log in, change the demo guide's SEO title without saving and see it in the search-result
preview; change a heading, save a draft, and see it rendered by the reference client through a
preview token; the public API still answers with the published guide.
"""

import json
import os
import re
import shutil

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from roles.models import RoleGuidePage

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PUBLISHED_HEADING = "What Does a MLOps Engineer Do?"
DRAFT_HEADING = "What does an MLOps engineer do all day?"
DRAFT_SEO_TITLE = "MLOps engineer careers: skills, pay and a day at work"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM),
        reason="Chromium is not installed (.ci/run installs it)",
    ),
]


@pytest.fixture
def browser():
    # Playwright's sync API runs an event loop in this thread; the test's ORM calls are safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
    os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


def preview_panel(page):
    """The admin's preview panel frame (Wagtail swaps it as the mode or the content changes)."""
    return page.frame_locator("iframe[data-w-preview-target='iframe']").last


def public_heading(page, base_url):
    query = (
        '{ roleGuide(slug: "mlops-engineer-2026") { body { ... on SectionBlock { heading } } } }'
    )
    response = page.request.post(
        base_url + "/graphql/",
        data=json.dumps({"query": query}),
        headers={"Content-Type": "application/json"},
    )
    return response.json()["data"]["roleGuide"]["body"][0]["heading"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_draft_preview_in_a_real_browser(live_server, browser):
    from playwright.sync_api import expect

    expect.set_options(timeout=20_000)  # the preview panel waits on a POST and a reload
    call_command("load_demo_content", stdout=open(os.devnull, "w"))  # noqa: SIM115
    get_user_model().objects.create_superuser("editor", "editor@example.com", "correct-horse")
    guide = RoleGuidePage.objects.get(slug="mlops-engineer-2026")
    page = browser.new_page(viewport={"width": 1600, "height": 1000})
    page.set_default_timeout(20000)

    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "correct-horse")
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))

    # An SEO lead edits the SEO title, saves nothing, and checks the search-result preview.
    page.goto(f"{live_server.url}/admin/pages/{guide.pk}/edit/")
    page.click("#tab-label-promote")
    page.fill("#id_seo_title", DRAFT_SEO_TITLE)
    page.click("[aria-label='Toggle preview']")
    # Let the panel's first load (the frontend mode) finish before switching modes.
    expect(preview_panel(page).frame_locator("iframe").locator("h1")).to_be_visible()
    page.select_option("#id_preview_mode", "search")
    expect(preview_panel(page).get_by_test_id("search-title")).to_have_text(DRAFT_SEO_TITLE)

    # An editor changes the first heading and saves a draft.
    page.click("#tab-label-content")
    page.fill("#body-0-value-heading", DRAFT_HEADING)
    page.get_by_role("button", name="Save draft").click()
    expect(page.locator(".messages")).to_contain_text("has been updated")
    guide.refresh_from_db()
    assert guide.has_unpublished_changes and guide.live

    # The frontend preview: the reference client renders the draft through a preview token.
    page.click("[aria-label='Toggle preview']")
    page.select_option("#id_preview_mode", "")
    client = preview_panel(page).frame_locator("iframe")  # the reference client, with a token
    expect(client.locator("h2").first).to_have_text(DRAFT_HEADING)
    expect(client.locator("#banner")).to_contain_text("Preview of unpublished changes")

    # Meanwhile the public API still serves the published guide.
    assert public_heading(page, live_server.url) == PUBLISHED_HEADING
    live = browser.new_page()
    live.goto(live_server.url + "/reference-client/?path=/roles/mlops-engineer-2026/")
    expect(live.locator("h2").first).to_have_text(PUBLISHED_HEADING)
