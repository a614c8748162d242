"""Cross-role queries (roles/cross_role.py) answered from the facts tables (roles/facts.py):
the tables follow publishing, bulk generation and the rebuild command; the API filters,
orders and bounds them, in the same number of queries for 20 tools as for 100, and cached
answers refresh when a guide is published."""

import io
import re
from importlib import import_module
from urllib.parse import urlencode

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test.utils import CaptureQueriesContext
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.models import PageViewRestriction

from roles import block_values as values
from roles.facts import GuideSalary, GuideSkill, GuideTool
from roles.models import RoleGuidePage, RoleIndexPage, Tool
from tests.factories import guide_body, make_category, make_guide, make_tool, publish
from tests.graphql_http import post_graphql


def body_with(tools=(), skills=("Distributed systems",), salary=None, currency="USD"):
    """A body whose skills name `tools` and whose first salary table has `salary` rows:
    (level, min, max) triples."""
    body = [
        values.skills_list("Skills", [(name, [t.pk for t in tools]) for name in skills]),
    ]
    if salary is not None:
        rows = [
            values.salary_row(level, base_salary_min=low, base_salary_max=high)
            for level, low, high in salary
        ]
        body.append(values.salary_table(rows, currency=currency))
    return body


def guide_facts(guide):
    return (
        sorted(GuideTool.objects.filter(guide=guide).values_list("tool__slug", flat=True)),
        sorted(GuideSkill.objects.filter(guide=guide).values_list("slug", flat=True)),
        list(
            GuideSalary.objects.filter(guide=guide)
            .order_by("position")
            .values_list("level_key", "currency", "midpoint")
        ),
    )


@pytest.fixture
def kubernetes(db):
    return make_tool("Kubernetes")


@pytest.fixture
def python(db):
    return make_tool("Python")


# The tables follow publishing ----------------------------------------------------------------


def test_publishing_builds_the_facts_and_a_draft_leaves_them(roles_index, kubernetes, python):
    guide = make_guide(
        roles_index,
        "sre",
        body=body_with([kubernetes], salary=[("Entry-Level", 100_000, 140_000)]),
    )
    assert guide_facts(guide) == (
        ["kubernetes"],
        ["distributed-systems"],
        [("entry-level", "USD", 120_000)],
    )

    guide.body = values.stream_json(body_with([python], skills=["Observability"]))
    guide.save_revision()  # a draft: readers still see Kubernetes
    assert guide_facts(guide)[0] == ["kubernetes"]

    guide.get_latest_revision().publish()
    assert guide_facts(guide) == (["python"], ["observability"], [])


def test_unpublishing_and_deleting_remove_the_facts(roles_index, kubernetes):
    first = make_guide(roles_index, "a", body=body_with([kubernetes], salary=[("Senior", 1, 3)]))
    second = make_guide(roles_index, "b", body=body_with([kubernetes]))
    first.unpublish()
    assert guide_facts(first) == ([], [], [])
    second.delete()
    assert not GuideTool.objects.exists()
    assert not GuideSkill.objects.exists()


def test_unpublishing_the_index_with_its_guides_removes_their_facts(roles_index, kubernetes):
    guide = make_guide(roles_index, "a", body=body_with([kubernetes]))
    user = get_user_model().objects.create_superuser("editor", "editor@example.com", "pw")
    UnpublishPageAction(roles_index, user=user, include_descendants=True).execute()
    assert guide_facts(guide) == ([], [], [])


def test_a_deleted_tool_takes_its_rows(roles_index, kubernetes, python):
    guide = make_guide(roles_index, "a", body=body_with([kubernetes, python]))
    kubernetes.delete()
    assert guide_facts(guide)[0] == ["python"]


def test_a_move_rebuilds_the_guides_facts(roles_index, site_tree, kubernetes):
    guide = make_guide(roles_index, "a", body=body_with([kubernetes]))
    GuideTool.objects.all().delete()  # as if lost
    other = site_tree[0].add_child(instance=RoleIndexPage(title="More roles", slug="more"))
    guide.move(other, pos="last-child")
    assert guide_facts(guide)[0] == ["kubernetes"]


