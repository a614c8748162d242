"""Editions in the API: `RoleGuidePage.editions` and `previousEdition`,
`roleGuides(latestEditionOnly:)` and `SalaryRow.changeFromPreviousEdition`, over HTTP: what
they answer, what they cost in SQL queries, and which cached answers a publish refreshes."""

import json
from urllib.parse import urlencode

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from roles import block_values as values
from roles.edition_loaders import MAX_EDITIONS
from roles.models import RoleGuidePage
from tests.factories import RoleGuidePageFactory, make_category, make_guide, publish
from tests.graphql_http import post_graphql

GUIDE = """query($path: String!) { roleGuide(urlPath: $path) {
  slug
  editions { slug year }
  previousEdition { slug year }
  body { ... on SalaryTableBlock { rows {
    level changeFromPreviousEdition { min max pay previousYear }
  } } }
} }"""

LATEST = """query($category: String, $year: Int, $order: RoleGuideOrder, $page: Int,
  $perPage: Int, $latest: Boolean) {
  roleGuides(category: $category, year: $year, order: $order, page: $page, perPage: $perPage,
    latestEditionOnly: $latest) {
    items { slug }
    pagination { total count totalPages }
  }
}"""


def table(*rows, currency="USD"):
    return values.salary_table(list(rows), currency=currency)


def base(level, low, high):
    return values.salary_row(level, base_salary_min=low, base_salary_max=high)


def intern(level, low, high):
    return values.salary_row(level, intern_monthly_min=low, intern_monthly_max=high)


def edition(index, role, year, *tables, live=True, **fields):
    """The `year` edition of `role`, at /roles/<role>-<year>/, its body the salary `tables`."""
    return make_guide(
        index,
        f"{role}-{year}",
        year=year,
        role_name=role.replace("-", " ").title(),
        role_slug=role,
        live=live,
        body=list(tables) or [table(base("Entry-Level", 100_000, 150_000))],
        **fields,
    )


def guide_data(gql, slug):
    return gql(GUIDE, {"path": f"/roles/{slug}/"})["roleGuide"]


def slugs(items):
    return [item["slug"] for item in items]


# editions ----------------------------------------------------------------------------------


def test_editions_are_the_roles_live_public_guides_newest_first(gql, roles_index):
    for year in (2024, 2026, 2025):
        edition(roles_index, "mlops", year)
    edition(roles_index, "mlops", 2027, live=False)  # a draft
    private = edition(roles_index, "mlops", 2023)
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    unpublished = edition(roles_index, "mlops", 2022)
    unpublished.unpublish()
    edition(roles_index, "data-engineer", 2026)  # another role

    expected = ["mlops-2026", "mlops-2025", "mlops-2024"]
    for slug in expected:  # every edition lists the same editions, itself included
        assert slugs(guide_data(gql, slug)["editions"]) == expected
    assert slugs(guide_data(gql, "data-engineer-2026")["editions"]) == ["data-engineer-2026"]


def test_two_editions_of_one_year_come_older_page_first(gql, roles_index):
    first = edition(roles_index, "mlops", 2026)
    second = make_guide(roles_index, "mlops-2026-b", year=2026, role_name="Mlops")
    assert second.role_slug == "mlops" and first.pk < second.pk  # filled in from the name
    assert slugs(guide_data(gql, "mlops-2026-b")["editions"]) == ["mlops-2026", "mlops-2026-b"]


def test_editions_are_bounded_by_one_a_year(gql, roles_index):
    years = range(2000, 2000 + MAX_EDITIONS)
    for year in years:
        RoleGuidePageFactory(
            parent=roles_index, slug=f"r-{year}", year=year, role_name="R", live=True
        )
    RoleGuidePageFactory(parent=roles_index, slug="r-extra", year=2000, role_name="R", live=True)
    data = gql('{ roleGuide(slug: "r-2050") { editions { year } } }')["roleGuide"]
    assert len(data["editions"]) == MAX_EDITIONS == 101
    assert data["editions"][0]["year"] == 2100 and data["editions"][-1]["year"] == 2000


