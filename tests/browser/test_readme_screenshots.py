"""The README's screenshots of the guide editor and the preview panel's modes.

Written only with UPDATE_SCREENSHOTS=1 (`make screenshots`); otherwise skipped. Each one is taken
from the demo guide in a 1400×900 window and kept under 300 KB.
"""

import os
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.browser.helpers import logged_in_editor_page, open_preview_panel, preview_panel

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
MAX_BYTES = 300_000

pytestmark = [
    pytest.mark.skipif(
        os.environ.get("UPDATE_SCREENSHOTS") != "1",
        reason="writes docs/screenshots/; run with UPDATE_SCREENSHOTS=1 (make screenshots)",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def save(page, name):
    path = SCREENSHOTS / name
    page.screenshot(path=str(path))
    if path.stat().st_size > MAX_BYTES:
        from PIL import Image

        # Fewer colours: admin screenshots are flat, and stay legible at 256.
        Image.open(path).convert("RGB").quantize(colors=256).save(path, optimize=True)
    assert path.stat().st_size <= MAX_BYTES, f"{name} is {path.stat().st_size:,} bytes"
    return path


def test_screenshots_of_the_guide_editor_and_the_preview_modes(live_server, browser):
    from playwright.sync_api import expect

    from roles.models import RoleGuidePage

    expect.set_options(timeout=20_000)
    call_command("load_demo_content", stdout=open(os.devnull, "w"))  # noqa: SIM115
    guide = RoleGuidePage.objects.get(slug="mlops-engineer-2026")
    page = logged_in_editor_page(browser, live_server)
    page.set_viewport_size({"width": 1400, "height": 900})
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    # The editor: the guide's first blocks, from the body's start.
    page.goto(f"{live_server.url}/admin/pages/{guide.pk}/edit/")
    page.wait_for_load_state("networkidle")
    page.evaluate(
        "() => document.querySelector('#panel-child-content-body-section')"
        ".scrollIntoView({block: 'start'})"
    )
    page.mouse.move(0, 0)
    save(page, "guide-editor.png")

    # The preview panel: the frontend (the reference client), the search result, the social card.
    open_preview_panel(page)
    client = preview_panel(page).frame_locator("iframe")
    expect(client.locator("h1")).to_be_visible()
    page.wait_for_load_state("networkidle")
    save(page, "preview-frontend.png")
    page.select_option("#id_preview_mode", "search")
    expect(preview_panel(page).get_by_test_id("search-title")).to_be_visible()
    save(page, "preview-search.png")
    page.select_option("#id_preview_mode", "social")
    expect(preview_panel(page).get_by_test_id("social-card")).to_be_visible()
    save(page, "preview-social.png")
