"""Plain functions that build real content in the test database."""

import io
import json

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images.models import Image
from wagtail.models import Page, Site

from faqs.models import FaqEntry
from home.models import HomePage
from roles.models import Category, Company, RoleGuidePage, RoleIndexPage, Tool


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
    return Category.objects.get_or_create(name=name)[0]


def make_faq(question="What is it?", answer="<p>An answer.</p>", *, published=True):
    """A FAQ entry saved as the admin saves a new one: a draft until published."""
    entry = FaqEntry.objects.create(question=question, answer=answer, topic="Test", live=False)
    entry.save_revision()
    if published:
        publish(entry)
    return entry


def make_tool(name):
    return Tool.objects.get_or_create(name=name)[0]


def make_company(name, logo=None):
    return Company.objects.create(name=name, website="https://example.com", logo=logo)


def png_bytes(width, height):
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), (40, 120, 200)).save(buffer, "PNG")
    return buffer.getvalue()


def make_image(title="photo", width=1200, height=900, **fields):
    file = ImageFile(io.BytesIO(png_bytes(width, height)), name=f"{title}.png")
    return Image.objects.create(title=title, file=file, **fields)


def salary_table_value(rows=1):
    return {
        "heading": "Pay",
        "currency": "USD",
        "source_note": "Test data.",
        "as_of_year": 2026,
        "rows": [
            {
                "level": f"Level {n}",
                "experience_min_years": n,
                "experience_max_years": n + 2,
                "base_salary_min": 100000 + n,
                "base_salary_max": 150000 + n,
                "equity_bonus_percent_min": 10,
                "equity_bonus_percent_max": 20,
                "intern_monthly_min": None,
                "intern_monthly_max": None,
            }
            for n in range(rows)
        ],
    }


def guide_body(*, faqs=(), tools=(), companies=(), skills=1, sections=1, link_page=None):
    """A body with every block type; sizes set by the arguments."""
    body = [
        {"type": "section", "value": {"heading": f"Section {n}", "body": "<p>Text.</p>"}}
        for n in range(sections)
    ]
    body += [
        {
            "type": "skills_list",
            "value": {
                "heading": "Skills",
                "skills": [
                    {"name": f"Skill {n}", "tools": [tool.pk for tool in tools]}
                    for n in range(skills)
                ],
            },
        },
        {
            "type": "day_in_the_life",
            "value": {"heading": "Day", "moments": [{"label": "Morning", "narrative": "Coffee."}]},
        },
        {
            "type": "career_path",
            "value": {
                "heading": "Path",
                "levels": [{"title": "Junior", "summary": ""}, {"title": "Senior", "summary": ""}],
            },
        },
        {"type": "salary_table", "value": salary_table_value()},
        {
            "type": "companies_hiring",
            "value": {"heading": "Hiring", "companies": [c.pk for c in companies]},
        },
        {
            "type": "call_to_action",
            "value": {
                "heading": "Apply",
                "text": "Go on.",
                "button_label": "Apply",
                "link_page": link_page.pk if link_page else None,
                "link_url": "" if link_page else "https://example.com/apply",
            },
        },
        {"type": "faq", "value": {"heading": "FAQ", "entries": [f.pk for f in faqs]}},
    ]
    return body


def make_guide(index, slug="guide", *, year=2026, category=None, live=True, body=None, **fields):
    guide = RoleGuidePage(
        title=fields.pop("title", f"Guide {slug}"),
        slug=slug,
        role_name=fields.pop("role_name", f"Role {slug}"),
        year=year,
        intro=fields.pop("intro", "An intro."),
        category=category or make_category(),
        body=json.dumps(body if body is not None else guide_body()),
        live=live,
        **fields,
    )
    index.add_child(instance=guide)
    if live:
        publish(guide)
    else:
        guide.save_revision()
    return guide
