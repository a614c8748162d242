"""Cross-role questions, answered from the facts tables (`roles/facts.py`), never from bodies:

- `roleGuides(tool:, skill:)`: the guides whose skills name a tool, or list a skill;
- `Tool.roleGuides`: the live public guides using a tool, loaded for every tool of a list in
  one query (a list primer makes the tools known before the first one asks);
- `salaryComparison`: one level's base salary across guides, best paid first.

Answers depend on the guides listing (`listing:roles.roleguidepage`): publishing,
unpublishing or moving any guide refreshes them. A tool filter depends on the tools listing
too (a tool renamed or deleted changes what its slug finds).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

import graphene
from django.db import connection
from django.db.models import Exists, OuterRef
from grapple.helpers import register_graphql_schema

from cms import cache_tags
from cms.api import loaders
from cms.api.errors import ApiError
from cms.api.grapple_compat import registry
from cms.api.list_primers import prime
from cms.api.listing import MAX_LIMIT, listing_type, page_arguments, paginate
from cms.api.selection import selected_paths
from roles.facts import GuideSalary, GuideSkill, GuideTool
from roles.models import MAX_YEAR, MIN_YEAR, Category, RoleGuidePage, Tool
from roles.salary import CURRENCY_SYMBOLS
from roles.salary_diff import level_key

if TYPE_CHECKING:
    from collections.abc import Iterable

SLUG = re.compile(r"^[-\w]{1,200}$")
TOOL_GUIDES_DEFAULT = 10


def role_guide_type():
    return registry.pages[RoleGuidePage]


def visible_guides_where(**conditions):
    from roles.schema import visible_guides  # roles.schema imports this module

    return visible_guides().filter(**conditions).values("pk")


def visible_guide_ids():
    return visible_guides_where()


def checked_slug(value: str, argument: str, example: str) -> str:
    if not SLUG.match(value):
        raise ApiError(f"`{argument}` must be a slug, e.g. '{example}'.")
    return value


# roleGuides(tool:, skill:) ---------------------------------------------------------------


def fact_arguments() -> dict[str, graphene.String]:
    return {
        "tool": graphene.String(
            description="A tool slug, e.g. 'kubernetes': the guides whose skills name that "
            "tool. An unknown tool finds none."
        ),
        "skill": graphene.String(
            description="A skill slug, e.g. 'distributed-systems' (the skill's name, "
            "slugified): the guides listing that skill."
        ),
    }


def filter_by_facts(guides, tool: str | None = None, skill: str | None = None):
    """`guides` narrowed to those naming `tool` and listing `skill` (each an indexed EXISTS)."""
    if tool:
        checked_slug(tool, "tool", "kubernetes")
        loaders.record_tags(cache_tags.listing_tag(Tool))  # a tool renamed: its slug moves
        uses = GuideTool.objects.filter(guide=OuterRef("pk"), tool__slug=tool)
        guides = guides.filter(Exists(uses))
    if skill:
        checked_slug(skill, "skill", "distributed-systems")
        guides = guides.filter(Exists(GuideSkill.objects.filter(guide=OuterRef("pk"), slug=skill)))
    return guides


def count_from_facts(tool: str | None, skill: str | None) -> int | None:
    """How many live public guides name `tool` (or list `skill`), counted on the facts table
    alone: an index-only scan of the tool's (or skill's) rows, not a join of every matching
    guide with Wagtail's page table. It is the same number when exactly one of them is given
    and no page has a view restriction: facts are kept for live guides only (written on
    publish, removed on unpublish, gone with the guide), and the listing's own filter reads
    the same rows. None otherwise: the caller counts the guides."""
    if bool(tool) == bool(skill) or loaders.restricted_paths():
        return None
    if tool:
        return GuideTool.objects.filter(tool__slug=tool).count()
    return GuideSkill.objects.filter(slug=skill).count()


# Tool.roleGuides ---------------------------------------------------------------------------


def tool_role_guides_field():
    """`Tool.roleGuides(limit, offset)` for the tool's `graphql_fields`."""
    from grapple.models import GraphQLField

    def with_arguments(field_type):
        return graphene.Field(
            field_type,
            limit=graphene.Int(
                default_value=TOOL_GUIDES_DEFAULT,
                description=f"How many guides, 1 to {MAX_LIMIT}.",
            ),
            offset=graphene.Int(default_value=0, description="How many guides to skip."),
            description="The live guides whose skills use this tool, the most recently "
            "created first.",
        )

    type_ = graphene.NonNull(graphene.List(graphene.NonNull(role_guide_type)))
    return GraphQLField("role_guides", type_, source="graphql_role_guides"), with_arguments


