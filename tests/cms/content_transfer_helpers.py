"""Content for the export and import tests, and the commands run as an operator runs them."""

import io
import json
from dataclasses import dataclass
from pathlib import Path

from django.core.management import call_command
from wagtail.images.models import Image
from wagtail.models import Collection, Page, PageLogEntry, ReferenceIndex, Revision
from wagtail.search.models import IndexEntry

from faqs.models import FaqEntry
from roles import block_values as values
from roles.models import Category, Company, RoleGuidePage, Tool
from tests.factories import (
    guide_body,
    make_category,
    make_company,
    make_faq,
    make_guide,
    make_image,
    make_tool,
)


@dataclass
class Content:
    index: object
    guide: object
    draft_guide: object
    tools: list
    unused_tool: object
    faq: object
    faq_with_draft: object
    company: object
    hero: object
    logo: object


def build_content(index):
    """A live guide using every kind of reference (tools, FAQ entries, a company with a logo,
    a category, a hero image with a focal point, a page chooser, a rich text page link), a
    draft guide, an unused tool, and an FAQ entry with an unpublished draft."""
    tools = [make_tool("Kubeflow"), make_tool("Apache Airflow")]
    unused_tool = make_tool("Unused Tool")
    faq = make_faq("What does it pay?", "<p>Well.</p>")
    faq_with_draft = make_faq("Is it remote?", "<p>Often.</p>")
    faq_with_draft.answer = "<p>A draft answer, never exported.</p>"
    faq_with_draft.save_revision()
    collection = Collection.get_first_root_node().add_child(name="Heroes")
    hero = make_image("hero", 800, 600, collection=collection)
    hero.focal_point_x, hero.focal_point_y = 400, 200
    hero.focal_point_width = hero.focal_point_height = 100
    hero.save()
    hero.tags.add("hero")
    logo = make_image("logo", 64, 64)
    company = make_company("Northwind", logo=logo)
    body = guide_body(faqs=[faq, faq_with_draft], tools=tools, companies=[company], link_page=index)
    embed = f'<embed alt="Hero" embedtype="image" format="left" id="{hero.pk}"/>'
    link = f'<a linktype="page" id="{index.pk}">all</a>'
    body.insert(0, values.section("Start", f"<p>See {link}.</p>{embed}"))
    guide = make_guide(
        index,
        "mlops-engineer-2026",
        category=make_category("Machine Learning"),
        body=body,
        hero_image=hero,
        seo_title="MLOps jobs",
        search_description="Everything about MLOps.",
    )
    draft_guide = make_guide(index, "draft-guide", live=False, body=guide_body())
    return Content(
        index=index,
        guide=guide,
        draft_guide=draft_guide,
        tools=tools,
        unused_tool=unused_tool,
        faq=faq,
        faq_with_draft=faq_with_draft,
        company=company,
        hero=hero,
        logo=logo,
    )


def export(tmp_path, *args, name="dump.json"):
    """Run export_content --output; returns (the dump as data, its path, what went to stderr)."""
    path = Path(tmp_path) / name
    stderr = io.StringIO()
    call_command("export_content", "--output", str(path), *args, stderr=stderr)
    return json.loads(path.read_text(encoding="utf-8")), path, stderr.getvalue()


def run_import(path, *args):
    """Run import_content; returns what it printed."""
    stdout = io.StringIO()
    call_command("import_content", str(path), *args, stdout=stdout, stderr=io.StringIO())
    return stdout.getvalue()


def write_dump(path, data):
    Path(path).write_text(json.dumps(data, sort_keys=True), encoding="utf-8")
    return path


COUNTED = (
    Page,
    Revision,
    PageLogEntry,
    RoleGuidePage,
    Tool,
    Category,
    Company,
    FaqEntry,
    Image,
    Collection,
    ReferenceIndex,
    IndexEntry,
)


def row_counts():
    """How many rows of each kind of content (and of the indexes) the database holds."""
    return {model.__name__: model.objects.count() for model in COUNTED}


def guide_entry(dump, path="/roles/mlops-engineer-2026/"):
    return next(page for page in dump["pages"] if page["path"] == path)


def block(entry, block_type):
    return next(item for item in entry["fields"]["body"] if item["type"] == block_type)
