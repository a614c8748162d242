"""Real content in the test database: wagtail-factories' factories, and short functions
around them that the tests call (`make_guide(index, "slug", body=guide_body(faqs=[...]))`).

Bodies are built by `roles/block_values.py`, as the demo loader and the generator build theirs.
"""

import io

import factory
import wagtail_factories
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images.models import Image
from wagtail.models import Page, Site

from faqs.models import FaqEntry
from home.models import HomePage
from roles import block_values as values
from roles.models import Category, Company, RoleGuidePage, RoleIndexPage, Tool


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category
        django_get_or_create = ("name",)

    name = "Machine Learning"


class ToolFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tool
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Tool {n}")


class CompanyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Company

    name = factory.Sequence(lambda n: f"Company {n}")
    website = "https://example.com"


class RoleGuidePageFactory(wagtail_factories.PageFactory):
    """A role guide under `parent`, with a body holding every block type."""

    class Meta:
        model = RoleGuidePage

    title = factory.LazyAttribute(lambda guide: f"Guide {guide.slug}")
    slug = factory.Sequence(lambda n: f"guide-{n}")
    role_name = factory.LazyAttribute(lambda guide: f"Role {guide.slug}")
    year = 2026
    intro = "An intro."
    category = factory.SubFactory(CategoryFactory)
    body = factory.LazyFunction(lambda: values.stream_json(guide_body()))


def publish(page_or_snippet):
    page_or_snippet.save_revision().publish()
    page_or_snippet.refresh_from_db()
    return page_or_snippet


def make_site_tree():
    """Home (the default site's root) and the Roles index, both live."""
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Home", slug="home-test"))
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home},
    )
    index = home.add_child(instance=RoleIndexPage(title="Roles", slug="roles"))
    return publish(home), publish(index)


def make_category(name="Machine Learning"):
    return CategoryFactory(name=name)


def make_faq(question="What is it?", answer="<p>An answer.</p>", *, published=True):
    """A FAQ entry saved as the admin saves a new one: a draft until published."""
    entry = FaqEntry.objects.create(question=question, answer=answer, topic="Test", live=False)
    entry.save_revision()
    if published:
        publish(entry)
    return entry


def make_tool(name):
    return ToolFactory(name=name)


def make_company(name, logo=None):
    return CompanyFactory(name=name, logo=logo)


def png_bytes(width, height):
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), (40, 120, 200)).save(buffer, "PNG")
    return buffer.getvalue()


def make_image(title="photo", width=1200, height=900, **fields):
    file = ImageFile(io.BytesIO(png_bytes(width, height)), name=f"{title}.png")
    return Image.objects.create(title=title, file=file, **fields)


def salary_table_value(rows=1):
    """A salary table's stored value with `rows` levels."""
    rows = [
        values.salary_row(
            f"Level {n}",
            experience_min_years=n,
            experience_max_years=n + 2,
            base_salary_min=100000 + n,
            base_salary_max=150000 + n,
            equity_bonus_percent_min=10,
            equity_bonus_percent_max=20,
        )
        for n in range(rows)
    ]
    table = values.salary_table(rows, heading="Pay", source_note="Test data.", as_of_year=2026)
    return table["value"]


def guide_body(*, faqs=(), tools=(), companies=(), skills=1, sections=1, link_page=None):
    """A body with every block type; sizes set by the arguments."""
    return [
        *(values.section(f"Section {n}", "<p>Text.</p>") for n in range(sections)),
        values.skills_list(
            "Skills", [(f"Skill {n}", [t.pk for t in tools]) for n in range(skills)]
        ),
        values.day_in_the_life("Day", [("Morning", "Coffee.")]),
        values.career_path("Path", ["Junior", "Senior"]),
        values.item("salary_table", salary_table_value()),
        values.companies_hiring("Hiring", [c.pk for c in companies]),
        values.call_to_action(
            "Apply",
            "Go on.",
            "Apply",
            link_page_id=link_page.pk if link_page else None,
            link_url="" if link_page else "https://example.com/apply",
        ),
        values.faq("FAQ", [f.pk for f in faqs]),
    ]


def make_guide(index, slug="guide", *, year=2026, category=None, live=True, body=None, **fields):
    """A guide under `index`: published (a revision, live), or a draft revision only."""
    if body is not None:
        fields["body"] = values.stream_json(body)
    guide = RoleGuidePageFactory(
        parent=index,
        slug=slug,
        year=year,
        category=category or make_category(),
        live=live,
        **fields,
    )
    if live:
        publish(guide)
    else:
        guide.save_revision()
    return guide