# previousEdition ---------------------------------------------------------------------------


@pytest.fixture
def mlops(roles_index):
    """mlops 2024, 2025 and 2026; 2026 started from 2024 (its previous_edition)."""
    made = {year: edition(roles_index, "mlops", year) for year in (2024, 2025)}
    made[2026] = edition(roles_index, "mlops", 2026, previous_edition=made[2024])
    return made


def test_previous_edition_is_the_one_it_was_started_from(gql, mlops):
    assert guide_data(gql, "mlops-2026")["previousEdition"]["slug"] == "mlops-2024"


def test_previous_edition_falls_back_to_the_newest_earlier_edition(gql, mlops):
    assert guide_data(gql, "mlops-2025")["previousEdition"]["slug"] == "mlops-2024"
    assert guide_data(gql, "mlops-2024")["previousEdition"] is None  # the first edition


def test_an_unpublished_or_private_previous_edition_gives_way_to_the_fallback(gql, mlops):
    mlops[2024].unpublish()
    assert guide_data(gql, "mlops-2026")["previousEdition"]["slug"] == "mlops-2025"
    publish(mlops[2024])
    PageViewRestriction.objects.create(page=mlops[2024], restriction_type="login")
    assert guide_data(gql, "mlops-2026")["previousEdition"]["slug"] == "mlops-2025"


def test_the_previous_edition_may_be_of_a_renamed_role(gql, roles_index):
    old = edition(roles_index, "ml-ops", 2025)
    edition(roles_index, "mlops", 2026, previous_edition=old)
    data = guide_data(gql, "mlops-2026")
    assert data["previousEdition"] == {"slug": "ml-ops-2025", "year": 2025}
    assert slugs(data["editions"]) == ["mlops-2026"]


# latestEditionOnly -------------------------------------------------------------------------


@pytest.fixture
def roles(roles_index):
    """mlops: 2025 and 2026 (ML), a 2027 draft; data: 2024 (Data), then 2025 (ML);
    analyst: two 2026 editions (Data)."""
    ml, data = make_category("Machine Learning"), make_category("Data")
    edition(roles_index, "mlops", 2025, category=ml, title="M 2025")
    edition(roles_index, "mlops", 2026, category=ml, title="M 2026")
    edition(roles_index, "mlops", 2027, category=ml, live=False)
    edition(roles_index, "data", 2024, category=data, title="D 2024")
    edition(roles_index, "data", 2025, category=ml, title="D 2025")
    edition(roles_index, "analyst", 2026, category=data, title="A 2026")
    make_guide(roles_index, "analyst-2026-b", year=2026, role_name="Analyst", category=data)


def listing(gql, **variables):
    return gql(LATEST, {"latest": True, **variables})["roleGuides"]


def test_latest_edition_only_lists_each_roles_newest_edition(gql, roles):
    assert slugs(listing(gql)["items"]) == ["analyst-2026", "data-2025", "mlops-2026"]
    everything = gql(LATEST, {"latest": False})["roleGuides"]
    assert everything["pagination"]["total"] == 6
    assert gql(LATEST, {"latest": None})["roleGuides"] == everything  # null: the default


def test_filters_apply_to_the_newest_editions(gql, roles):
    # data's newest edition (2025) is in Machine Learning: the Data category has none.
    assert slugs(listing(gql, category="data")["items"]) == ["analyst-2026"]
    assert slugs(listing(gql, category="machine-learning")["items"]) == [
        "data-2025",
        "mlops-2026",
    ]
    # year: the roles whose newest edition is of that year (mlops 2025 is not its newest).
    assert slugs(listing(gql, year=2025)["items"]) == ["data-2025"]
    assert slugs(listing(gql, year=2024)["items"]) == []


