"""Editors start next year's edition of a guide from the admin ("Start the 2027 edition"), and
see its salary table against last year's while they edit it."""

import html
import importlib

import pytest
from bs4 import BeautifulSoup
from django.apps import apps as django_apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import GroupPagePermission, PageLogEntry

from cms.settings.base import env_percent
from roles import block_values as values
from roles.models import MAX_YEAR, Company, RoleGuidePage
from roles.role_slugs import check_role_slug
from tests.admin_forms import guide_form, salary_table_form
from tests.factories import (
    guide_body,
    make_category,
    make_company,
    make_faq,
    make_guide,
    make_tool,
    publish,
)

TITLE_2026 = "MLOps Engineer Jobs & Internships 2026"
TITLE_2027 = "MLOps Engineer Jobs & Internships 2027"


def action_url(guide):
    return f"/admin/roles/guides/{guide.pk}/next-edition/"


def edit_url(page):
    return f"/admin/pages/{page.pk}/edit/"


def messages_of(response):
    """The admin's messages, as the editor reads them."""
    return [html.unescape(str(message)) for message in response.context["messages"]]


def shared_snippets():
    company = Company.objects.filter(name="Acme").first() or make_company("Acme")
    return make_tool("Kubeflow"), company, make_faq("Remote?")


def make_mlops_guide(index, *, year=2026, slug="mlops-engineer-2026", title=TITLE_2026, **fields):
    """A live MLOps Engineer guide whose body refers to a tool, a company and a FAQ entry."""
    if "body" not in fields:
        tool, company, faq = shared_snippets()
        fields["body"] = guide_body(tools=[tool], companies=[company], faqs=[faq])
    return make_guide(
        index,
        slug,
        year=year,
        title=title,
        role_name="MLOps Engineer",
        seo_title=fields.pop("seo_title", "MLOps Engineer jobs 2026: pay and skills"),
        search_description=fields.pop(
            "search_description", "What an MLOps engineer earns in 2026, and the skills to learn."
        ),
        **fields,
    )


@pytest.fixture
def guide(roles_index):
    return make_mlops_guide(roles_index)


def start(client, guide, **data):
    return client.post(action_url(guide), data)


# The action in the admin's menus ----------------------------------------------------------------


def test_the_action_is_in_the_edit_views_more_menu_with_next_year(editor, guide):
    page = editor.get(edit_url(guide)).content.decode()
    assert "Start the 2027 edition" in page
    assert f'href="{action_url(guide)}?next=' in page


def test_the_action_is_in_the_page_listings_more_menu(editor, roles_index, guide):
    older = make_mlops_guide(roles_index, year=2019, slug="mlops-engineer-2019", title="MLOps 2019")
    page = editor.get(f"/admin/pages/{roles_index.pk}/").content.decode()
    assert "Start the 2027 edition" in page
    assert "Start the 2020 edition" in page
    assert action_url(older) in page


def test_the_action_is_not_offered_on_a_draft_or_another_page_type(editor, roles_index):
    draft = make_guide(roles_index, "draft-2026", live=False)
    assert "Start the 2027 edition" not in editor.get(edit_url(draft)).content.decode()
    assert "Start the" not in editor.get(f"/admin/pages/{roles_index.pk}/").content.decode()
    assert "Start the" not in editor.get(edit_url(roles_index)).content.decode()


def test_the_page_listing_asks_no_more_queries_for_more_guides(editor, roles_index):
    listing = f"/admin/pages/{roles_index.pk}/"

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert editor.get(listing).status_code == 200
        return len(captured)

    make_guide(roles_index, "one")
    queries()  # the first request warms Wagtail's caches
    few = queries()
    for n in range(4):
        make_guide(roles_index, f"more-{n}")
    assert queries() == few


# The confirmation (GET) -------------------------------------------------------------------------


def test_opening_the_action_asks_first_and_changes_nothing(editor, guide):
    response = editor.get(action_url(guide) + f"?next={edit_url(guide)}")
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    form = page.find("form", action=action_url(guide))
    assert form["method"] == "POST"
    assert form.find("input", {"name": "csrfmiddlewaretoken"})
    assert form.find("input", {"name": "next"})["value"] == edit_url(guide)
    assert "Yes, start the 2027 edition" in form.get_text()
    assert RoleGuidePage.objects.count() == 1


