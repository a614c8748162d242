"""Browser tests: Debian's Chromium driven by Playwright's Python API, against a live server."""

import os
import shutil

import pytest

from tests.browser.helpers import CHROMIUM, CHROMIUM_ARGS

MISSING = "Chromium is not installed (.ci/run installs it)"


def pytest_collection_modifyitems(items):
    """Every test in this folder is a browser test, skipped where Chromium is missing."""
    missing = not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM)
    for item in items:
        if "/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            if missing:
                item.add_marker(pytest.mark.skip(reason=MISSING))


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