def test_roles_named_in_any_script_are_told_apart(gql, roles_index):
    for slug, role_name in (("shuju-2026", "数据工程师"), ("jiqi-2026", "机器学习工程师")):
        make_guide(roles_index, slug, role_name=role_name)
    assert sorted(RoleGuidePage.objects.values_list("role_slug", flat=True)) == [
        "数据工程师",
        "机器学习工程师",
    ]
    assert slugs(listing(gql)["items"]) == ["jiqi-2026", "shuju-2026"]


def test_each_guide_without_a_role_slug_is_its_own_role(gql, roles_index):
    make_guide(roles_index, "one-2026", role_name="One")
    make_guide(roles_index, "two-2027", year=2027, role_name="Two")
    RoleGuidePage.objects.update(role_slug="")  # as saved before role slugs kept any script
    assert slugs(listing(gql)["items"]) == ["one-2026", "two-2027"]


def test_latest_edition_only_is_ordered_and_paginated_with_totals(gql, roles):
    first = listing(gql, order="YEAR", perPage=2)
    assert slugs(first["items"]) == ["data-2025", "mlops-2026"]  # on a tie, by pk
    assert first["pagination"] == {"total": 3, "count": 2, "totalPages": 2}
    second = listing(gql, order="YEAR", perPage=2, page=2)
    assert slugs(second["items"]) == ["analyst-2026"]
    assert second["pagination"]["count"] == 1


def test_latest_edition_only_takes_a_boolean(gql_errors, roles):
    status, errors = gql_errors(LATEST, {"latest": "yes"})
    assert status == 400
    assert [e["extensions"]["code"] for e in errors] == ["BAD_USER_INPUT"]
    status, errors = gql_errors('{ roleGuides(latestEditionOnly: "yes") { items { slug } } }')
    assert [e["extensions"]["code"] for e in errors] == ["GRAPHQL_VALIDATION_FAILED"]


def test_latest_edition_only_is_one_query_on_the_role_index(client, roles):
    with CaptureQueriesContext(connection) as captured:
        response = post_graphql(client, LATEST, {"latest": True})
    assert response.status_code == 200 and "errors" not in response.json()
    newest = [q["sql"] for q in captured if "EXISTS" in q["sql"] and "ORDER BY" in q["sql"]]
    assert len(newest) == 1, [q["sql"] for q in captured]  # and one to count them
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN QUERY PLAN " + newest[0])
            plan = " ".join(str(row) for row in cursor.fetchall())
        (index,) = [
            i.name for i in RoleGuidePage._meta.indexes if i.fields == ["role_slug", "year"]
        ]
        assert index in plan, plan


# changeFromPreviousEdition -----------------------------------------------------------------


@pytest.fixture
def salaries(roles_index):
    """2025 and 2026 of mlops: a USD table and an EUR table in 2026 (USD in 2025)."""
    edition(
        roles_index,
        "mlops",
        2025,
        table(
            base("Entry-Level", 100_000, 150_000),
            base("Senior", 150_000, None),
            intern("Intern", 5_000, 6_000),
            base("Apprentice", 30_000, 40_000),
        ),
        table(base("Entry-Level", 100_000, 150_000)),
    )
    edition(
        roles_index,
        "mlops",
        2026,
        table(
            base("entry-level ", 108_000, 135_000),  # the same level, however written
            base("Senior", 165_000, None),
            intern("Intern", 5_500, 6_000),
            intern("Apprentice", 2_500, 3_000),  # base salary then, intern pay now
            base("Principal", 250_000, 300_000),  # a new level
        ),
        table(base("Entry-Level", 100_000, 150_000), currency="EUR"),
    )


def changes(data):
    return [
        [(row["level"], row["changeFromPreviousEdition"]) for row in block["rows"]]
        for block in data["body"]
        if "rows" in block
    ]