def test_only_the_first_salary_table_and_base_salary_rows_count(roles_index):
    body = body_with(
        salary=[("Intern", None, None), ("  Entry-level ", 90_000, None), ("Senior", 100, 201)]
    )
    body.append(
        values.salary_table([values.salary_row("Staff", base_salary_min=5)], currency="EUR")
    )
    guide = make_guide(roles_index, "a", body=body)
    assert guide_facts(guide)[2] == [("entry-level", "USD", 90_000), ("senior", "USD", 150)]


def test_generation_fills_the_facts_and_the_command_rebuilds_them(roles_index):
    call_command("generate_role_guides", count=30, stdout=io.StringIO())
    generated = RoleGuidePage.objects.filter(live=True)
    assert GuideTool.objects.values("guide").distinct().count() == generated.count()
    assert GuideSalary.objects.filter(level_key="entry-level").count() == generated.count()
    before = {guide.pk: guide_facts(guide) for guide in generated}

    GuideTool.objects.all().delete()
    GuideSalary.objects.filter(guide__in=generated[:5]).delete()
    RoleGuidePage.objects.filter(pk=generated[0].pk).update(live=False)  # its facts must go
    out = io.StringIO()
    call_command("rebuild_role_facts", stdout=out)
    assert "Rebuilt the facts of 29 live guides." in out.getvalue()
    after = {guide.pk: guide_facts(guide) for guide in RoleGuidePage.objects.all()}
    gone = generated.model.objects.get(live=False).pk
    assert after.pop(gone) == ([], [], [])
    before.pop(gone)
    assert after == before


def test_the_command_refuses_a_bad_batch_size(db):
    with pytest.raises(Exception, match="--batch-size must be between 1 and 5000."):
        call_command("rebuild_role_facts", batch_size=0, stdout=io.StringIO())


# roleGuides(tool:, skill:) -----------------------------------------------------------------

LISTING = """query ($tool: String, $skill: String, $year: Int) {
  roleGuides(tool: $tool, skill: $skill, year: $year) { items { slug } pagination { total } }
}"""


@pytest.fixture
def guides(roles_index, kubernetes, python):
    return [
        make_guide(roles_index, "sre-2026", body=body_with([kubernetes], ["Observability"])),
        make_guide(roles_index, "sre-2025", year=2025, body=body_with([kubernetes, python])),
        make_guide(roles_index, "analyst", body=body_with([python], ["SQL"])),
        make_guide(roles_index, "draft", live=False, body=body_with([kubernetes])),
    ]


def slugs(gql, **variables):
    return [item["slug"] for item in gql(LISTING, variables)["roleGuides"]["items"]]


def test_role_guides_filter_by_tool_and_skill(gql, guides):
    assert slugs(gql, tool="kubernetes") == ["sre-2025", "sre-2026"]
    assert slugs(gql, tool="kubernetes", year=2026) == ["sre-2026"]
    assert slugs(gql, skill="sql") == ["analyst"]
    assert slugs(gql, tool="python", skill="distributed-systems") == ["sre-2025"]
    assert slugs(gql, tool="no-such-tool") == []


def test_a_private_guide_is_not_found_by_tool(gql, guides):
    PageViewRestriction.objects.create(page=guides[0], restriction_type="login")
    assert slugs(gql, tool="kubernetes") == ["sre-2025"]


