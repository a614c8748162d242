"""Long guides save and publish from the admin: the edit form of a 300-block guide has far
more fields than Django's default DATA_UPLOAD_MAX_NUMBER_FIELDS (1,000)."""

from django.conf import settings

from roles.blocks import RoleGuideStreamBlock
from roles.models import RoleGuidePage
from tests.admin_forms import (
    cta_form,
    guide_form,
    list_block,
    salary_table_form,
    section_form,
    skills_form,
)
from tests.factories import make_faq, make_guide, make_tool, salary_table_value

BLOCKS = 300


def demo_like_blocks(count, tools, faqs):
    """`count` blocks: every structured kind as often as allowed, sized like the demo guide's,
    then sections."""
    kinds = [
        lambda n: section_form(f"Section {n}", f"<p>Paragraph {n} about the role.</p>"),
        lambda n: skills_form(
            f"Skills {n}", [(f"Skill {n}.{k}", [t.pk for t in tools]) for k in range(8)]
        ),
        lambda n: (
            "day_in_the_life",
            {
                "heading": f"Day {n}",
                "moments": list_block(
                    [{"label": f"Moment {k}", "narrative": "Work."} for k in range(4)]
                ),
            },
        ),
        lambda n: (
            "career_path",
            {
                "heading": f"Path {n}",
                "levels": list_block([{"title": f"Level {k}", "summary": ""} for k in range(5)]),
            },
        ),
        lambda n: ("salary_table", salary_table_form(salary_table_value(rows=5))),
        lambda n: ("companies_hiring", {"heading": f"Hiring {n}", "companies": list_block([])}),
        lambda n: cta_form(f"Apply {n}"),
        lambda n: ("faq", {"heading": f"FAQ {n}", "entries": list_block([f.pk for f in faqs])}),
    ]
    # As many of each structured kind as a guide may hold (its own maximum), then sections.
    block_counts = RoleGuideStreamBlock._meta_class.block_counts
    blocks = []
    for kind in kinds[1:]:
        name = kind(0)[0]
        blocks += [kind(len(blocks)) for _ in range(block_counts[name]["max_num"])]
    return blocks + [kinds[0](n) for n in range(len(blocks), count)]


def test_a_300_block_guide_saves_and_publishes_from_the_admin(editor, roles_index, gql):
    guide = make_guide(roles_index, "long")
    tools = [make_tool(name) for name in ("Airflow", "Kubeflow", "Metaflow")]
    faqs = [make_faq(f"Question {n}?") for n in range(5)]
    data = guide_form(
        category=guide.category,
        slug=guide.slug,
        body=demo_like_blocks(BLOCKS, tools, faqs),
    )
    assert len(data) > 2 * 1000  # twice Django's default limit
    data["action-publish"] = "action-publish"
    response = editor.post(f"/admin/pages/{guide.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    guide = RoleGuidePage.objects.get(pk=guide.pk)
    assert len(guide.body) == BLOCKS and not guide.has_unpublished_changes
    assert len(guide.get_latest_revision_as_object().body) == BLOCKS
    served = gql('{ roleGuide(slug: "long") { body { blockType } } }')["roleGuide"]["body"]
    assert len(served) == BLOCKS  # served whole, none cut
    assert served[-1] == {"blockType": "SectionBlock"}


def test_the_field_limit_stays_bounded():
    """Raised for long guides, not removed: a request still cannot send unbounded fields."""
    assert settings.DATA_UPLOAD_MAX_NUMBER_FIELDS is not None
    assert 20_000 <= settings.DATA_UPLOAD_MAX_NUMBER_FIELDS <= 100_000