def test_each_row_says_how_its_pay_changed_since_the_previous_edition(gql, salaries):
    usd, eur = changes(guide_data(gql, "mlops-2026"))
    assert usd == [
        ("entry-level ", {"min": 8.0, "max": -10.0, "pay": "BASE_SALARY", "previousYear": 2025}),
        ("Senior", {"min": 10.0, "max": None, "pay": "BASE_SALARY", "previousYear": 2025}),
        ("Intern", {"min": 10.0, "max": 0.0, "pay": "INTERN_PAY", "previousYear": 2025}),
        ("Apprentice", None),  # another kind of pay
        ("Principal", None),  # a new level
    ]
    assert eur == [("Entry-Level", None)]  # another currency


def test_no_previous_edition_no_change(gql, salaries):
    usd, eur = changes(guide_data(gql, "mlops-2025"))
    assert [change for _, change in usd + eur] == [None] * 5


def test_a_draft_preview_compares_with_the_previous_editions_live_content(gql, salaries):
    previous = RoleGuidePage.objects.get(slug="mlops-2025")
    unpublished = previous.get_latest_revision_as_object()
    unpublished.body = values.stream_json([table(base("Entry-Level", 1, 2))])
    unpublished.save_revision()  # a draft of 2025: not what readers see
    guide = RoleGuidePage.objects.get(slug="mlops-2026")
    draft = guide.get_latest_revision_as_object()
    draft.body = values.stream_json([table(base("Entry-Level", 110_000, 150_000))])
    token = draft.create_page_preview().token
    query = """query($token: String) { page(token: $token) { ... on RoleGuidePage {
      previousEdition { year }
      body { ... on SalaryTableBlock { rows { level changeFromPreviousEdition { min max } } } }
    } } }"""
    page = gql(query, {"token": token})["page"]
    assert page["previousEdition"] == {"year": 2025}
    assert changes(page) == [[("Entry-Level", {"min": 10.0, "max": 0.0})]]


# No N+1 ------------------------------------------------------------------------------------

LISTING = """query { roleGuides(latestEditionOnly: true, year: 2026, perPage: 100) {
  items {
    slug
    editions { title year }
    previousEdition { title }
    body { ... on SalaryTableBlock { rows { changeFromPreviousEdition { min max previousYear } } } }
  }
} }"""


def build_roles(index, start, count):
    """`count` roles, each with a 2025 and a 2026 edition; role 0's 2026 edition starts from
    a renamed role's 2025 guide (a previous edition outside its role)."""
    for n in range(start, start + count):
        older = RoleGuidePageFactory(
            parent=index,
            slug=f"r{n}-2025" if n else "renamed-2025",
            year=2025,
            role_name=f"R{n}" if n else "Renamed",
            body=values.stream_json([table(base("Entry-Level", 100_000, 150_000))]),
        )
        RoleGuidePageFactory(
            parent=index,
            slug=f"r{n}-2026",
            year=2026,
            role_name=f"R{n}",
            previous_edition=older,
            body=values.stream_json([table(base("Entry-Level", 100_000 + n, 150_000))]),
        )


def count_queries(client):
    with CaptureQueriesContext(connection) as captured:
        response = post_graphql(client, LISTING)
    body = response.json()
    assert "errors" not in body, body["errors"]
    return len(captured), body["data"]["roleGuides"]["items"]