@pytest.mark.parametrize(
    ("variables", "message"),
    [
        ({"tool": "not a slug!"}, "`tool` must be a slug, e.g. 'kubernetes'."),
        ({"skill": "x" * 201}, "`skill` must be a slug, e.g. 'distributed-systems'."),
    ],
)
def test_bad_fact_filters_get_a_coded_error(gql_errors, guides, variables, message):
    status, errors = gql_errors(LISTING, variables)
    assert errors[0]["message"] == message
    assert errors[0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert status == 200


# Tool.roleGuides -----------------------------------------------------------------------------

TOOLS = """query ($limit: Int, $offset: Int) {
  tools { slug roleGuides(limit: $limit, offset: $offset) { slug category { slug } } }
}"""


def test_each_tool_lists_its_live_public_guides_newest_first(gql, guides):
    tools = {t["slug"]: t["roleGuides"] for t in gql(TOOLS)["tools"]}
    assert [g["slug"] for g in tools["kubernetes"]] == ["sre-2025", "sre-2026"]
    assert [g["slug"] for g in tools["python"]] == ["analyst", "sre-2025"]
    window = {t["slug"]: t["roleGuides"] for t in gql(TOOLS, {"limit": 1, "offset": 1})["tools"]}
    assert [g["slug"] for g in window["kubernetes"]] == ["sre-2026"]

    make_guide(
        guides[0].get_parent(), "zz-newest", body=body_with([guides[0].fact_tools.get().tool])
    )
    tools = {t["slug"]: t["roleGuides"] for t in gql(TOOLS)["tools"]}
    assert [g["slug"] for g in tools["kubernetes"]] == ["zz-newest", "sre-2025", "sre-2026"]


def test_tool_role_guides_bounds(gql_errors, guides):
    one_tool = "query ($limit: Int) { tools(limit: 1) { roleGuides(limit: $limit) { slug } } }"
    _, errors = gql_errors(one_tool, {"limit": 101})
    assert errors[0]["message"] == "`limit` must be between 1 and 100."
    assert errors[0]["extensions"]["code"] == "BAD_USER_INPUT"
    _, errors = gql_errors(TOOLS, {"offset": -1})
    assert errors[0]["extensions"]["code"] == "BAD_USER_INPUT"


def tool_queries(client, count):
    cache.clear()  # the response cache: every run computes its answer
    with CaptureQueriesContext(connection) as captured:
        body = post_graphql(
            client,
            "query ($n: Int) { tools(limit: $n) { slug roleGuides(limit: 5) {"
            " slug url category { name } editions { slug } body { blockType } } } }",
            {"n": count},
        ).json()
    assert "errors" not in body, body["errors"]
    assert len(body["data"]["tools"]) == count
    assert all(tool["roleGuides"] for tool in body["data"]["tools"])
    return len(captured)


def test_tool_role_guides_cost_the_same_queries_for_20_tools_as_for_100(
    client, settings, roles_index
):
    settings.GRAPHQL_LIMITS = {"MAX_COST": 10_000_000}
    tools = [Tool.objects.create(name=f"Tool {n:03}") for n in range(100)]
    for n in range(10):
        make_guide(roles_index, f"g{n}", body=body_with(tools[n::10]))
    tool_queries(client, 100)  # warm what is cached per process
    assert tool_queries(client, 20) == tool_queries(client, 100)


# salaryComparison ------------------------------------------------------------------------------

COMPARISON = """query ($level: String!, $category: String, $year: Int, $currency: String,
  $page: Int, $perPage: Int) {
  salaryComparison(level: $level, category: $category, year: $year, currency: $currency,
    page: $page, perPage: $perPage) {
    items { guide { slug title } level currency baseSalaryMin baseSalaryMax midpoint }
    pagination { total }
  }
}"""


@pytest.fixture
def paid(roles_index):
    data = make_category("Data")
    return [
        make_guide(roles_index, "low", body=body_with(salary=[("Entry-Level", 50, 70)])),
        make_guide(roles_index, "high", body=body_with(salary=[("entry-level", 90, 110)])),
        make_guide(
            roles_index,
            "euro",
            year=2025,
            category=data,
            body=body_with(salary=[("Entry Level", 80, None)], currency="EUR"),
        ),
        make_guide(roles_index, "senior-only", body=body_with(salary=[("Senior", 500, 600)])),
    ]


def compared(gql, **variables):
    answer = gql(COMPARISON, {"level": "ENTRY-level ", **variables})["salaryComparison"]
    return [(row["guide"]["slug"], row["currency"], row["midpoint"]) for row in answer["items"]]


def test_salary_comparison_orders_one_level_best_paid_first(gql, paid):
    answer = gql(COMPARISON, {"level": "Entry-Level"})["salaryComparison"]
    assert answer["items"][0] == {
        "guide": {"slug": "high", "title": "Guide high"},
        "level": "entry-level",
        "currency": "USD",
        "baseSalaryMin": 90,
        "baseSalaryMax": 110,
        "midpoint": 100,
    }
    assert compared(gql) == [("high", "USD", 100), ("low", "USD", 60)]
    assert answer["pagination"]["total"] == 2
    assert compared(gql, level="entry level") == [("euro", "EUR", 80)]
    assert compared(gql, currency="usd", perPage=1, page=2) == [("low", "USD", 60)]


def test_salary_comparison_filters_by_category_year_and_currency(gql, paid):
    assert compared(gql, level="Entry Level", category="data", year=2025) == [("euro", "EUR", 80)]
    assert compared(gql, year=2025) == []
    assert compared(gql, currency="EUR") == []


@pytest.mark.parametrize(
    ("variables", "message"),
    [
        ({"level": "  "}, "`level` must name a level, e.g. 'Entry-Level' (80 characters at most)."),
        ({"currency": "XYZ"}, "`currency` must be an ISO 4217 code, e.g. 'USD'; not 'XYZ'."),
        ({"year": 1999}, "`year` must be between 2000 and 2100."),
        ({"perPage": 101}, "`perPage` must be between 1 and 100."),
    ],
)
def test_bad_comparison_arguments_get_a_coded_error(gql_errors, paid, variables, message):
    status, errors = gql_errors(COMPARISON, {"level": "Entry-Level", **variables})
    assert errors[0]["message"] == message
    assert errors[0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert status == 200


# Cached answers refresh when a guide is published ----------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        '{ roleGuides(tool: "kubernetes") { items { slug } } }',
        "{ tools { slug roleGuides { slug } } }",
        '{ salaryComparison(level: "Senior") { items { guide { slug } midpoint } } }',
    ],
)
def test_a_publish_refreshes_cached_cross_role_answers(client, roles_index, kubernetes, query):
    make_guide(roles_index, "first", body=body_with([kubernetes], salary=[("Senior", 1, 3)]))
    url = "/graphql/?" + urlencode({"query": query})
    assert client.get(url)["X-Cache-Status"] == "MISS"
    assert client.get(url)["X-Cache-Status"] == "HIT"

    second = make_guide(
        roles_index, "second", live=False, body=body_with([kubernetes], salary=[("Senior", 5, 7)])
    )
    assert client.get(url)["X-Cache-Status"] == "HIT"  # a draft changes nothing served
    publish(second)
    response = client.get(url)
    assert response["X-Cache-Status"] == "MISS"
    assert b"second" in response.content


