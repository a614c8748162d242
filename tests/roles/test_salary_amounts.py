"""Salary amounts are bounded where editors type them; a stored value the API cannot serve is
our fault (INTERNAL_SERVER_ERROR, logged once, nothing internal in the message), never the
client's (tests/cms/api/test_api_errors.py has the other faults of ours)."""

import json
import logging

import pytest

from roles.models import RoleGuidePage
from tests.admin_forms import guide_form, salary_table_form
from tests.factories import make_guide, salary_table_value
from tests.graphql_http import post_graphql

ROWS_QUERY = """{ roleGuide(slug: "pay") { title body { ... on SalaryTableBlock {
  rows { baseSalaryMin baseSalaryMax internMonthlyMin internMonthlyMax } } } } }"""


def table_with(rows=1, **row_changes):
    table = salary_table_value(rows)
    for row in table["rows"]:
        row.update(row_changes)
    return table


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            {"base_salary_min": 3_000_000_000, "base_salary_max": 3_000_000_000},
            "less than or equal to 10000000",
        ),
        ({"base_salary_max": 10_000_001}, "less than or equal to 10000000"),
        (
            {"intern_monthly_min": 1_000_001, "intern_monthly_max": 1_000_001},
            "less than or equal to 1000000",
        ),
        ({"intern_monthly_max": 2_147_483_648}, "less than or equal to 1000000"),
    ],
    ids=["base-min-3e9", "base-max", "intern-min", "intern-max-past-int"],
)
def test_the_admin_refuses_amounts_out_of_range(editor, roles_index, change, message):
    guide = make_guide(roles_index, "pay")
    revisions = guide.revisions.count()
    table = table_with(base_salary_min=100_000, base_salary_max=150_000)
    table["rows"][0].update(change)
    data = guide_form(
        category=guide.category,
        slug=guide.slug,
        body=[("salary_table", salary_table_form(table))],
    )
    data["action-publish"] = "action-publish"
    response = editor.post(f"/admin/pages/{guide.pk}/edit/", data)
    assert response.status_code == 200
    text = response.content.decode()
    assert "The page could not be saved due to validation errors" in text
    assert message in text
    assert guide.revisions.count() == revisions


def test_the_largest_amounts_are_accepted_and_served(editor, roles_index, gql):
    guide = make_guide(roles_index, "pay")
    table = table_with(
        base_salary_min=10_000_000,
        base_salary_max=10_000_000,
        intern_monthly_min=1_000_000,
        intern_monthly_max=1_000_000,
    )
    data = guide_form(
        category=guide.category, slug=guide.slug, body=[("salary_table", salary_table_form(table))]
    )
    data["action-publish"] = "action-publish"
    assert editor.post(f"/admin/pages/{guide.pk}/edit/", data).status_code == 302
    [row] = gql(ROWS_QUERY)["roleGuide"]["body"][0]["rows"]
    assert row == {
        "baseSalaryMin": 10_000_000,
        "baseSalaryMax": 10_000_000,
        "internMonthlyMin": 1_000_000,
        "internMonthlyMax": 1_000_000,
    }


def store_directly(guide, table):
    """Write the body as an import or a migration would: straight to the table, no validation."""
    body = json.dumps([{"type": "salary_table", "value": table}])
    RoleGuidePage.objects.filter(pk=guide.pk).update(body=body)


def test_a_stored_amount_past_int_is_a_server_error_logged_once(client, roles_index, caplog):
    guide = make_guide(roles_index, "pay")
    store_directly(guide, table_with(rows=3, base_salary_min=3_000_000_000))
    with caplog.at_level(logging.ERROR, logger="cms.api"):
        response = post_graphql(client, ROWS_QUERY)
    body = response.json()
    assert response.status_code == 200  # the rest of the answer is still served
    assert body["data"]["roleGuide"]["title"] == guide.title
    assert len(body["errors"]) == 3
    for error in body["errors"]:
        assert error["extensions"]["code"] == "INTERNAL_SERVER_ERROR"
        assert error["message"] == "Internal server error."
        assert "3000000000" not in json.dumps(error) and "cannot represent" not in json.dumps(error)
    faults = [r for r in caplog.records if r.name == "cms.api" and r.levelno >= logging.ERROR]
    assert len(faults) == 1
    assert "3 errors" in faults[0].getMessage()
    # An answer with errors is never cached: a second request hits the code again.
    assert post_graphql(client, ROWS_QUERY).json()["errors"]