def test_the_form_needs_its_csrf_token(guide):
    client = Client(enforce_csrf_checks=True)
    client.force_login(get_user_model().objects.create_superuser("csrf", "c@example.com", "pw"))
    assert client.post(action_url(guide)).status_code == 403
    assert RoleGuidePage.objects.count() == 1


# Starting the edition (POST) --------------------------------------------------------------------


def test_starting_the_edition_makes_a_linked_draft_and_opens_it(editor, guide):
    tools_and_companies = [
        (block["type"], block["value"]) for block in guide.body.raw_data if block["type"] != "faq"
    ]
    response = start(editor, guide)
    new = RoleGuidePage.objects.get(year=2027)
    assert response.status_code == 302
    assert response["Location"] == edit_url(new)

    assert (new.title, new.draft_title, new.slug) == (TITLE_2027, TITLE_2027, "mlops-engineer-2027")
    assert new.seo_title == "MLOps Engineer jobs 2027: pay and skills"
    assert (
        new.search_description == "What an MLOps engineer earns in 2027, and the skills to learn."
    )
    assert new.role_slug == guide.role_slug == "mlops-engineer"
    assert new.previous_edition_id == guide.pk
    assert new.get_parent().pk == guide.get_parent().pk
    # The shared snippets are the same objects.
    assert new.category_id == guide.category_id
    assert [(block["type"], block["value"]) for block in new.body.raw_data][:-1] == (
        tools_and_companies
    )
    assert new.body.raw_data[-1]["value"] == guide.body.raw_data[-1]["value"]  # FAQ entries
    # A draft, never published.
    assert not new.live and new.has_unpublished_changes
    assert new.live_revision is None
    assert new.first_published_at is None and new.last_published_at is None
    # The editor opening it sees the new edition: its only revision has it.
    assert new.revisions.count() == 1
    latest = new.get_latest_revision_as_object()
    assert (latest.title, latest.slug, latest.year) == (TITLE_2027, "mlops-engineer-2027", 2027)
    assert latest.previous_edition_id == guide.pk
    editor_page = BeautifulSoup(editor.get(edit_url(new)).content, "html.parser")
    assert editor_page.find("input", {"name": "title"})["value"] == TITLE_2027
    assert editor_page.find("input", {"name": "year"})["value"] == "2027"
    # The page history shows Wagtail's copy, by the editor.
    copied = PageLogEntry.objects.get(page=new, action="wagtail.copy")
    assert copied.user.username == "editor"
    # The source is untouched.
    guide.refresh_from_db()
    assert (guide.title, guide.year, guide.live) == (TITLE_2026, 2026, True)


def test_the_success_message_says_a_draft_was_started(editor, guide):
    response = editor.post(action_url(guide), follow=True)
    assert response.status_code == 200
    assert any("2027 edition was started as a draft" in text for text in messages_of(response))


def test_the_edition_starts_from_published_content_not_an_unpublished_draft(editor, guide):
    draft = guide.get_latest_revision_as_object()
    draft.intro = "An unpublished rewrite."
    draft.title = "Half-edited title 2026"
    draft.save_revision()

    start(editor, guide)
    new = RoleGuidePage.objects.get(year=2027)
    assert new.intro == "An intro."
    assert new.get_latest_revision_as_object().intro == "An intro."
    assert new.title == TITLE_2027


def test_a_title_and_slug_without_a_year_get_it_appended(editor, roles_index):
    guide = make_mlops_guide(roles_index, slug="mlops-engineer", title="MLOps Engineer guide")
    start(editor, guide)
    new = RoleGuidePage.objects.get(year=2027)
    assert (new.title, new.slug) == ("MLOps Engineer guide 2027", "mlops-engineer-2027")


def test_only_the_year_standing_alone_is_replaced(editor, roles_index):
    guide = make_mlops_guide(
        roles_index, slug="ml-20260-2026", title="Top 20260 roles of 2026", seo_title=""
    )
    start(editor, guide)
    new = RoleGuidePage.objects.get(year=2027)
    assert (new.title, new.slug) == ("Top 20260 roles of 2027", "ml-20260-2027")


@pytest.mark.parametrize(
    ("canonical_url", "expected"),
    [
        ("https://www.example.com/roles/mlops-2026/", "https://www.example.com/roles/mlops-2027/"),
        ("https://www.example.com/roles/mlops/", ""),
        ("", ""),
    ],
    ids=["with the year", "without a year", "none"],
)
def test_the_canonical_url_gets_the_new_year_or_is_cleared(
    editor, roles_index, canonical_url, expected
):
    guide = make_mlops_guide(roles_index, canonical_url=canonical_url)
    start(editor, guide)
    assert RoleGuidePage.objects.get(year=2027).canonical_url == expected


