"""Next year's edition in a real browser: an editor starts the 2027 edition of a guide from its
edit view's "more" menu, confirms, lands on the new draft, and compares its salary table with
last year's while updating it."""

import re

import pytest

from roles import block_values as values
from roles.models import RoleGuidePage
from tests.browser.helpers import expect_saved, logged_in_editor_page, save_draft
from tests.factories import make_guide, make_site_tree

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def salary_row(level, low, high):
    return values.salary_row(level, base_salary_min=low, base_salary_max=high)


def test_an_editor_starts_the_2027_edition_and_sees_last_years_salaries(live_server, browser):
    from playwright.sync_api import expect

    _, index = make_site_tree()
    table = values.salary_table(
        [salary_row("Entry-Level", 100000, 150000), salary_row("Mid-Level", 100000, 200000)],
        heading="Pay in the US",
    )
    guide = make_guide(
        index,
        "mlops-engineer-2026",
        title="MLOps Engineer Jobs & Internships 2026",
        role_name="MLOps Engineer",
        body=[table],
    )
    page = logged_in_editor_page(browser, live_server)
    page.set_viewport_size({"width": 1400, "height": 1000})
    page.goto(f"{live_server.url}/admin/pages/{guide.pk}/edit/")

    page.locator("header button.w-h-slim-header[aria-label=Actions]").click()
    page.get_by_role("link", name="Start the 2027 edition").click()
    expect(page.locator("main")).to_contain_text("from the published")
    page.get_by_role("button", name="Yes, start the 2027 edition").click()

    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$"))
    new = RoleGuidePage.objects.get(year=2027)
    assert page.url.endswith(f"/admin/pages/{new.pk}/edit/")
    expect(page.locator(".messages")).to_contain_text("The 2027 edition was started as a draft")
    expect(page.locator("#id_title")).to_have_value("MLOps Engineer Jobs & Internships 2027")
    panel = page.locator("[data-salary-diff-panel]")
    expect(panel).to_contain_text("as last saved")
    expect(page.get_by_text("Salary vs 2026").first).to_be_visible()
    diff = page.locator("table[data-salary-diff]")
    expect(diff.locator("tbody tr")).to_have_count(2)
    expect(diff.locator("tbody tr[data-flagged]")).to_have_count(0)

    # The editor raises the Mid-Level minimum by 31% and saves a draft: the panel flags it.
    mid_level = page.locator(".salary-row").nth(1)
    mid_level.locator("input[name$='-base_salary_min']").fill("131000")
    save_draft(page)
    expect_saved(page, "has been updated")
    flagged = page.locator("table[data-salary-diff] tbody tr[data-flagged]")
    expect(flagged).to_have_count(1)
    expect(flagged).to_contain_text("Mid-Level")
    expect(flagged).to_contain_text("+31%")
    expect(flagged).to_contain_text("Changed by more than 30%.")
    assert not RoleGuidePage.objects.get(pk=new.pk).live
