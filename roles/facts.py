"""Cross-role facts: what each live guide's body says, copied into small indexed tables so that
"which roles use Kubernetes?" and "best-paid entry-level roles" are answered by an index, never
by reading bodies at query time.

- `GuideTool`: every tool a guide's skills name (once per guide);
- `GuideSkill`: every skill a guide lists (once per slug);
- `GuideSalary`: every row with a base salary of the guide's first salary table (its headline
  pay; later tables are left out, so a guide is compared once per level), with the guide's
  year and category copied for the filters. Intern rows (monthly pay) are left out: annual
  and monthly pay are not compared.

Facts hold the live content only: they are rebuilt when a guide is published or moved,
removed when it is unpublished, and go with the guide (or the tool) when it is deleted
(CASCADE). Bulk paths, which send no signals, call `rebuild_facts` themselves
(`roles/generation.py`); `manage.py rebuild_role_facts` rebuilds them all. Which guides are
visible (live, not private) is still checked at query time.

The extraction works on a body's stored JSON (`raw_data`), so the data migration can use it
with historical models.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import connection, models, transaction
from django.utils.text import slugify

from roles.salary_diff import level_key

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator
    from typing import Any

LEVEL_LENGTH = 80  # SalaryRow.level's max_length


class GuideTool(models.Model):
    """A tool one live guide's skills name (maintained on publish: `roles/facts.py`)."""

    guide = models.ForeignKey(
        "roles.RoleGuidePage", on_delete=models.CASCADE, related_name="fact_tools"
    )
    tool = models.ForeignKey("roles.Tool", on_delete=models.CASCADE, related_name="fact_guides")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["tool", "guide"], name="roles_guidetool_unique")
        ]

    def __str__(self):
        return f"guide {self.guide_id} uses tool {self.tool_id}"


class GuideSkill(models.Model):
    """A skill one live guide lists, by name and slug (maintained on publish)."""

    guide = models.ForeignKey(
        "roles.RoleGuidePage", on_delete=models.CASCADE, related_name="fact_skills"
    )
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["slug", "guide"], name="roles_guideskill_unique")
        ]

    def __str__(self):
        return f"guide {self.guide_id} lists {self.name}"


