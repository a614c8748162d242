"""An editor's main journeys in the admin, in Chromium, each checked against what the API answers.

1. A new guide with every block type (and a tool created from inside the Tool chooser): save a
   draft, preview it, publish it, query it.
2. A shared FAQ entry edited as a draft (every guide still serves the old text), then published
   (every guide serves the new one, cached answers included).
3. Two editors on one guide: the second sees who else is there, is warned before overwriting
   the first's published change, and neither edit is lost.
4. A publish scheduled a minute ahead: not served before, served once the time has passed and
   `publish_scheduled` has run.

Fields are filled by their input names (`body-N-value-...`), which survive layout changes.
"""

import re

import pytest

from roles.blocks import RoleGuideStreamBlock
from tests.browser.helpers import (
    add_list_item,
    add_stream_block,
    api_query,
    choose,
    choose_in_chooser,
    expect_chosen,
    expect_saved,
    fill_rich_text,
    logged_in_editor_page,
    open_preview_panel,
    preview_panel,
    publish_from_footer,
    save_draft,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# Journey 1: a new guide with every block type --------------------------------------------------

NEW_TOOL = "Great Expectations"

# What the editor types into each block, in the order the blocks are added.
EVERY_BLOCK = {
    "section": {"label": "Section", "heading": "What does a data reliability engineer do?"},
    "skills_list": {"label": "Skills list", "heading": "Skills", "skill": "Data quality checks"},
    "day_in_the_life": {
        "label": "Day in the life",
        "heading": "A working day",
        "moment": "Morning",
        "narrative": "Read the overnight pipeline alerts and triage the failures.",
    },
    "career_path": {
        "label": "Career path",
        "heading": "Career path",
        "levels": [("Data Reliability Engineer I", "Owns checks on one domain."), ("Staff", "")],
    },
    "salary_table": {
        "label": "Salary table",
        "heading": "Pay",
        "currency": "EUR",
        "level": "Entry-Level",
        "experience_min_years": "0",
        "experience_max_years": "2",
        "base_salary_min": "65000",
        "base_salary_max": "80000",
        "equity_bonus_percent_min": "5",
        "equity_bonus_percent_max": "10",
        "source_note": "Figures from a 2026 survey.",
        "as_of_year": "2026",
    },
    "companies_hiring": {"label": "Companies hiring", "heading": "Who is hiring"},
    "call_to_action": {
        "label": "Call to action",
        "heading": "Ready to apply?",
        "text": "Send us your profile.",
        "button_label": "Apply now",
        "link_url": "https://example.com/apply",
    },
    "faq": {"label": "FAQ", "heading": "Questions"},
}
SECTION_TEXT = "They keep the data that models learn from correct and on time."

GUIDE_QUERY = """
query Guide($slug: String) {
  roleGuide(slug: $slug) {
    title roleName year intro category { name }
    body {
      blockType
      ... on SectionBlock { heading body }
      ... on SkillsListBlock { heading skills { name tools { name website } } }
      ... on DayInTheLifeBlock { heading moments { label narrative } }
      ... on CareerPathBlock { heading levels { title summary } }
      ... on SalaryTableBlock {
        heading currency sourceNote asOfYear
        rows {
          level experienceMinYears experienceMaxYears baseSalaryMin baseSalaryMax
          equityBonusPercentMin equityBonusPercentMax baseSalaryDisplay
        }
      }
      ... on CompaniesHiringBlock { heading companies { name } }
      ... on CallToActionBlock { heading text buttonLabel linkUrl href }
      ... on FaqBlock { heading entries { question } }
    }
  }
}
"""


def test_the_journey_covers_every_block_type():
    """A block type added to the guide's body fails this until journey 1 fills it too."""
    assert set(RoleGuideStreamBlock.base_blocks) == set(EVERY_BLOCK)


def fill_every_block(page, live_server):
    """Add each block type in turn and fill it the way an editor would."""
    values = EVERY_BLOCK
    for index, (name, typed) in enumerate(values.items()):
        add_stream_block(page, typed["label"])
        prefix = f"body-{index}-value"
        page.fill(f"#{prefix}-heading", typed["heading"])
        if name == "section":
            fill_rich_text(page, f"{prefix}-body", SECTION_TEXT)
        elif name == "skills_list":
            page.fill(f"#{prefix}-skills-0-value-name", typed["skill"])
            # The tool does not exist yet: create it from inside the chooser.
            modal = choose_in_chooser(page, f"{prefix}-skills-0-value-tools-0-value")
            modal.locator("#tab-label-create").click()
            modal.locator("input[name=name]").fill(NEW_TOOL)
            modal.locator("input[name=website]").fill("https://greatexpectations.io")
            modal.get_by_role("button", name="Create").click()
            expect_chosen(page, f"{prefix}-skills-0-value-tools-0-value")
        elif name == "day_in_the_life":
            page.fill(f"#{prefix}-moments-0-value-label", typed["moment"])
            page.fill(f"#{prefix}-moments-0-value-narrative", typed["narrative"])
        elif name == "career_path":
            add_list_item(page, f"{prefix}-levels-0-value-title")
            for n, (title, summary) in enumerate(typed["levels"]):
                page.fill(f"#{prefix}-levels-{n}-value-title", title)
                page.fill(f"#{prefix}-levels-{n}-value-summary", summary)
        elif name == "salary_table":
            page.select_option(f"#{prefix}-currency", typed["currency"])
            row = f"{prefix}-rows-0-value"
            for field in (
                "level",
                "experience_min_years",
                "experience_max_years",
                "base_salary_min",
                "base_salary_max",
                "equity_bonus_percent_min",
                "equity_bonus_percent_max",
            ):
                page.fill(f"[name='{row}-{field}']", typed[field])
            page.fill(f"#{prefix}-source_note", typed["source_note"])
            page.fill(f"#{prefix}-as_of_year", typed["as_of_year"])
        elif name == "companies_hiring":
            choose(page, f"{prefix}-companies-0-value", "Acme Robotics")
        elif name == "call_to_action":
            page.fill(f"#{prefix}-text", typed["text"])
            page.fill(f"#{prefix}-button_label", typed["button_label"])
            page.fill(f"#{prefix}-link_url", typed["link_url"])
        elif name == "faq":
            choose(page, f"{prefix}-entries-0-value", "Is it remote?")


def test_a_new_guide_with_every_block_type_is_saved_previewed_published_and_served(
    live_server, browser
):
    from playwright.sync_api import expect

    from roles.models import RoleGuidePage, Tool
    from tests.factories import make_category, make_company, make_faq, make_site_tree

    expect.set_options(timeout=20_000)
    _, index = make_site_tree()
    make_category("Data")
    make_company("Acme Robotics")
    make_faq("Is it remote?", "<p>Often, yes.</p>")
    page = logged_in_editor_page(browser, live_server)
    page.set_viewport_size({"width": 1400, "height": 900})

    page.goto(f"{live_server.url}/admin/pages/add/roles/roleguidepage/{index.pk}/")
    page.fill("#id_title", "Data Reliability Engineer 2026")
    page.fill("#id_role_name", "Data Reliability Engineer")
    page.fill("#id_year", "2026")
    choose(page, "id_category", "Data")
    page.fill("#id_intro", "Engineers who keep data correct, complete and on time.")
    fill_every_block(page, live_server)

    save_draft(page)
    # "created", or "has been updated" when Wagtail 8 autosaved the new page first.
    expect_saved(
        page, re.compile(r"Page 'Data Reliability Engineer 2026' (created|has been updated)")
    )
    guide = RoleGuidePage.objects.get(slug="data-reliability-engineer-2026")
    assert not guide.live
    tool = Tool.objects.get(name=NEW_TOOL)

    # The preview (the reference client, with a token) shows the draft's blocks.
    open_preview_panel(page)
    client = preview_panel(page).frame_locator("iframe")
    expect(client.locator("h1")).to_have_text("Data Reliability Engineer 2026")
    for typed in EVERY_BLOCK.values():
        expect(client.locator("main")).to_contain_text(typed["heading"])
    expect(client.locator("main")).to_contain_text(NEW_TOOL)
    assert api_query(browser, live_server, GUIDE_QUERY, slug=guide.slug)["roleGuide"] is None

    publish_from_footer(page)
    served = api_query(browser, live_server, GUIDE_QUERY, slug=guide.slug)["roleGuide"]
    assert served["title"] == "Data Reliability Engineer 2026"
    assert served["category"] == {"name": "Data"}
    blocks = {block["blockType"]: block for block in served["body"]}
    assert [block["blockType"] for block in served["body"]] == [
        type(RoleGuideStreamBlock.base_blocks[name]).__name__ for name in EVERY_BLOCK
    ]
    typed = EVERY_BLOCK
    assert blocks["SectionBlock"]["heading"] == typed["section"]["heading"]
    assert SECTION_TEXT in blocks["SectionBlock"]["body"]
    assert blocks["SkillsListBlock"]["skills"] == [
        {
            "name": typed["skills_list"]["skill"],
            "tools": [{"name": NEW_TOOL, "website": "https://greatexpectations.io"}],
        }
    ]
    assert tool.slug == "great-expectations"
    assert blocks["DayInTheLifeBlock"]["moments"] == [
        {"label": "Morning", "narrative": typed["day_in_the_life"]["narrative"]}
    ]
    assert blocks["CareerPathBlock"]["levels"] == [
        {"title": title, "summary": summary} for title, summary in typed["career_path"]["levels"]
    ]
    salary = blocks["SalaryTableBlock"]
    assert (salary["heading"], salary["currency"], salary["sourceNote"], salary["asOfYear"]) == (
        "Pay",
        "EUR",
        "Figures from a 2026 survey.",
        2026,
    )
    assert salary["rows"] == [
        {
            "level": "Entry-Level",
            "experienceMinYears": 0,
            "experienceMaxYears": 2,
            "baseSalaryMin": 65000,
            "baseSalaryMax": 80000,
            "equityBonusPercentMin": 5,
            "equityBonusPercentMax": 10,
            "baseSalaryDisplay": salary["rows"][0]["baseSalaryDisplay"],
        }
    ]
    assert "65,000" in salary["rows"][0]["baseSalaryDisplay"]
    assert blocks["CompaniesHiringBlock"]["companies"] == [{"name": "Acme Robotics"}]
    assert blocks["CallToActionBlock"] == {
        "blockType": "CallToActionBlock",
        "heading": "Ready to apply?",
        "text": "Send us your profile.",
        "buttonLabel": "Apply now",
        "linkUrl": "https://example.com/apply",
        "href": "https://example.com/apply",
    }
    assert blocks["FaqBlock"] == {
        "blockType": "FaqBlock",
        "heading": "Questions",
        "entries": [{"question": "Is it remote?"}],
    }


# Journey 2: a shared FAQ entry, edited as a draft, then published -------------------------------

FAQ_QUERY = """
query GuideFaqs($slug: String) {
  roleGuide(slug: $slug) { body { ... on FaqBlock { entries { question answer } } } }
}
"""


def served_questions(browser, live_server, slugs):
    """The FAQ questions each guide serves, asked by POST and by GET (both cached)."""
    answers = {}
    for slug in slugs:
        for method in ("POST", "GET"):
            data = api_query(browser, live_server, FAQ_QUERY, method=method, slug=slug)
            body = data["roleGuide"]["body"]
            answers[slug, method] = [entry["question"] for entry in body[-1]["entries"]]
    return answers


def test_a_shared_faq_entry_changes_on_every_guide_only_when_published(live_server, browser):
    from playwright.sync_api import expect

    from faqs.models import FaqEntry
    from tests.factories import guide_body, make_faq, make_guide, make_site_tree

    expect.set_options(timeout=20_000)
    _, index = make_site_tree()
    entry = make_faq("Do I need a PhD?", "<p>No.</p>")
    other = make_faq("Is it remote?", "<p>Often.</p>")
    slugs = ["mlops-2026", "data-engineer-2026"]
    make_guide(index, slugs[0], body=guide_body(faqs=[entry, other]))
    make_guide(index, slugs[1], body=guide_body(faqs=[entry]))
    before = {
        (slugs[0], "POST"): ["Do I need a PhD?", "Is it remote?"],
        (slugs[0], "GET"): ["Do I need a PhD?", "Is it remote?"],
        (slugs[1], "POST"): ["Do I need a PhD?"],
        (slugs[1], "GET"): ["Do I need a PhD?"],
    }
    assert served_questions(browser, live_server, slugs) == before  # and now cached

    page = logged_in_editor_page(browser, live_server)
    page.goto(f"{live_server.url}/admin/snippets/faqs/faqentry/edit/{entry.pk}/")
    page.fill("#id_question", "Do I need a PhD to start?")
    save_draft(page)
    expect_saved(page, "updated")
    entry.refresh_from_db()
    assert entry.live and entry.has_unpublished_changes
    assert served_questions(browser, live_server, slugs) == before

    publish_from_footer(page)
    entry.refresh_from_db()
    assert not entry.has_unpublished_changes
    assert FaqEntry.objects.get(pk=entry.pk).question == "Do I need a PhD to start?"
    after = {
        key: [q.replace("Do I need a PhD?", "Do I need a PhD to start?") for q in questions]
        for key, questions in before.items()
    }
    assert served_questions(browser, live_server, slugs) == after


# Journey 3: two editors on the same guide -------------------------------------------------------

HEADING_QUERY = (
    "query Heading($slug: String) { roleGuide(slug: $slug) { body { ... on SectionBlock "
    "{ heading } } } }"
)


def watch_for_edits(page):
    """Count Wagtail's edit-form watchers as they connect (`w-unsaved:ready`) and as they take
    their snapshot of the form (`w-unsaved:watch-edits`, about two seconds later).

    An edit made before the snapshot is part of it: neither autosaved nor shown to others. (The
    edit form's watcher connects twice as the page loads, so wait for every snapshot.)"""
    page.add_init_script(
        "window.__editWatchers = {ready: 0, watching: 0};"
        "document.addEventListener('w-unsaved:ready', () => { window.__editWatchers.ready++; });"
        "document.addEventListener('w-unsaved:watch-edits', () => {"
        " window.__editWatchers.watching++; });"
    )


def wait_until_edits_are_watched(page):
    page.wait_for_function(
        "() => window.__editWatchers.ready > 0"
        " && window.__editWatchers.watching === window.__editWatchers.ready"
    )


def sessions_list(page):
    return page.locator("#w-editing-sessions")


def test_two_editors_on_one_guide_are_warned_and_lose_no_edit(live_server, browser, settings):
    from playwright.sync_api import expect

    from tests.factories import guide_body, make_faq, make_guide, make_site_tree

    # Wagtail's editor pings every 10 s by default; the documented setting makes it 1 s here.
    settings.WAGTAIL_EDITING_SESSION_PING_INTERVAL = 1000
    expect.set_options(timeout=20_000)
    _, index = make_site_tree()
    # A valid guide (the admin saves only what passes validation): its FAQ block has an entry.
    guide = make_guide(index, "mlops-2026", body=guide_body(faqs=[make_faq()]))
    edit_url = f"{live_server.url}/admin/pages/{guide.pk}/edit/"
    ada = logged_in_editor_page(browser, live_server, "ada", first_name="Ada", last_name="Lovel")
    bo = logged_in_editor_page(browser, live_server, "bo", first_name="Bo", last_name="Ng")
    for page in (ada, bo):
        page.set_viewport_size({"width": 1400, "height": 900})
        watch_for_edits(page)
        page.goto(edit_url)

    # Each sees the other, as viewing.
    for page, other in ((bo, "Ada Lovel"), (ada, "Bo Ng")):
        expect(sessions_list(page).locator("li")).to_have_count(1)
        sessions_list(page).locator("li button").hover()
        expect(page.get_by_role("tooltip")).to_contain_text(other)
        expect(page.get_by_role("tooltip")).to_contain_text("Currently viewing")
        # Wagtail defers updating the list while the pointer is on it: move away.
        page.mouse.move(700, 400)
    # Ada edits (once her editor watches for edits: see watch_for_edits): Bo sees she has
    # unsaved changes (or, if Wagtail has autosaved them already, a new version). Ada
    # publishes: Bo is told a new version exists before he saves anything.
    wait_until_edits_are_watched(ada)
    ada.fill("#body-0-value-heading", "Ada's heading")
    ada_is_editing = re.compile(r"Ada Lovel (has unsaved changes|saved a new version)")
    expect(sessions_list(bo).get_by_label(ada_is_editing)).to_be_visible()
    publish_from_footer(ada)
    expect(sessions_list(bo).get_by_label("Ada Lovel saved a new version")).to_be_visible()
    ada_revision = guide.revisions.order_by("-created_at", "-pk").first()
    assert ada_revision.user.username == "ada"
    assert ada_revision.as_object().body[0].value["heading"] == "Ada's heading"

    # Bo edits (Wagtail refuses to autosave it over Ada's newer version) and saves: Wagtail
    # stops and asks before overwriting Ada's version.
    bo.fill("#body-0-value-heading", "Bo's heading")
    bo.get_by_role("button", name="Save draft").click()
    dialog = bo.locator("#w-save-confirmation-dialog")
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text("Ada Lovel saved a new version")
    expect(dialog).to_contain_text("Proceeding will overwrite the changes made by Ada Lovel")
    latest = guide.revisions.order_by("-created_at", "-pk").first()
    assert latest.pk == ada_revision.pk  # nothing of Bo's was written behind Ada's back

    # Bo confirms: his draft is the latest revision, Ada's is kept, and hers stays live.
    confirm = dialog.locator("[data-w-dialog-target='confirm']")
    expect(confirm).to_have_text("Save draft")  # Wagtail names the action it will carry on with
    confirm.click()
    expect_saved(bo, "has been updated")
    revisions = guide.revisions.order_by("-created_at", "-pk")
    assert revisions.first().user.username == "bo"
    assert revisions.first().as_object().body[0].value["heading"] == "Bo's heading"
    kept = revisions.get(pk=ada_revision.pk).as_object()
    assert kept.body[0].value["heading"] == "Ada's heading"
    served = api_query(browser, live_server, HEADING_QUERY, slug=guide.slug)
    assert served["roleGuide"]["body"][0]["heading"] == "Ada's heading"


# Journey 4: a publish scheduled a minute ahead --------------------------------------------------

TITLE_QUERY = "query Title($slug: String) { roleGuide(slug: $slug) { title } }"


def a_minute_ahead():
    """The first whole minute at least 60 s from now (the admin's picker takes minutes)."""
    from datetime import timedelta

    from django.utils import timezone

    ahead = timezone.localtime() + timedelta(seconds=60)
    if ahead.second or ahead.microsecond:
        ahead = ahead.replace(second=0, microsecond=0) + timedelta(minutes=1)
    return ahead


def test_a_publish_scheduled_a_minute_ahead_goes_live_when_its_time_has_come(live_server, browser):
    from datetime import timedelta

    import time_machine
    from django.core.management import call_command
    from playwright.sync_api import expect

    from tests.factories import guide_body, make_faq, make_guide, make_site_tree

    expect.set_options(timeout=20_000)
    _, index = make_site_tree()
    guide = make_guide(
        index, "scheduled-2026", live=False, body=guide_body(faqs=[make_faq("Is it remote?")])
    )
    page = logged_in_editor_page(browser, live_server)
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(f"{live_server.url}/admin/pages/{guide.pk}/edit/")

    # Status side panel → Set schedule → go-live date → Save schedule, then Schedule to publish.
    go_live = a_minute_ahead()
    page.click("[aria-label='Toggle status']")
    page.click("[data-a11y-dialog-show='schedule-publishing-dialog']")
    dialog = page.locator("#schedule-publishing-dialog")
    dialog.locator("#id_go_live_at").fill(go_live.strftime("%Y-%m-%d %H:%M"))
    expect(dialog.locator("#id_go_live_at")).to_have_value(go_live.strftime("%Y-%m-%d %H:%M"))
    # The field's date picker stays open and may cover the button: use the keyboard.
    dialog.get_by_role("button", name="Save schedule").press("Enter")
    expect_saved(page, "has been updated")
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    page.locator("button[name='action-publish']").click()
    expect_saved(page, "scheduled")

    guide.refresh_from_db()
    assert not guide.live
    scheduled = guide.revisions.get(approved_go_live_at__isnull=False)
    assert scheduled.approved_go_live_at == go_live
    assert api_query(browser, live_server, TITLE_QUERY, slug=guide.slug)["roleGuide"] is None
    call_command("publish_scheduled")  # not due yet: nothing happens
    assert api_query(browser, live_server, TITLE_QUERY, slug=guide.slug)["roleGuide"] is None

    # The minute passes (time-machine moves this process's clock; no waiting).
    with time_machine.travel(go_live + timedelta(seconds=1), tick=False):
        call_command("publish_scheduled")
    guide.refresh_from_db()
    assert guide.live
    served = api_query(browser, live_server, TITLE_QUERY, slug=guide.slug)["roleGuide"]
    assert served == {"title": guide.title}