class ToolGuideLoader:
    """The guides of every tool a request lists, per window (one per request)."""

    def __init__(self) -> None:
        self.expected: dict[int, Tool] = {}
        self.windows: dict[tuple[int, int, bool], dict[int, list[RoleGuidePage]]] = {}

    def expect(self, tools: Iterable[Tool]) -> None:
        for tool in tools:
            self.expected.setdefault(tool.pk, tool)

    def guides(self, tool: Tool, limit: int, offset: int, with_body: bool):
        found = self.windows.setdefault((limit, offset, with_body), {})
        if tool.pk not in found:
            self.expected.setdefault(tool.pk, tool)
            missing = set(self.expected) - set(found)
            found.update(load_tool_guides(missing, limit, offset, with_body))
        return found[tool.pk]


def load_tool_guides(tool_ids, limit, offset, with_body):
    """{tool id: its guides[offset:offset + limit], newest first}: two queries for all the
    tools. The first is one branch per tool, joined by UNION ALL, each reading its window
    from the (tool, guide) index: its cost is the answer's, whatever the number of guides
    using the tool (a row number over each tool would read them all)."""
    branches = [
        GuideTool.objects.filter(tool_id=tool_id)
        .filter(Exists(visible_guides_where(pk=OuterRef("guide_id"))))
        .order_by("-guide_id")
        .values_list("tool_id", "guide_id")[offset : offset + limit]
        .query.sql_with_params()
        for tool_id in sorted(tool_ids)
    ]
    if not branches:
        return {}
    sql = " UNION ALL ".join(
        f"SELECT * FROM ({branch}) AS tool_{n}" for n, (branch, _) in enumerate(branches)
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [param for _, params in branches for param in params])
        picked = cursor.fetchall()
    guides = RoleGuidePage.objects.filter(pk__in={guide for _, guide in picked})
    guides = guides.select_related("category", "hero_image")
    if not with_body:
        guides = guides.defer_streamfields()
    by_pk = {guide.pk: guide for guide in guides}
    if with_body:
        loaders.prime_stream_snippets(list(by_pk.values()), "body")
    found: dict[int, list[RoleGuidePage]] = {pk: [] for pk in tool_ids}
    for tool_id, guide_id in picked:
        if guide_id in by_pk:
            found[tool_id].append(by_pk[guide_id])
    return found


def tool_guide_loader() -> ToolGuideLoader:
    return loaders.memo("roles.tool-guides", ToolGuideLoader)


def expect_tools(tools: list[Tool]) -> None:
    """The list primer of tools: their guides load together when the first asks."""
    tool_guide_loader().expect(tools)


def tool_role_guides(tool: Tool, info, limit=None, offset=None) -> list[RoleGuidePage]:
    limit = TOOL_GUIDES_DEFAULT if limit is None else limit
    offset = 0 if offset is None else offset
    if not 1 <= limit <= MAX_LIMIT:
        raise ApiError(f"`limit` must be between 1 and {MAX_LIMIT}.")
    if offset < 0:
        raise ApiError("`offset` may not be negative.")
    with_body = "body" in selected_paths(info)
    return tool_guide_loader().guides(tool, limit, offset, with_body)


