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


def logged_in_editor_page(browser, live_server, username="editor", **names):
    """A new browser context (its own cookies) signed in as a new superuser.

    `names` (first_name, last_name) are what the admin shows other editors."""
    get_user_model().objects.create_superuser(
        username, f"{username}@example.com", "correct-horse", **names
    )
    page = browser.new_page()
    page.set_default_timeout(20000)
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "correct-horse")
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))
    return page


# The admin's forms ------------------------------------------------------------------------------


def add_stream_block(page, label, field="body"):
    """Append a block to a StreamField through its last "+" and the block picker."""
    page.locator(f"#panel-child-content-{field}-content .c-sf-add-button").last.click()
    page.get_by_role("option", name=label, exact=True).click()


def add_list_item(page, last_item_field_id):
    """Add an item to a ListBlock after the item holding the field with this id."""
    item = page.locator(f"#{last_item_field_id}").locator(
        "xpath=ancestor::*[@data-streamfield-child][1]"
    )
    item.locator("xpath=following-sibling::button[@data-streamfield-list-add][1]").click()


def fill_rich_text(page, field_id, text):
    """Type into the Draftail editor that stores its content in the hidden input `field_id`."""
    editor = page.locator(f"[data-draftail-input]#{field_id}, #{field_id}").locator(
        "xpath=ancestor::*[contains(@class,'Draftail-Editor__wrapper') or "
        "contains(@class,'w-field__input')][1]"
    )
    editor.locator("[contenteditable=true]").click()
    page.keyboard.type(text)


def choose_in_chooser(page, field_id):
    """Open the chooser of the field with this id; returns the modal.

    Wagtail adds the modal to the page as soon as the button's script handles a click (its
    content follows). A block just added binds that script a moment later: on a busy machine
    a click can come first and open nothing, so the button is clicked again until a modal is
    there."""
    from playwright.sync_api import expect

    button = page.locator(f"#{field_id}-chooser [data-chooser-action-choose]").first
    modal = page.locator(".modal-dialog")
    for _ in range(CHOOSER_CLICKS - 1):
        button.click()
        try:
            expect(modal).to_have_count(1, timeout=3_000)
            return modal
        except AssertionError:
            continue
    button.click()
    expect(modal).to_have_count(1)
    return modal


CHOOSER_CLICKS = 4
CHOICE_TIMEOUT = 60_000  # ms


def expect_chosen(page, field_id):
    """Wait until the chooser has closed and its hidden input holds the choice: the modal
    answers asynchronously, and a form saved before that is refused as incomplete."""
    from playwright.sync_api import expect

    expect(page.locator(".modal-dialog")).to_have_count(0)
    expect(page.locator(f"input#{field_id}")).not_to_have_value("")


def choose(page, field_id, choice):
    """Pick `choice` (the text of an item) in the chooser of the field with this id."""
    modal = choose_in_chooser(page, field_id)
    # The modal's list comes from the chooser view: slow on a loaded machine, never absent.
    modal.locator("[data-chooser-modal-choice]", has_text=choice).click(timeout=CHOICE_TIMEOUT)
    expect_chosen(page, field_id)


def expect_saved(page, message):
    """Wait for the admin's confirmation `message` (a string or a pattern); a refused save
    fails at once with the field errors the editor would see, instead of a timeout."""
    from playwright.sync_api import expect

    wanted = message.pattern if isinstance(message, re.Pattern) else re.escape(message)
    messages = page.locator(".messages")
    expect(messages).to_contain_text(re.compile(f"{wanted}|{REFUSED}"))
    if re.search(REFUSED, messages.inner_text()):
        errors = page.locator(".error-message, .help-critical, .w-field__errors").all_inner_texts()
        raise AssertionError(f"the admin refused the save: {[e.strip() for e in errors]}")
    expect(messages).to_contain_text(message)


# What the admin says when it refuses a save ("The page could not be saved due to errors.").
REFUSED = "could not be"


def let_autosave_finish(page):
    """Wait, as an editor would for "Saved", until Wagtail's autosave has nothing in flight.

    Wagtail 8 autosaves half a second after a change; on a new page that save creates the
    page, so a "Save draft" sent while it is in flight posts a second creation and is
    refused ("slug already in use"). Waits out the debounce, then the request."""
    from playwright.sync_api import expect

    page.wait_for_timeout(AUTOSAVE_DEBOUNCE_MS)
    page.wait_for_load_state("networkidle")
    indicator = page.locator("#w-autosave-indicator")
    if indicator.count():
        expect(indicator).not_to_have_attribute("data-w-autosave-state-value", "saving")


# WAGTAIL_AUTOSAVE_INTERVAL (Wagtail's default, 500 ms), with a margin.
AUTOSAVE_DEBOUNCE_MS = 800


def save_draft(page):
    """Click "Save draft" once autosave has settled."""
    let_autosave_finish(page)
    page.get_by_role("button", name="Save draft").click()


def publish_from_footer(page):
    """Publish from the footer's action menu and wait for the confirmation."""
    let_autosave_finish(page)
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    page.locator("button[name='action-publish']").click()
    expect_saved(page, "published")


# The preview panel ------------------------------------------------------------------------------


def preview_panel(page):
    """The admin's preview panel frame (Wagtail swaps it as the mode or the content changes)."""
    return page.frame_locator("iframe[data-w-preview-target='iframe']").last


def open_preview_panel(page, mode=""):
    """Open the side panel's preview (unless Wagtail kept it open) in the given mode."""
    page.wait_for_load_state("networkidle")
    if not page.locator("#id_preview_mode").is_visible():
        page.click("[aria-label='Toggle preview']")
    page.select_option("#id_preview_mode", mode)


# The public API ---------------------------------------------------------------------------------


def api_query(browser, live_server, query, *, method="POST", **variables):
    """The API's `data` for a query, asked as a reader would: a fresh context, no session
    cookie, so the response cache is in play. Fails on any error."""
    import json

    context = browser.new_context()
    try:
        if method == "GET":
            from urllib.parse import urlencode

            params = urlencode({"query": query, "variables": json.dumps(variables)})
            response = context.request.get(f"{live_server.url}/graphql/?{params}")
        else:
            response = context.request.post(
                live_server.url + "/graphql/",
                data=json.dumps({"query": query, "variables": variables}),
                headers={"Content-Type": "application/json"},
            )
        answer = response.json()
    finally:
        context.close()
    assert "errors" not in answer, answer
    return answer["data"]
