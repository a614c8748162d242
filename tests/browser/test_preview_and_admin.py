"""An editor and an SEO lead preview a draft in a real browser (Chromium driven by Playwright).

Log in, change the demo guide's SEO title without saving and see it in the search-result
preview; change a heading, save a draft, and see it rendered by the reference client through a
preview token; the public API still answers with the published guide.
"""

import json
import os
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from roles.models import RoleGuidePage
from tests.browser.helpers import expect_saved, logged_in_editor_page, save_draft

PUBLISHED_HEADING = "What Does a MLOps Engineer Do?"
DRAFT_HEADING = "What does an MLOps engineer do all day?"
DRAFT_SEO_TITLE = "MLOps engineer careers: skills, pay and a day at work"


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
    save_draft(page)
    expect_saved(page, "has been updated")
    guide.refresh_from_db()
    assert guide.has_unpublished_changes and guide.live

    # The frontend preview: the reference client renders the draft through a preview token.
    # (Wagtail may keep the panel open across the save's reload: open it only if closed.)
    page.wait_for_load_state("networkidle")
    if not page.locator("#id_preview_mode").is_visible():
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


# The reference client on a crafted link ---------------------------------------------------------

EVIL = "https://evil.example"
# Runs if inserted as HTML: reads the admin's user list with the editor's session.
STEAL = "fetch('/admin/users/').then(r => r.text()).then(t => { window.__stolen = t.length; })"
HOSTILE_HTML = (
    "<p>Safe words.</p>"
    f'<img src="x" onerror="{STEAL}">'
    f'<svg onload="{STEAL}"></svg>'
    "<script>window.__stolen = 1</script>"
    '<a href="javascript:window.__stolen=2">click</a>'
    '<iframe src="javascript:parent.__stolen=3"></iframe>'
)


def hostile_answer(request_body):
    """A GraphQL answer whose rich text and links are hostile, for whichever query was sent."""
    guide = {
        "title": "Hostile guide",
        "roleName": "Role",
        "year": 2026,
        "intro": "<b>not bold</b>",
        "category": None,
        "seo": {"title": "Hostile", "description": ""},
        "body": [
            {"blockType": "SectionBlock", "heading": "<i>Heading</i>", "body": HOSTILE_HTML},
            {
                "blockType": "CallToActionBlock",
                "heading": "Apply",
                "text": "Now",
                "buttonLabel": "Go",
                "href": "javascript:window.__stolen=4",
            },
        ],
    }
    key = "page" if "PreviewPage" in request_body else "roleGuide"
    return json.dumps({"data": {key: guide}})


def serve_hostile_api(route):
    cors = {
        "Access-Control-Allow-Origin": "*",
        "Access-Control-Allow-Headers": "content-type, accept",
        "Access-Control-Allow-Methods": "POST, GET, OPTIONS",
    }
    if route.request.method == "OPTIONS":
        route.fulfill(status=204, headers=cors)
    else:
        route.fulfill(
            status=200,
            headers={**cors, "Content-Type": "application/json"},
            body=hostile_answer(route.request.post_data or ""),
        )


def watch_requests(page):
    seen = []
    page.on("request", lambda request: seen.append(request.url))
    return seen


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_crafted_endpoint_link_runs_nothing(live_server, browser):
    from playwright.sync_api import expect

    call_command("load_demo_content", stdout=open(os.devnull, "w"))  # noqa: SIM115
    page = logged_in_editor_page(browser, live_server)
    page.context.route(EVIL + "/**", serve_hostile_api)
    requests = watch_requests(page)
    token_link = (
        f"{live_server.url}/reference-client/?token=secret-preview-token&content_type=roles.x"
        f"&endpoint={EVIL}/graphql/"
    )
    page.goto(token_link)
    page.wait_for_load_state("networkidle")
    expect(page.locator(".error")).to_contain_text("not allowed")
    assert page.evaluate("window.__stolen") is None
    assert not [url for url in requests if url.startswith(EVIL) or "/admin/users/" in url]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_hostile_html_from_the_api_runs_nothing(live_server, browser):
    """Even if the API answered with hostile HTML, the client inserts only sanitised markup."""
    from playwright.sync_api import expect

    page = logged_in_editor_page(browser, live_server)
    page.context.route(re.compile(r".*/graphql/$"), serve_hostile_api)
    requests = watch_requests(page)
    page.goto(live_server.url + "/reference-client/?path=/roles/hostile/")
    expect(page.locator("h2").first).to_have_text("<i>Heading</i>")  # text stays text
    expect(page.locator("main")).to_contain_text("Safe words.")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__stolen") is None
    assert not [url for url in requests if "/admin/users/" in url]
    assert page.locator("main img, main svg, main script, main iframe").count() == 0
    assert page.locator("a[href^='javascript']").count() == 0
    # The page's policy refuses HTML strings outright (Trusted Types) and inline script.
    refused = page.evaluate(
        "() => { try { document.body.innerHTML = '<b>x</b>'; return false; }"
        " catch (e) { return e instanceof TypeError; } }"
    )
    assert refused
    csp = page.request.get(live_server.url + "/reference-client/").headers[
        "content-security-policy"
    ]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp


# A long guide in the admin ----------------------------------------------------------------------


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_300_block_guide_publishes_from_the_admin(live_server, browser):
    from playwright.sync_api import expect

    from tests.factories import guide_body, make_faq, make_guide, make_site_tree, make_tool

    _, index = make_site_tree()
    faqs = [make_faq(f"Question {n}?") for n in range(3)]
    tools = [make_tool("Airflow"), make_tool("Kubeflow")]
    mix = guide_body(faqs=faqs, tools=tools, skills=4)
    sections = [block for block in mix if block["type"] == "section"]
    body = [dict(block) for block in mix] + [
        dict(sections[n % len(sections)]) for n in range(300 - len(mix))
    ]
    guide = make_guide(index, "long", body=body)
    page = logged_in_editor_page(browser, live_server)
    page.set_default_timeout(120_000)
    expect.set_options(timeout=120_000)
    page.goto(f"{live_server.url}/admin/pages/{guide.pk}/edit/")
    # Wagtail autosaves the whole form half a second after a change; let it finish, so the
    # publish below is the last write (an overlap would queue, not fail: see
    # test_sqlite_concurrency.py).
    page.fill("#id_title", "A very long guide")
    page.wait_for_timeout(1500)
    page.wait_for_load_state("networkidle")
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    page.locator("button[name='action-publish']").click()
    expect_saved(page, "published")
    guide.refresh_from_db()
    assert guide.title == "A very long guide" and not guide.has_unpublished_changes
    assert len(guide.body) == 300


# A hero image, uploaded in the admin, in the reference client -----------------------------------


def hero_png(path):
    from PIL import Image

    Image.new("RGB", (1400, 700), (41, 82, 204)).save(path, "PNG")
    return path


