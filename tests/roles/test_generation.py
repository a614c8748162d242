"""`generate_role_guides` makes valid, live guides in bulk that the API and the admin accept."""

import io
import json
import uuid

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import connection
from wagtail.models import Page

from faqs.models import FaqEntry
from roles.generation import free_page_slugs
from roles.models import Category, RoleGuidePage, Tool
from tests.factories import make_guide


def generate(**options):
    out = io.StringIO()
    call_command("generate_role_guides", stdout=out, **options)
    return out.getvalue()


def test_generates_live_guides_in_a_sound_tree(gql, roles_index):
    output = generate(count=25, batch_size=10)
    assert "25/25 guides" in output and "Generated 25 guides" in output
    assert RoleGuidePage.objects.live().count() == 25
    assert all(not problems for problems in Page.find_problems())
    roles_index.refresh_from_db()
    assert roles_index.numchild == 25
    data = gql(
        "{ roleGuides(perPage: 25) { items { url body { blockType } } pagination { total } } }"
    )
    assert data["roleGuides"]["pagination"]["total"] == 25
    assert all(len(item["body"]) == 8 for item in data["roleGuides"]["items"])


def test_generated_salary_tables_are_valid_blocks(roles_index):
    generate(count=5)
    for guide in RoleGuidePage.objects.all():
        guide.body.stream_block.clean(guide.body)  # raises on any invalid block


def test_generated_bodies_are_stored_as_wagtail_stores_them(roles_index):
    """A JSON list of blocks, as a body saved in the admin: not a JSON string holding the
    list (which the page model reads, but JSON lookups on the body do not)."""
    generate(count=3)
    table = RoleGuidePage._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT body FROM {table}")  # noqa: S608 (our own table name)
        stored = [row[0] for row in cursor.fetchall()]
    assert len(stored) == 3
    for value in stored:
        blocks = json.loads(value) if isinstance(value, str) else value
        assert isinstance(blocks, list) and blocks[0]["type"] == "section"


def test_a_generated_guide_opens_in_the_admin(client, roles_index):
    generate(count=1)
    client.force_login(get_user_model().objects.create_superuser("e", "e@example.com", "pw"))
    guide = RoleGuidePage.objects.get()
    assert client.get(f"/admin/pages/{guide.pk}/edit/").status_code == 200


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"count": 0}, "--count must be at least 1."),
        ({"count": 5, "batch_size": 0}, "--batch-size must be between 1 and 5000."),
        ({"count": 5, "extra_sections": -1}, "--extra-sections cannot be negative."),
    ],
)
def test_bad_options_are_refused(roles_index, options, message):
    with pytest.raises(CommandError, match=message):
        generate(**options)


def assert_sound(count, new_after=0):
    """`count` live guides in a sound tree, unique slugs; those after pk `new_after` valid."""
    assert RoleGuidePage.objects.live().count() == count
    assert all(not problems for problems in Page.find_problems())
    slugs = list(RoleGuidePage.objects.values_list("slug", flat=True))
    assert len(slugs) == len(set(slugs))
    for guide in RoleGuidePage.objects.filter(pk__gt=new_after):
        guide.body.stream_block.clean(guide.body)


def test_runs_after_editors_rename_categories_and_tools(roles_index):
    """Renaming keeps the slug: the generator must find the entry by it, not create a twin."""
    generate(count=3)
    categories, tools = Category.objects.count(), Tool.objects.count()
    Category.objects.filter(name="Data").update(name="Data & Analytics")
    Tool.objects.filter(name="Kubernetes").update(name="Kubernetes (k8s)")
    generate(count=3)
    assert_sound(6)
    assert (Category.objects.count(), Tool.objects.count()) == (categories, tools)
    assert not Category.objects.filter(name="Data").exists()


def test_runs_when_editors_took_the_slugs_or_deleted_entries(roles_index):
    # Made in the admin before the generator ever ran: other names, the generator's slugs.
    Category.objects.create(name="Data and more", slug="data")
    Tool.objects.create(name="Python 3", slug="python")
    Tool.objects.create(name="SQL")  # the generator's own name, the admin's slug
    generate(count=2)
    first_run = RoleGuidePage.objects.order_by("pk").last().pk
    Tool.objects.filter(name="Go").delete()
    Category.objects.filter(name="Product").delete()
    FaqEntry.objects.filter(pk__in=FaqEntry.objects.values("pk")[:5]).delete()
    FaqEntry.objects.update(live=False)  # every other FAQ entry unpublished
    generate(count=2, seed=2)
    assert_sound(4, new_after=first_run)
    assert Tool.objects.filter(slug="python").count() == 1
    live_faqs = set(FaqEntry.objects.live().values_list("pk", flat=True))
    for guide in RoleGuidePage.objects.filter(pk__gt=first_run):
        [faq] = [block for block in guide.body.raw_data if block["type"] == "faq"]
        assert set(faq["value"]["entries"]) <= live_faqs


def test_runs_twice_next_to_guides_made_in_the_admin(roles_index):
    make_guide(roles_index, "data-engineer-2026", title="Data Engineer 2026")
    generate(count=5, batch_size=2)
    generate(count=5, batch_size=3)
    roles_index.refresh_from_db()
    assert roles_index.numchild == 11
    assert_sound(11, new_after=RoleGuidePage.objects.get(slug="data-engineer-2026").pk)


def test_generated_slugs_skip_slugs_in_use(roles_index, monkeypatch):
    """A slug an existing page already uses is never given to a generated guide."""
    make_guide(roles_index, "data-engineer-2026-00000000")
    hexes = iter(["0" * 32, "0" * 32, "1" * 32, "2" * 32])
    monkeypatch.setattr(uuid, "uuid4", lambda: uuid.UUID(next(hexes, uuid.UUID(int=0).hex)))
    slugs = free_page_slugs(roles_index, ["data-engineer-2026", "data-engineer-2026"])
    assert slugs == ["data-engineer-2026-11111111", "data-engineer-2026-22222222"]


def test_first_run_loads_the_demo_next_to_renamed_entries(db):
    """With no Roles index yet, the generator loads the demo content first: same rules."""
    Category.objects.create(name="ML", slug="machine-learning")  # renamed from the demo's
    Tool.objects.create(name="Kubeflow Pipelines", slug="kubeflow")
    Tool.objects.create(name="Helm", slug="helm-charts")
    generate(count=2)
    assert Category.objects.filter(slug__startswith="machine-learning").count() == 1
    assert Tool.objects.filter(slug__startswith="kubeflow").count() == 1
    assert Tool.objects.filter(name="Helm").count() == 1
    assert_sound(3)  # the demo guide and two generated ones


SEARCH = """query ($q: String!) {
  searchListing(query: $q, perPage: 100) {
    items { ... on RoleGuidePage { title } }
    pagination { total }
  }
}"""


def test_generated_guides_are_in_the_search_index(gql, roles_index):
    """Bulk inserts send no signals: the generator indexes each batch itself, so search finds
    every guide without `update_index`."""
    generate(count=30, batch_size=7)
    guides = RoleGuidePage.objects.all()
    by_role = {}
    for guide in guides:
        by_role.setdefault(guide.role_name, set()).add(guide.title)
    listing = gql(SEARCH, {"q": "internships"})["searchListing"]
    assert listing["pagination"]["total"] == 30
    role, titles = max(by_role.items(), key=lambda item: len(item[1]))
    found = gql(SEARCH, {"q": role})["searchListing"]["items"]
    assert {item["title"] for item in found} == titles
