"""`generate_role_guides` makes valid, live guides in bulk that the API and the admin accept."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from wagtail.models import Page

from roles.models import RoleGuidePage


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
        "{ roleGuides(perPage: 100) { items { url body { blockType } } pagination { total } } }"
    )
    assert data["roleGuides"]["pagination"]["total"] == 25
    assert all(len(item["body"]) == 8 for item in data["roleGuides"]["items"])


def test_generated_salary_tables_are_valid_blocks(roles_index):
    generate(count=5)
    for guide in RoleGuidePage.objects.all():
        guide.body.stream_block.clean(guide.body)  # raises on any invalid block


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