# salaryComparison --------------------------------------------------------------------------


@dataclass(frozen=True)
class ComparedSalary:
    guide: RoleGuidePage
    level: str
    currency: str | None
    base_salary_min: int | None
    base_salary_max: int | None
    midpoint: int


class SalaryComparisonRow(graphene.ObjectType):
    """One level of one guide's pay (the first salary table's row), in its own currency:
    amounts are never converted."""

    guide = graphene.Field(graphene.NonNull(role_guide_type), description="The role guide.")
    level = graphene.String(required=True, description="The level as the guide names it.")
    currency = graphene.String(description="ISO 4217 code of the amounts.")
    base_salary_min = graphene.Int(description="Annual base salary, lower end.")
    base_salary_max = graphene.Int(description="Annual base salary, upper end.")
    midpoint = graphene.Int(
        required=True,
        description="Between the two ends (rounded down), or the one end given: the order.",
    )


SalaryComparison = listing_type(
    "SalaryComparison",
    SalaryComparisonRow,
    "One page of a salary comparison, with totals for pagination.",
)


def comparison_tags() -> set[str]:
    from cms.api.answer_tags import model_listing_tags

    return set(model_listing_tags(RoleGuidePage) or ()) | {cache_tags.listing_tag(Category)}


@register_graphql_schema
class SalaryComparisonQuery:
    salary_comparison = graphene.Field(
        graphene.NonNull(SalaryComparison),
        level=graphene.String(
            required=True,
            description="A level, e.g. 'Entry-Level' (case and spacing ignored).",
        ),
        category=graphene.String(description="A category slug."),
        year=graphene.Int(description="The guides' edition year."),
        currency=graphene.String(
            description="An ISO 4217 code, e.g. 'USD': only rows in that currency. Without "
            "it, rows of every currency are ordered together, each with its currency."
        ),
        **page_arguments(),
        description="One level's annual base salary across live role guides, best paid "
        "first (by midpoint): 'best-paid entry-level roles'. Each guide's first salary table.",
    )

    def resolve_salary_comparison(
        self, info, level, category=None, year=None, currency=None, page=1, per_page=20
    ):
        key = level_key(level)
        if not key or len(key) > 80:
            raise ApiError("`level` must name a level, e.g. 'Entry-Level' (80 characters at most).")
        rows = GuideSalary.objects.filter(level_key=key, guide__in=visible_guide_ids())
        if category:
            rows = rows.filter(category__slug=category)
        if year is not None:
            if not MIN_YEAR <= year <= MAX_YEAR:
                raise ApiError(f"`year` must be between {MIN_YEAR} and {MAX_YEAR}.")
            rows = rows.filter(year=year)
        if currency:
            if currency.upper() not in CURRENCY_SYMBOLS:
                raise ApiError(
                    f"`currency` must be an ISO 4217 code, e.g. 'USD'; not {currency!r}."
                )
            rows = rows.filter(currency=currency.upper())
        rows = rows.order_by("-midpoint", "guide_id", "position")
        rows = rows.select_related("guide", "guide__category", "guide__hero_image")
        if "items.guide.body" not in selected_paths(info):
            rows = rows.defer("guide__body")
        listing = paginate(SalaryComparison, rows, page, per_page)
        listing.items = [compared(row) for row in listing.items]
        guides = [row.guide for row in listing.items]
        prime(guides)  # their editions, images… load together, as in any list of guides
        if "items.guide.body" in selected_paths(info):
            loaders.prime_stream_snippets(guides, "body")
        return listing


def compared(row: GuideSalary) -> ComparedSalary:
    return ComparedSalary(
        guide=row.guide,
        level=row.level,
        currency=row.currency or None,
        base_salary_min=row.base_salary_min,
        base_salary_max=row.base_salary_max,
        midpoint=row.midpoint,
    )