class GuideSalary(models.Model):
    """One base-salary row of a live guide's first salary table (maintained on publish)."""

    guide = models.ForeignKey(
        "roles.RoleGuidePage", on_delete=models.CASCADE, related_name="fact_salaries"
    )
    position = models.PositiveSmallIntegerField(help_text="The row's place in its table.")
    level = models.CharField(max_length=LEVEL_LENGTH)
    level_key = models.CharField(max_length=LEVEL_LENGTH, help_text="`salary_diff.level_key`.")
    currency = models.CharField(max_length=3, blank=True)
    base_salary_min = models.PositiveIntegerField(null=True)
    base_salary_max = models.PositiveIntegerField(null=True)
    midpoint = models.PositiveIntegerField(help_text="Between the two ends, or the one given.")
    year = models.PositiveSmallIntegerField()
    category = models.ForeignKey(
        "roles.Category", null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        indexes = [
            # salaryComparison: a level, optionally a currency, a category and a year, best paid
            # first.
            models.Index(fields=["level_key", "-midpoint"], name="roles_salary_level"),
            models.Index(
                fields=["level_key", "currency", "-midpoint"], name="roles_salary_currency"
            ),
            models.Index(
                fields=["level_key", "category", "year", "-midpoint"],
                name="roles_salary_category",
            ),
            models.Index(fields=["level_key", "year", "-midpoint"], name="roles_salary_year"),
        ]

    def __str__(self):
        return f"guide {self.guide_id}: {self.level} {self.midpoint} {self.currency}"


# Reading a body's stored JSON --------------------------------------------------------------


def blocks_of(raw: Any, block_type: str) -> Iterator[dict]:
    """The values of the top-level blocks of `block_type` in a body's stored data."""
    for block in raw or ():
        if isinstance(block, dict) and block.get("type") == block_type:
            value = block.get("value")
            if isinstance(value, dict):
                yield value


def list_items(raw: Any) -> Iterator[Any]:
    """A ListBlock's stored items, in either of Wagtail's formats (with ids or plain)."""
    for entry in raw or ():
        if isinstance(entry, dict) and entry.get("type") == "item" and "value" in entry:
            yield entry["value"]
        else:
            yield entry


def skills(raw: Any) -> Iterator[tuple[str, list[int]]]:
    """(name, tool ids) of every skill of every skills list."""
    for skills_list in blocks_of(raw, "skills_list"):
        for skill in list_items(skills_list.get("skills")):
            if isinstance(skill, dict) and skill.get("name"):
                tools = [pk for pk in list_items(skill.get("tools")) if isinstance(pk, int)]
                yield skill["name"], tools


def salary_rows(raw: Any) -> Iterator[tuple[int, dict, str]]:
    """(position, row, currency) of the rows with a base salary of the first salary table."""
    table = next(blocks_of(raw, "salary_table"), None)
    if table is None:
        return
    for position, row in enumerate(list_items(table.get("rows"))):
        if isinstance(row, dict) and midpoint(row) is not None:
            yield position, row, table.get("currency") or ""


def midpoint(row: dict) -> int | None:
    ends = [row.get(end) for end in ("base_salary_min", "base_salary_max")]
    ends = [end for end in ends if isinstance(end, int)]
    return sum(ends) // len(ends) if ends else None


# Writing them ------------------------------------------------------------------------------


def rebuild_facts(guides: Iterable[Any], *, tool_model=None, skill_model=None, salary_model=None):
    """Replace the facts of `guides` (their `body`, `year`, `category_id` loaded) with what
    their bodies say now: one delete and three bulk inserts for all of them. The models can
    be historical ones (the data migration)."""
    tool_model = tool_model or GuideTool
    skill_model = skill_model or GuideSkill
    salary_model = salary_model or GuideSalary
    guides = list(guides)
    pks = [guide.pk for guide in guides]
    tools, found_skills, salaries = [], [], []
    for guide in guides:
        raw = guide.body.raw_data
        named: dict[str, str] = {}
        tool_ids: set[int] = set()
        for name, ids in skills(raw):
            named.setdefault(slugify(name)[:200] or "-", name[:200])
            tool_ids.update(ids)
        tools += [(guide.pk, pk) for pk in sorted(tool_ids)]
        found_skills += [(guide.pk, name, slug) for slug, name in named.items()]
        salaries += [
            (
                guide.pk,
                position,
                str(row.get("level") or "")[:LEVEL_LENGTH],
                level_key(row.get("level"))[:LEVEL_LENGTH],
                currency,
                row.get("base_salary_min"),
                row.get("base_salary_max"),
                midpoint(row),
                guide.year,
                guide.category_id,
            )
            for position, row, currency in salary_rows(raw)
        ]
    # A chooser may still name a deleted tool: only existing tools have rows.
    tool_pks = {pk for _, pk in tools}
    tool_snippets = tool_model._meta.get_field("tool").related_model.objects
    existing = set(tool_snippets.filter(pk__in=tool_pks).values_list("pk", flat=True))
    with transaction.atomic():
        remove_facts(pks, tool_model=tool_model, skill_model=skill_model, salary_model=salary_model)
        insert_rows(tool_model, ["guide", "tool"], [row for row in tools if row[1] in existing])
        insert_rows(skill_model, ["guide", "name", "slug"], found_skills)
        insert_rows(salary_model, SALARY_COLUMNS, salaries)


SALARY_COLUMNS = [
    "guide",
    "position",
    "level",
    "level_key",
    "currency",
    "base_salary_min",
    "base_salary_max",
    "midpoint",
    "year",
    "category",
]


def insert_rows(model, field_names, rows):
    """Insert `rows` (tuples in the order of `field_names`) into `model`'s table: plain values,
    no model instances (a bulk load writes millions of facts). One statement, parsed once and
    sent row after row (psycopg pipelines them)."""
    if not rows:
        return
    columns = ", ".join(model._meta.get_field(name).column for name in field_names)
    placeholders = ", ".join(["%s"] * len(field_names))
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {model._meta.db_table} ({columns}) VALUES ({placeholders})", rows
        )


def remove_facts(pks, *, tool_model=None, skill_model=None, salary_model=None):
    """Remove every fact of the guides `pks`."""
    for model in (tool_model or GuideTool, skill_model or GuideSkill, salary_model or GuideSalary):
        model.objects.filter(guide_id__in=pks).delete()


def live_guides_for_facts(model):
    """The live guides of `model` with what their facts are built from, by primary key."""
    return model.objects.filter(live=True).only("pk", "year", "category_id", "body").order_by("pk")


# Signals -------------------------------------------------------------------------------------


def guide_published(sender, instance, **kwargs):
    from roles.models import RoleGuidePage

    if isinstance(instance, RoleGuidePage):
        rebuild_facts([instance])
    elif issubclass(sender, RoleGuidePage):  # a base Page: read what is live
        rebuild_facts(live_guides_for_facts(RoleGuidePage).filter(pk=instance.pk))


def guide_unpublished(sender, instance, **kwargs):
    from roles.models import RoleGuidePage

    if isinstance(instance, RoleGuidePage) or issubclass(sender, RoleGuidePage):
        remove_facts([instance.pk])


def page_moved(sender, instance, **kwargs):
    """A moved guide's facts are rebuilt from what is live. (Facts do not depend on where a
    page sits, so the guides under a moved page keep theirs: no subtree is read.)"""
    from roles.models import RoleGuidePage

    if issubclass(sender, RoleGuidePage):  # `instance` is a base Page
        rebuild_facts(live_guides_for_facts(RoleGuidePage).filter(pk=instance.pk))


def connect():
    from wagtail.signals import page_published, page_unpublished, post_page_move

    page_published.connect(guide_published, dispatch_uid="roles-facts-published")
    page_unpublished.connect(guide_unpublished, dispatch_uid="roles-facts-unpublished")
    post_page_move.connect(page_moved, dispatch_uid="roles-facts-moved")
