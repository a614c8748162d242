"""`load_demo_content` (run by every `make run`) never overwrites, republishes or duplicates what
editors made; `--reset` restores the demo guide on purpose, after saying what it replaces."""

import io
import json

import pytest
from django.core.management import call_command

from faqs.models import FaqEntry
from roles.models import RoleGuidePage

GUIDE_SLUG = "mlops-engineer-2026"


def load(*args, **options):
    out = io.StringIO()
    call_command("load_demo_content", *args, stdout=out, **options)
    return out.getvalue()


def demo_guide():
    return RoleGuidePage.objects.get(title__startswith="MLOps Engineer")


def edit_first_heading(guide, heading, publish=True):
    """What an editor does in the admin: a new revision with the first heading changed."""
    draft = guide.get_latest_revision_as_object()
    body = [{"type": b["type"], "value": b["value"]} for b in draft.body.raw_data]
    body[0]["value"]["heading"] = heading
    draft.body = json.dumps(body)
    revision = draft.save_revision()
    if publish:
        revision.publish()
    return revision


def live_first_heading(gql, path="/roles/mlops-engineer-2026/"):
    data = gql(
        "query($p: String!) "
        "{ roleGuide(urlPath: $p) { body { ... on SectionBlock { heading } } } }",
        {"p": path},
    )
    return data["roleGuide"]["body"][0]["heading"]


@pytest.fixture
def loaded(db):
    load()
    return demo_guide()


def test_a_published_edit_survives_the_next_make_run(loaded, gql):
    edit_first_heading(loaded, "Edited by an editor")
    revisions = loaded.revisions.count()
    load()
    guide = demo_guide()
    assert live_first_heading(gql) == "Edited by an editor"
    assert guide.revisions.count() == revisions
    assert (
        json.loads(guide.latest_revision.content["body"])[0]["value"]["heading"]
        == "Edited by an editor"
    )


def test_unpublished_changes_and_autosaved_drafts_are_not_published(loaded, gql):
    live_before = live_first_heading(gql)
    draft = edit_first_heading(loaded, "A draft, not ready", publish=False)
    load()
    guide = demo_guide()
    assert guide.has_unpublished_changes
    assert guide.latest_revision_id == draft.pk
    assert guide.live_revision_id != draft.pk
    assert live_first_heading(gql) == live_before


def test_an_unpublished_guide_stays_unpublished(loaded):
    loaded.unpublish()
    load()
    assert not demo_guide().live


def test_a_renamed_or_moved_guide_is_not_created_again(loaded):
    loaded.slug = "mlops-engineer-guide"
    loaded.title = "MLOps Engineer: the 2026 guide"
    loaded.save_revision().publish()
    load()
    assert RoleGuidePage.objects.count() == 1
    assert RoleGuidePage.objects.get().slug == "mlops-engineer-guide"


def test_faq_entries_stay_as_editors_left_them(loaded):
    unpublished, renamed = FaqEntry.objects.order_by("pk")[:2]
    unpublished.live = False
    unpublished.save()
    renamed.question = "Edited question?"
    renamed.save_revision().publish()
    count = FaqEntry.objects.count()
    load()
    assert FaqEntry.objects.count() == count
    unpublished.refresh_from_db()
    assert not unpublished.live


def test_a_deleted_guide_is_created_again(loaded):
    loaded.delete()
    assert "Created the demo guide" in load()
    assert RoleGuidePage.objects.filter(slug=GUIDE_SLUG, live=True).count() == 1


def test_reset_says_what_it_replaces_then_restores_and_publishes(loaded, gql):
    original = live_first_heading(gql)
    edit_first_heading(loaded, "Edited by an editor")
    edit_first_heading(loaded, "And a draft", publish=False)
    revisions = loaded.revisions.count()
    out = load("--reset", interactive=False)
    warning = out.index("--reset replaces the content of")
    assert "discards its unpublished changes" in out
    assert "stay in its history" in out
    assert warning < out.index("Restored the demo guide")
    guide = demo_guide()
    assert live_first_heading(gql) == original
    assert not guide.has_unpublished_changes
    assert guide.revisions.count() == revisions + 1  # the editors' revisions are kept


def test_reset_of_a_renamed_guide_restores_that_guide(loaded):
    loaded.slug = "renamed"
    loaded.save_revision().publish()
    load("--reset", interactive=False)
    assert list(RoleGuidePage.objects.values_list("slug", flat=True)) == [GUIDE_SLUG]