def test_a_listing_with_editions_costs_the_same_queries_for_20_and_100_guides(
    client, roles_index, settings
):
    settings.GRAPHQL_LIMITS = {"MAX_COST": 10**9}  # measuring queries here, not the cost limit
    settings.API_RESPONSE_CACHE = False
    build_roles(roles_index, 0, 20)
    small, items = count_queries(client)
    assert len(items) == 20
    build_roles(roles_index, 20, 80)
    large, items = count_queries(client)
    assert len(items) == 100
    by_slug = {item["slug"]: item for item in items}
    assert [len(by_slug[f"r{n}-2026"]["editions"]) for n in range(100)] == [1] + [2] * 99
    assert by_slug["r0-2026"]["previousEdition"] == {"title": "Guide renamed-2025"}
    changed = [by_slug[f"r{n}-2026"]["body"][0]["rows"][0] for n in (0, 50)]
    assert [row["changeFromPreviousEdition"] for row in changed] == [
        {"min": 0.0, "max": 0.0, "previousYear": 2025},
        {"min": 0.1, "max": 0.0, "previousYear": 2025},
    ]
    assert small == large, f"{small} queries for 20 guides, {large} for 100"


# Cache invalidation ------------------------------------------------------------------------


def get(client, query, variables):
    params = {"query": query, "variables": json.dumps(variables)}
    response = client.get("/graphql/?" + urlencode(params))
    assert response.status_code == 200 and "errors" not in response.json(), response.content
    return response


UNRELATED = "query($path: String!) { roleGuide(urlPath: $path) { title year } }"


def test_the_cache_tag_of_a_role_named_in_another_script_is_ascii(client, roles_index, settings):
    make_guide(roles_index, "shuju-2026", role_name="数据工程师")
    response = get(client, GUIDE, {"path": "/roles/shuju-2026/"})
    tags = response[settings.API_CACHE_TAG_HEADER]
    assert tags.isascii()
    assert "listing:roles.roleguidepage:role=%E6%95%B0%E6%8D%AE%E5%B7%A5%E7%A8%8B%E5%B8%88" in tags


def test_publishing_or_unpublishing_an_edition_refreshes_the_answers_that_show_editions(
    client, roles_index
):
    edition(roles_index, "mlops", 2024, table(base("Entry-Level", 100_000, 150_000)))
    edition(roles_index, "mlops", 2026, table(base("Entry-Level", 110_000, 150_000)))
    middle = edition(
        roles_index, "mlops", 2025, table(base("Entry-Level", 100_000, 125_000)), live=False
    )
    edition(roles_index, "data", 2026)
    asked = {
        "2024": (GUIDE, {"path": "/roles/mlops-2024/"}),
        "2026": (GUIDE, {"path": "/roles/mlops-2026/"}),
        "latest": (LATEST, {"latest": True}),
        "unrelated": (UNRELATED, {"path": "/roles/data-2026/"}),
        "other role": (GUIDE, {"path": "/roles/data-2026/"}),  # its editions: not mlops's
    }

    def answers():
        found = {name: get(client, *question) for name, question in asked.items()}
        return {name: r["X-Cache-Status"] for name, r in found.items()}, {
            name: r.json()["data"] for name, r in found.items()
        }

    status, _ = answers()
    assert set(status.values()) == {"MISS"}
    status, before = answers()
    assert set(status.values()) == {"HIT"}
    assert before["2026"]["roleGuide"]["previousEdition"]["year"] == 2024

    publish(middle)
    status, after = answers()
    assert status == {
        "2024": "MISS",
        "2026": "MISS",
        "latest": "MISS",
        "unrelated": "HIT",
        "other role": "HIT",
    }
    assert slugs(after["2024"]["roleGuide"]["editions"]) == [
        "mlops-2026",
        "mlops-2025",
        "mlops-2024",
    ]
    newest = after["2026"]["roleGuide"]
    assert newest["previousEdition"]["year"] == 2025
    assert changes(newest)[0][0][1] == {
        "min": 10.0,
        "max": 20.0,
        "pay": "BASE_SALARY",
        "previousYear": 2025,
    }

    middle.unpublish()
    status, again = answers()
    assert status == {
        "2024": "MISS",
        "2026": "MISS",
        "latest": "MISS",
        "unrelated": "HIT",
        "other role": "HIT",
    }
    assert again["2024"] == before["2024"] and again["2026"] == before["2026"]
    assert again["latest"] == before["latest"]