# Refusals ---------------------------------------------------------------------------------------


def assert_refused(client, guide, message):
    count = RoleGuidePage.objects.count()
    logs = PageLogEntry.objects.count()
    response = client.post(action_url(guide), {"next": edit_url(guide)})
    assert response.status_code == 302
    assert response["Location"] == edit_url(guide)
    shown = messages_of(client.get(edit_url(guide)))
    assert any(message in text for text in shown), shown
    assert RoleGuidePage.objects.count() == count
    assert PageLogEntry.objects.count() == logs


def test_starting_the_same_edition_twice_is_refused_and_names_it(editor, guide):
    start(editor, guide)
    assert_refused(
        editor,
        guide,
        f"The 2027 edition of MLOps Engineer already exists: '{TITLE_2027}' "
        "(a draft, /mlops-engineer-2027/).",
    )


def test_an_existing_live_edition_of_the_role_is_refused_too(editor, roles_index, guide):
    make_mlops_guide(roles_index, year=2027, slug="mlops-2027-live", title="MLOps live 2027")
    assert_refused(editor, guide, "'MLOps live 2027' (live, /mlops-2027-live/)")


def test_a_taken_slug_is_refused(editor, roles_index, guide):
    make_guide(roles_index, "mlops-engineer-2027", title="Something else", role_name="Other")
    assert_refused(editor, guide, "The slug 'mlops-engineer-2027' is already used by")


def test_a_guide_that_is_not_live_is_refused(editor, roles_index):
    draft = make_guide(roles_index, "draft-2026", live=False)
    assert_refused(editor, draft, "is not live: publish it first")


def test_a_year_past_the_last_one_is_refused(editor, roles_index):
    last = make_mlops_guide(roles_index, year=MAX_YEAR, slug=f"mlops-{MAX_YEAR}", title="MLOps")
    assert_refused(editor, last, f"guides go up to {MAX_YEAR}")


def test_a_year_past_the_last_one_is_not_offered_and_not_even_asked(editor, roles_index):
    last = make_mlops_guide(roles_index, year=MAX_YEAR, slug=f"mlops-{MAX_YEAR}", title="MLOps")
    past = f"Start the {MAX_YEAR + 1} edition"
    assert past not in editor.get(edit_url(last)).content.decode()
    assert past not in editor.get(f"/admin/pages/{roles_index.pk}/").content.decode()
    response = editor.get(action_url(last) + f"?next={edit_url(last)}")
    assert response.status_code == 302
    assert response["Location"] == edit_url(last)
    shown = messages_of(editor.get(edit_url(last)))
    assert any(f"guides go up to {MAX_YEAR}" in text for text in shown), shown


# Role slugs -------------------------------------------------------------------------------------


def test_roles_named_in_another_script_have_editions_of_their_own(editor, roles_index):
    data = make_guide(roles_index, "shuju-2026", role_name="数据工程师")
    learning = make_guide(roles_index, "jiqi-2026", role_name="机器学习工程师")
    start(editor, data)
    start(editor, learning)
    assert sorted(RoleGuidePage.objects.filter(year=2027).values_list("role_slug", flat=True)) == [
        "数据工程师",
        "机器学习工程师",
    ]


def test_guides_without_a_role_slug_are_not_each_others_editions(editor, roles_index):
    make_guide(roles_index, "one-2027", year=2027, role_name="One")
    two = make_guide(roles_index, "two-2026", role_name="Two")
    RoleGuidePage.objects.update(role_slug="")  # as saved before role slugs kept any script
    start(editor, two)
    assert RoleGuidePage.objects.filter(year=2027).count() == 2


def test_the_migration_gives_guides_without_a_role_slug_the_one_their_name_gives(roles_index):
    migration = importlib.import_module("roles.migrations.0011_role_slug_unicode")
    make_guide(roles_index, "shuju-2026", role_name="数据工程师")
    make_guide(roles_index, "shuju-2025", year=2025, role_name="数据工程师")
    make_guide(roles_index, "symbols-2026", role_name="Symbols")
    RoleGuidePage.objects.update(role_slug="")  # as slugify without allow_unicode left them
    RoleGuidePage.objects.filter(slug="symbols-2026").update(role_name="+++")
    migration.fill_empty_role_slugs(django_apps, None)
    assert dict(RoleGuidePage.objects.values_list("slug", "role_slug")) == {
        "shuju-2026": "数据工程师",
        "shuju-2025": "数据工程师",
        "symbols-2026": "",
    }


