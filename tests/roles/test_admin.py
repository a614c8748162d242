"""Editors author role guides in the Wagtail admin: typed blocks, clear field-level errors,
drafts, and nothing half-saved."""

import pytest

from roles.models import RoleGuidePage
from tests.admin_forms import cta_form, guide_form, salary_table_form, section_form, skills_form
from tests.factories import make_category, make_guide, make_tool, salary_table_value


def add_url(index):
    return f"/admin/pages/add/roles/roleguidepage/{index.pk}/"


def edit_url(page):
    return f"/admin/pages/{page.pk}/edit/"


def test_editor_creates_a_draft_then_publishes_it(editor, roles_index, gql):
    category = make_category()
    kubernetes = make_tool("Kubernetes")
    body = [section_form(), skills_form(skills=[("Containers", [kubernetes.pk])]), cta_form()]
    response = editor.post(add_url(roles_index), guide_form(category=category, body=body))
    assert response.status_code == 302, response.content.decode()[:2000]
    guide = RoleGuidePage.objects.get(slug="data-engineer-2026")
    assert not guide.live
    assert gql('{ roleGuide(slug: "data-engineer-2026") { title } }')["roleGuide"] is None

    data = guide_form(category=category, body=body)
    data["action-publish"] = "action-publish"
    response = editor.post(edit_url(guide), data)
    assert response.status_code == 302
    served = gql(
        '{ roleGuide(slug: "data-engineer-2026") { title body { '
        "... on SkillsListBlock { skills { name tools { name } } } } } }"
    )["roleGuide"]
    assert served["title"] == "Data Engineer Jobs 2026"
    assert served["body"][1]["skills"] == [
        {"name": "Containers", "tools": [{"name": "Kubernetes"}]}
    ]


def assert_rejected(editor, page, body, message, **fields):
    """Publishing shows `message` on the form, and the saved page is untouched.

    (Wagtail lets a draft be saved with required fields still empty; publishing checks them.)
    """
    revisions = page.revisions.count()
    before = list(RoleGuidePage.objects.get(pk=page.pk).body.raw_data)
    data = guide_form(category=page.category, slug=page.slug, body=body, **fields)
    data["action-publish"] = "action-publish"
    response = editor.post(edit_url(page), data)
    assert response.status_code == 200
    text = response.content.decode()
    assert "The page could not be saved due to validation errors" in text
    assert message in text, f"{message!r} not shown"
    assert page.revisions.count() == revisions
    assert list(RoleGuidePage.objects.get(pk=page.pk).body.raw_data) == before


@pytest.fixture
def live_guide(roles_index):
    return make_guide(roles_index, "existing")


def table_with(**row_changes):
    table = salary_table_value()
    table["rows"][0].update(row_changes)
    return table


@pytest.mark.parametrize(
    ("table", "message"),
    [
        (
            table_with(base_salary_min=200000, base_salary_max=100000),
            "must not be below the minimum",
        ),
        (table_with(equity_bonus_percent_min=50, equity_bonus_percent_max=10), "must not be below"),
        (table_with(intern_monthly_min=9000, intern_monthly_max=8000), "must not be below"),
        (table_with(experience_min_years=5, experience_max_years=2), "must not be below"),
        (table_with(experience_max_years=80), "less than or equal to 50"),
        (table_with(base_salary_min=-1), "greater than or equal to 0"),
        ({**salary_table_value(), "currency": ""}, "Choose the currency the amounts are in."),
    ],
    ids=["base", "equity", "intern", "experience", "experience-too-long", "negative", "currency"],
)
def test_salary_table_errors_are_shown_and_nothing_is_saved(editor, live_guide, table, message):
    assert_rejected(editor, live_guide, [("salary_table", salary_table_form(table))], message)


def test_call_to_action_needs_exactly_one_link(editor, live_guide, roles_index):
    assert_rejected(
        editor, live_guide, [cta_form(link_url="")], "Choose a page or enter a URL for the button."
    )
    assert_rejected(
        editor,
        live_guide,
        [cta_form(link_page=roles_index.pk)],
        "Choose either a page or a URL for the button, not both.",
    )


def test_required_headings(editor, live_guide):
    assert_rejected(editor, live_guide, [section_form(heading="")], "This field is required.")
    assert_rejected(editor, live_guide, [skills_form(heading="")], "This field is required.")


def test_year_must_be_sane(editor, live_guide):
    assert_rejected(editor, live_guide, [section_form()], "less than or equal to 2100", year="3026")


def test_page_types_are_constrained(editor, roles_index, site_tree):
    home, _ = site_tree
    assert editor.get(add_url(roles_index)).status_code == 200
    assert not RoleGuidePage.can_create_at(home)
    # Posting a guide straight under the home page creates nothing.
    editor.post(
        f"/admin/pages/add/roles/roleguidepage/{home.pk}/",
        guide_form(category=make_category(), body=[section_form()]),
    )
    assert not RoleGuidePage.objects.exists()


def test_block_picker_knows_every_block(editor, roles_index):
    text = editor.get(add_url(roles_index)).content.decode()
    for label in ["Salary table", "Skills list", "Day in the life", "Career path", "FAQ"]:
        assert label in text


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ([skills_form(f"Skills {n}") for n in range(6)], "The maximum number of items is 5"),
        (
            [skills_form(skills=[(f"Skill {n}", ()) for n in range(21)])],
            "The maximum number of items is 20",
        ),
        ([section_form(f"Section {n}") for n in range(301)], "The maximum number of items is 300"),
    ],
    ids=["skills-lists-per-guide", "skills-per-list", "blocks-per-guide"],
)
def test_block_maxima_are_field_errors(editor, live_guide, body, message):
    """The API serves and costs a guide by these maxima; an editor learns them on saving."""
    assert_rejected(editor, live_guide, body, message)