def test_a_renamed_tool_refreshes_a_cached_tool_filter(client, roles_index, kubernetes):
    make_guide(roles_index, "first", body=body_with([kubernetes]))
    url = "/graphql/?" + urlencode({"query": '{ roleGuides(tool: "k8s") { items { slug } } }'})
    assert client.get(url).json()["data"]["roleGuides"]["items"] == []
    kubernetes.slug = "k8s"
    kubernetes.save()
    response = client.get(url)
    assert response["X-Cache-Status"] == "MISS"
    assert response.json()["data"]["roleGuides"]["items"] == [{"slug": "first"}]


def test_guide_body_helper_still_fills_facts(roles_index, kubernetes):
    guide = make_guide(roles_index, "full", body=guide_body(tools=[kubernetes]))
    assert guide_facts(guide)[0] == ["kubernetes"]


def test_the_data_migration_fills_the_facts_of_live_guides(roles_index, kubernetes):
    live = make_guide(roles_index, "live", body=body_with([kubernetes], salary=[("Senior", 1, 3)]))
    make_guide(roles_index, "draft", live=False, body=body_with([kubernetes]))
    expected = guide_facts(live)
    for model in (GuideTool, GuideSkill, GuideSalary):
        model.objects.all().delete()
    name = "0009_fill_cross_role_facts"
    historical = MigrationExecutor(connection).loader.project_state(("roles", name)).apps
    import_module(f"roles.migrations.{name}").fill(historical, None)
    assert guide_facts(live) == expected
    assert GuideTool.objects.count() == 1  # the draft has none


# On PostgreSQL, the facts are read through their indexes ----------------------------------------


def explained(sql, params):
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN " + sql, params)
        return "\n".join(row[0] for row in cursor.fetchall())