def add_guide(client, roles_index, role_name, **fields):
    url = f"/admin/pages/add/roles/roleguidepage/{roles_index.pk}/"
    return client.post(url, guide_form(role_name=role_name, category=make_category(), **fields))


def role_slug_errors(response):
    """The errors the editor sees on the role slug field."""
    assert response.status_code == 200
    return response.context["form"].errors.get("role_slug")


def test_a_role_slug_another_role_uses_is_refused_with_a_suggestion(editor, roles_index):
    make_guide(roles_index, "cpp-2026", role_name="C++ Developer")
    response = add_guide(editor, roles_index, "C# Developer", slug="csharp-2026")
    assert role_slug_errors(response) == [
        "'C++ Developer' already uses the role slug 'c-developer': choose another, "
        "e.g. 'csharp-developer'."
    ]
    assert not RoleGuidePage.objects.filter(slug="csharp-2026").exists()

    response = add_guide(
        editor, roles_index, "C# Developer", slug="csharp-2026", role_slug="csharp-developer"
    )
    assert response.status_code == 302
    assert RoleGuidePage.objects.get(slug="csharp-2026").role_slug == "csharp-developer"


def test_the_same_role_in_another_case_shares_its_role_slug(editor, roles_index):
    make_guide(roles_index, "data-2025", year=2025, role_name="Data Engineer")
    response = add_guide(editor, roles_index, "data engineer")
    assert response.status_code == 302
    assert RoleGuidePage.objects.get(year=2026).role_slug == "data-engineer"


def test_a_role_name_that_gives_no_slug_asks_for_one(editor, roles_index):
    response = add_guide(editor, roles_index, "+++")
    assert role_slug_errors(response) == [
        "Give the role a slug: its name '+++' has no letters or digits to make one from."
    ]
    assert not RoleGuidePage.objects.exists()


def test_checking_the_role_slug_is_one_query(roles_index):
    for year in (2024, 2025, 2026):
        make_guide(roles_index, f"cpp-{year}", year=year, role_name="C++ Developer")
    guide = RoleGuidePage(role_name="C# Developer", role_slug="c-developer", year=2027)
    with CaptureQueriesContext(connection) as captured, pytest.raises(ValidationError):
        check_role_slug(guide)
    assert len(captured) == 1


# Permissions ------------------------------------------------------------------------------------


def limited_editor(client, roles_index, *actions):
    """A signed-in editor whose group has these page permissions on the Roles index."""
    user = get_user_model().objects.create_user("limited", "limited@example.com", "pw")
    group = Group.objects.create(name="Limited editors")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for action in actions:
        GroupPagePermission.objects.create(
            group=group,
            page=roles_index,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=f"{action}_page"
            ),
        )
    user.groups.add(group)
    client.force_login(user)
    return client


def assert_denied(client, guide):
    """Wagtail's answer to a PermissionDenied in its admin: back to the dashboard, with a
    message; nothing created."""
    for response in (client.get(action_url(guide)), client.post(action_url(guide))):
        assert response.status_code == 302
        assert response["Location"] == "/admin/"
    shown = messages_of(client.get("/admin/"))
    assert any("do not have permission" in text for text in shown), shown
    assert RoleGuidePage.objects.count() == 1


def test_an_editor_who_may_not_add_pages_there_is_refused(client, roles_index, guide):
    limited = limited_editor(client, roles_index, "change", "publish")
    assert limited.get(edit_url(guide)).status_code == 200
    assert "Start the 2027 edition" not in limited.get(edit_url(guide)).content.decode()
    assert_denied(limited, guide)


def test_an_editor_who_may_add_pages_there_may_start_it(client, roles_index, guide):
    limited = limited_editor(client, roles_index, "add", "change")
    assert "Start the 2027 edition" in limited.get(edit_url(guide)).content.decode()
    response = limited.post(action_url(guide))
    new = RoleGuidePage.objects.get(year=2027)
    assert response["Location"] == edit_url(new)
    assert new.owner.username == "limited"
    assert limited.get(edit_url(new)).status_code == 200  # an owner with 'add' edits their page