def loaded_hero(frame_or_page):
    """The reference client's hero <img>, once the browser has decoded one of its renditions."""
    from playwright.sync_api import expect

    hero = frame_or_page.locator("main img.hero")
    expect(hero).to_have_count(1)
    expect(hero).to_have_js_property("complete", True)
    return hero


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_uploaded_hero_image_shows_in_preview_and_live(live_server, browser, settings, tmp_path):
    from playwright.sync_api import expect

    settings.SERVE_MEDIA = True  # the live server serves the renditions it makes
    # Absolute media URLs point at the live server.
    settings.PUBLIC_BASE_URL = settings.WAGTAILADMIN_BASE_URL = live_server.url
    expect.set_options(timeout=30_000)
    call_command("load_demo_content", stdout=open(os.devnull, "w"))  # noqa: SIM115
    guide = RoleGuidePage.objects.get(slug="mlops-engineer-2026")
    assert guide.hero_image is None
    page = logged_in_editor_page(browser, live_server)
    page.set_viewport_size({"width": 1600, "height": 1000})
    page.goto(f"{live_server.url}/admin/pages/{guide.pk}/edit/")

    # Upload a hero image from the image chooser, and save a draft.
    page.locator("#id_hero_image-chooser [data-chooser-action-choose]").first.click()
    page.click("#tab-label-upload")
    page.set_input_files("#id_image-chooser-upload-file", str(hero_png(tmp_path / "hero.png")))
    page.fill("#id_image-chooser-upload-title", "Hero")
    page.locator("#tab-upload button[type=submit], #tab-upload input[type=submit]").first.click()
    expect(page.locator("#id_hero_image-chooser [data-chooser-title]")).to_have_text("Hero")
    save_draft(page)
    expect_saved(page, "has been updated")
    guide.refresh_from_db()
    assert guide.get_latest_revision_as_object().hero_image.title == "Hero"
    assert guide.hero_image is None  # live: still without

    # The preview (the reference client with a token) shows it, as a decoded image.
    page.click("[aria-label='Toggle preview']")
    client = preview_panel(page).frame_locator("iframe")
    hero = loaded_hero(client)
    assert hero.evaluate("img => img.naturalWidth") > 0
    srcset = hero.get_attribute("srcset")
    widths = [candidate.split()[1] for candidate in srcset.split(", ")]
    assert widths == ["640w", "1280w", "1400w"]  # never wider than the 1400 px original
    assert srcset.startswith(live_server.url + "/media/images/")
    assert hero.get_attribute("alt") == ""

    # The live client shows none until the guide is published, then shows it.
    live = browser.new_page()
    live.goto(live_server.url + "/reference-client/?path=/roles/mlops-engineer-2026/")
    expect(live.locator("h1")).to_be_visible()
    assert live.locator("main img").count() == 0
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    page.locator("button[name='action-publish']").click()
    expect_saved(page, "published")
    live.reload()
    assert loaded_hero(live).evaluate("img => img.naturalWidth") > 0


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_hero_srcset_keeps_only_http_candidates(live_server, browser):
    """A srcSet candidate that is not an http(s) address (data:, javascript:) never reaches the
    <img>; one that could split the srcset (a comma in the address) is dropped too."""
    from playwright.sync_api import expect

    def answer(route):
        guide = json.loads(hostile_answer(route.request.post_data or ""))
        guide["data"]["roleGuide"]["heroImage"] = {
            "width": 1280,
            "height": 640,
            "srcSet": (
                "javascript:window.__stolen=5 320w, data:image/png;base64,AAAA 640w, "
                f"{live_server.url}/media/a,b.webp 960w, {EVIL}/hero.webp 1280w"
            ),
        }
        route.fulfill(status=200, content_type="application/json", body=json.dumps(guide))

    page = browser.new_page()
    page.route(re.compile(r".*/graphql/$"), answer)
    page.route(EVIL + "/**", lambda route: route.fulfill(status=404))
    page.goto(live_server.url + "/reference-client/?path=/roles/hostile/")
    hero = page.locator("main img.hero")
    expect(hero).to_have_count(1)
    assert hero.get_attribute("srcset") == f"{EVIL}/hero.webp 1280w"
    assert hero.get_attribute("src") == f"{EVIL}/hero.webp"
    assert page.evaluate("window.__stolen") is None


# Snippet choosers: search, then create an entry without leaving the page ------------------------


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_chooser_searches_and_creates_an_entry_in_place(live_server, browser):
    from playwright.sync_api import expect

    from roles.models import Category
    from tests.factories import make_category, make_site_tree

    _, index = make_site_tree()
    for name in ("Machine Learning", "data", "Security"):
        make_category(name)
    page = logged_in_editor_page(browser, live_server)
    page.goto(f"{live_server.url}/admin/pages/add/roles/roleguidepage/{index.pk}/")
    page.locator("#id_category-chooser [data-chooser-action-choose]").first.click()
    modal = page.locator(".modal-dialog")
    results = modal.locator("[data-chooser-modal-choice]")
    expect(results).to_have_text(["data", "Machine Learning", "Security"])  # any case, A–Z
    modal.locator("input[name=q]").fill("MACH")
    expect(results).to_have_text(["Machine Learning"])

    modal.locator("#tab-label-create").click()
    modal.locator("input[name=name]").fill("Data Platform")
    modal.get_by_role("button", name="Create").click()
    expect(page.locator("#id_category-chooser [data-chooser-title]")).to_have_text("Data Platform")
    created = Category.objects.get(name="Data Platform")
    assert page.locator("input[name=category]").input_value() == str(created.pk)