def plans_of(client, query):
    """The plans of the statements reading a facts table for one request."""
    with CaptureQueriesContext(connection) as captured:
        body = post_graphql(client, query).json()
    assert "errors" not in body, body["errors"]
    reads = [q["sql"] for q in captured if "roles_guide" in q["sql"] and "LIMIT" in q["sql"]]
    assert reads
    return [explained(sql, None) for sql in reads]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="query plans are PostgreSQL's")
def test_facts_are_read_through_their_indexes(client, settings, roles_index):
    settings.API_RESPONSE_CACHE = False
    call_command("generate_role_guides", count=3000, stdout=io.StringIO())
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    comparison = '{ salaryComparison(level: "Senior", currency: "USD") { items { midpoint } } }'
    for plan in plans_of(client, comparison):
        assert "Seq Scan on roles_guidesalary" not in plan, plan
        # One of its (level_key, …, -midpoint) indexes: which one is the planner's choice (with
        # every generated guide in USD, the level's index beats the currency's).
        assert re.search(
            r"(Index|Index Only|Bitmap Index) Scan (Backward )?(using|on) roles_salary_\w+", plan
        ), plan
    for plan in plans_of(client, "{ tools(limit: 30) { roleGuides(limit: 5) { slug } } }"):
        assert "Seq Scan on roles_guidetool" not in plan, plan
        # Its (tool, guide) unique index or its guide index: the planner's choice with the
        # statistics of the moment, read either way (CI's full run saw 'Index Scan Backward
        # using roles_guidetool_guide_id_…' where the test alone sees the unique index).
        assert re.search(
            r"(Index|Index Only|Bitmap Index) Scan (Backward )?(using|on) roles_guidetool_\w+", plan
        ), plan


# Totals of a tool or skill filter --------------------------------------------------------------

FILTERED_TOTAL = """query ($tool: String, $skill: String, $page: Int, $perPage: Int) {
  roleGuides(tool: $tool, skill: $skill, page: $page, perPage: $perPage) {
    items { slug } pagination { total count currentPage totalPages nextPage }
  }
}"""


def filtered(client, **variables):
    with CaptureQueriesContext(connection) as captured:
        body = post_graphql(client, FILTERED_TOTAL, variables).json()
    assert "errors" not in body, body["errors"]
    counts = [q["sql"] for q in captured if "COUNT(" in q["sql"].upper()]
    return body["data"]["roleGuides"], counts


def test_a_tool_or_skill_total_is_counted_on_the_facts_and_agrees(client, roles_index, kubernetes):
    """Live guides naming the tool: counted on the facts table, the same number as they list,
    whatever else is there (a draft naming it, an unpublished guide, a guide without it); a
    view restriction anywhere and the guides are counted instead, the private one left out."""
    for n in range(5):
        make_guide(roles_index, f"live-{n}", body=body_with([kubernetes]))
    make_guide(roles_index, "draft", live=False, body=body_with([kubernetes]))
    gone = make_guide(roles_index, "gone", body=body_with([kubernetes]))
    UnpublishPageAction(gone).execute()
    make_guide(roles_index, "other", body=body_with([], skills=["Statistics"]))

    for arguments in ({"tool": "kubernetes"}, {"skill": "distributed-systems"}):
        listing, counts = filtered(client, perPage=2, **arguments)
        assert listing["pagination"] == {
            "total": 5,
            "count": 2,
            "currentPage": 1,
            "totalPages": 3,
            "nextPage": 2,
        }
        assert counts and all("roles_roleguidepage" not in sql for sql in counts), counts
        everything, _ = filtered(client, perPage=100, **arguments)
        assert len(everything["items"]) == 5
        # A page past the last gives the last, as page-number listings do.
        last, _ = filtered(client, page=9, perPage=2, **arguments)
        assert last["pagination"]["currentPage"] == 3
        assert [item["slug"] for item in last["items"]] == [
            item["slug"] for item in everything["items"]
        ][4:]

    private = RoleGuidePage.objects.get(slug="live-0")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    listing, counts = filtered(client, tool="kubernetes", perPage=2)
    assert listing["pagination"]["total"] == 4
    assert any("roles_roleguidepage" in sql for sql in counts)