def test_a_permission_on_the_guide_alone_is_not_enough(client, roles_index, guide):
    # 'add' on the guide lets one add pages below it, not beside it.
    user = get_user_model().objects.create_user("below", "below@example.com", "pw")
    group = Group.objects.create(name="Below")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=group, page=guide, permission=Permission.objects.get(codename="add_page")
    )
    user.groups.add(group)
    client.force_login(user)
    assert_denied(client, guide)


def test_a_signed_out_visitor_is_sent_to_the_login(client, guide):
    response = client.post(action_url(guide))
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert RoleGuidePage.objects.count() == 1


# The salary panel -------------------------------------------------------------------------------


def row(level, low, high):
    return values.salary_row(level, base_salary_min=low, base_salary_max=high)


def table_2026():
    return values.salary_table(
        [
            row("Entry-Level", 100000, 150000),
            row("Mid-Level", 100000, 200000),
            row("Principal", 250000, 350000),
        ],
        heading="Pay in the US",
    )


TABLE_2027 = {
    "heading": "Pay in the US",
    "currency": "USD",
    "rows": [
        row("Entry-Level", 108000, 160000),  # +8%, +6.7%
        row("Mid-Level", 131000, 210000),  # +31%, +5%
        row("Staff", 200000, 300000),  # new
    ],
}


@pytest.fixture
def new_edition(editor, roles_index):
    """The 2027 draft of a 2026 guide, its salary table updated and saved as a draft."""
    old = make_mlops_guide(roles_index, body=[table_2026()])
    start(editor, old)
    new = RoleGuidePage.objects.get(year=2027)
    save_draft(editor, new, [("salary_table", salary_table_form(TABLE_2027))])
    return new


def save_draft(client, page, body, **fields):
    data = guide_form(
        title=page.title,
        slug=page.slug,
        year=str(page.year),
        role_name=page.role_name,
        category=page.category,
        body=body,
        **fields,
    )
    response = client.post(edit_url(page), data)
    assert response.status_code == 302, response.content.decode()[:3000]


def panel_of(response):
    page = BeautifulSoup(response.content, "html.parser")
    return page.select_one("[data-salary-diff-panel]"), page


def diff_rows(page):
    """{level: (cells..., flagged)} of the salary diff tables."""
    found = {}
    for tr in page.select("table[data-salary-diff] tbody tr"):
        cells = [cell.get_text(" ", strip=True) for cell in tr.find_all(["th", "td"])]
        found[cells[0]] = (*cells[1:], tr.has_attr("data-flagged"))
    return found


def test_the_salary_panel_shows_each_row_against_last_year(editor, new_edition):
    response = editor.get(edit_url(new_edition))
    text = response.content.decode()
    assert "Salary vs 2026" in text
    panel, page = panel_of(response)
    assert "as last saved" in panel.get_text()
    headers = [th.get_text() for th in page.select("table[data-salary-diff] thead th")]
    assert headers[1:3] == ["2026", "2027"]
    rows = diff_rows(page)
    assert rows["Entry-Level"] == (
        "$100,000–$150,000",
        "$108,000–$160,000",
        "+8%",
        "+6.7%",
        "",
        False,
    )
    assert rows["Mid-Level"][2:] == ("+31%", "+5%", "Changed by more than 30%.", True)
    assert rows["Staff"][2:] == ("–", "–", "New level: not in 2026.", True)
    assert rows["Principal"][3:] == ("–", "Level dropped: only in 2026.", True)


@override_settings(SALARY_CHANGE_FLAG_PERCENT=35)
def test_the_panel_flags_by_the_configured_threshold(editor, new_edition):
    rows = diff_rows(panel_of(editor.get(edit_url(new_edition)))[1])
    assert rows["Mid-Level"][-1] is False
    assert rows["Staff"][-1] is True


def test_the_panel_compares_the_body_as_last_saved_not_a_rejected_submission(editor, new_edition):
    rejected = guide_form(
        title="",  # required: the form is shown again with errors
        slug=new_edition.slug,
        year="2027",
        role_name="MLOps Engineer",
        category=new_edition.category,
        body=[("salary_table", salary_table_form({**TABLE_2027, "rows": [row("Other", 1, 2)]}))],
    )
    response = editor.post(edit_url(new_edition), rejected)
    assert response.status_code == 200
    rows = diff_rows(panel_of(response)[1])
    assert "Other" not in rows
    assert rows["Mid-Level"][2] == "+31%"


def test_an_edition_without_a_linked_one_is_compared_with_the_latest_earlier_live_one(
    editor, roles_index
):
    make_mlops_guide(roles_index, year=2024, slug="mlops-2024", title="MLOps 2024")
    make_mlops_guide(roles_index, year=2025, slug="mlops-2025", title="MLOps 2025")
    unpublished = make_mlops_guide(roles_index, year=2026, slug="mlops-2026", title="MLOps 2026")
    unpublished.unpublish()
    current = make_mlops_guide(roles_index, year=2027, slug="mlops-2027", title="MLOps 2027")
    current.previous_edition = unpublished  # not live: not compared with
    current.save_revision().publish()
    text = editor.get(edit_url(current)).content.decode()
    assert "Salary vs 2025" in text


def test_comparing_revisions_of_an_edition_still_works(editor, new_edition):
    url = f"/admin/pages/{new_edition.pk}/revisions/compare/earliest...latest/"
    response = editor.get(url)
    assert response.status_code == 200
    assert "Salary vs" not in response.content.decode()


def test_a_guide_without_a_previous_edition_has_no_panel(editor, guide):
    response = editor.get(edit_url(guide))
    assert response.status_code == 200
    assert "Salary vs" not in response.content.decode()
    assert panel_of(response)[0] is None


def test_the_new_page_form_has_no_panel(editor, roles_index, guide):
    response = editor.get(f"/admin/pages/add/roles/roleguidepage/{roles_index.pk}/")
    assert response.status_code == 200
    assert "Salary vs" not in response.content.decode()


def tables(count, rows):
    return [
        values.salary_table(
            [row(f"Level {n}", 100000 + n, 150000 + n) for n in range(rows)], heading=f"T{t}"
        )
        for t in range(count)
    ]


def edit_view_queries(client, roles_index, slug, *, count, rows):
    old = make_mlops_guide(
        roles_index, slug=f"{slug}-2026", title=f"{slug} 2026", body=tables(count, rows)
    )
    new = make_mlops_guide(
        roles_index,
        year=2027,
        slug=f"{slug}-2027",
        title=f"{slug} 2027",
        body=tables(count, rows),
        previous_edition=old,
    )
    publish(new)
    client.get(edit_url(new))  # the first request warms Wagtail's caches
    with CaptureQueriesContext(connection) as captured:
        response = client.get(edit_url(new))
    assert response.status_code == 200
    assert len(diff_rows(panel_of(response)[1])) == rows
    return len(captured)


def test_the_panel_costs_the_same_queries_for_more_rows_and_tables(editor, roles_index):
    # Each role its own slug, so each is compared with its own 2026 guide.
    small = edit_view_queries(editor, roles_index, "small", count=1, rows=1)
    large = edit_view_queries(editor, roles_index, "large", count=4, rows=12)
    assert large == small


def test_showing_the_panel_asks_no_query_beyond_finding_last_year(editor, roles_index):
    old = make_mlops_guide(roles_index, body=tables(1, 2))
    new = make_guide(roles_index, "other-2027", year=2027, role_name="Other", body=tables(1, 2))

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert editor.get(edit_url(new)).status_code == 200
        return len(captured)

    queries()  # the first request warms Wagtail's caches
    without_panel = queries()  # another role: the panel looks for last year and finds none
    RoleGuidePage.objects.filter(pk=new.pk).update(previous_edition=old)
    assert queries() == without_panel
    assert "Salary vs 2026" in editor.get(edit_url(new)).content.decode()


# The setting ------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["thirty", "-5", "nan", "inf", ""])
def test_a_threshold_that_is_not_a_percentage_stops_startup(monkeypatch, value):
    monkeypatch.setenv("SALARY_CHANGE_FLAG_PERCENT", value)
    with pytest.raises(ImproperlyConfigured, match="SALARY_CHANGE_FLAG_PERCENT must be"):
        env_percent("SALARY_CHANGE_FLAG_PERCENT", 30)


def test_the_threshold_defaults_to_30_and_reads_the_environment(monkeypatch):
    monkeypatch.delenv("SALARY_CHANGE_FLAG_PERCENT", raising=False)
    assert env_percent("SALARY_CHANGE_FLAG_PERCENT", 30) == 30
    monkeypatch.setenv("SALARY_CHANGE_FLAG_PERCENT", " 12.5 ")
    assert env_percent("SALARY_CHANGE_FLAG_PERCENT", 30) == 12.5
