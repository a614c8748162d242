"""import_content brings a dump in the way the admin would save it: new pages as drafts unless
--publish, existing ones revised only when they differ, snippets matched by key, images by
checksum; importing the same dump twice changes nothing."""

import io
import json
import shutil

import pytest
from django.core.files.images import ImageFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from wagtail.images.models import Image
from wagtail.models import Page, ReferenceIndex, Revision, Site

from cms.models import SeoSettings
from faqs.models import FaqEntry
from roles.models import Company, RoleGuidePage, Tool
from tests.cms.content_transfer_helpers import (
    build_content,
    export,
    guide_entry,
    row_counts,
    run_import,
    write_dump,
)
from tests.factories import make_faq

GUIDE = """query($path: String!) {
  roleGuide(urlPath: $path) {
    title lastPublishedAt heroImage { title }
    body {
      ... on SectionBlock { body }
      ... on SkillsListBlock { skills { tools { name } } }
      ... on FaqBlock { entries { question answer } }
      ... on CompaniesHiringBlock { companies { name logo { title } } }
      ... on CallToActionBlock { href }
    }
  }
}"""
PATH = "/roles/mlops-engineer-2026/"


@pytest.fixture
def content(roles_index):
    return build_content(roles_index)


@pytest.fixture
def dump_path(content, tmp_path):
    return export(tmp_path)[1]


def remove_the_guide_and_what_it_uses(content):
    """Back to a database without the guide, its snippets and its images."""
    content.guide.delete()
    content.draft_guide.delete()
    for model in (Tool, FaqEntry, Company):
        model.objects.all().delete()
    for image in Image.objects.all():
        image.delete()


def guide_answer(gql):
    return gql(GUIDE, {"path": PATH})["roleGuide"]


def test_importing_into_the_database_it_came_from_changes_nothing(content, dump_path):
    before = row_counts()
    revisions = list(Revision.objects.order_by("pk").values_list("pk", flat=True))
    dates = list(Page.objects.order_by("pk").values_list("last_published_at", "latest_revision"))

    output = run_import(dump_path, "--publish")

    assert row_counts() == before
    assert list(Revision.objects.order_by("pk").values_list("pk", flat=True)) == revisions
    assert (
        list(Page.objects.order_by("pk").values_list("last_published_at", "latest_revision"))
        == dates
    )
    assert "Pages: 0 new, 0 changed, 3 unchanged" in output
    assert "Images: 0 new, 2 already here" in output


def test_new_pages_arrive_as_drafts_the_api_does_not_serve(content, dump_path, gql):
    remove_the_guide_and_what_it_uses(content)

    output = run_import(dump_path)

    guide = RoleGuidePage.objects.get(slug="mlops-engineer-2026")
    assert (guide.live, guide.revisions.count()) == (False, 1)
    assert guide_answer(gql) is None
    assert "Pages: 1 new, 0 changed, 2 unchanged" in output
    assert not FaqEntry.objects.get(question="What does it pay?").live  # drafts too


def test_publish_serves_the_guide_as_it_was_exported(content, dump_path, gql):
    exported = guide_answer(gql)
    remove_the_guide_and_what_it_uses(content)

    run_import(dump_path, "--publish")

    assert guide_answer(gql) == exported  # tools, FAQ answers, logos, links, dates
    assert RoleGuidePage.objects.get(slug="mlops-engineer-2026").revisions.count() == 1


def test_the_documented_commands_export_to_standard_output_and_import_it_back(
    content, gql, tmp_path, monkeypatch
):
    """`export_content > dump.json` puts the images in ./content.media/; `import_content
    dump.json` finds them there, with no --media-dir."""
    exported = guide_answer(gql)
    monkeypatch.chdir(tmp_path)
    with open("dump.json", "w", encoding="utf-8") as redirected:
        call_command("export_content", stdout=redirected, stderr=io.StringIO())
    assert sorted(path.name for path in (tmp_path / "content.media").rglob("*.*"))
    remove_the_guide_and_what_it_uses(content)

    output = run_import(tmp_path / "dump.json", "--publish")

    assert "Images: 2 new" in output
    assert guide_answer(gql) == exported


def test_an_import_shows_its_progress_on_stderr_and_quiet_shows_none(content, dump_path):
    remove_the_guide_and_what_it_uses(content)
    stderr = io.StringIO()
    call_command("import_content", str(dump_path), stdout=io.StringIO(), stderr=stderr)
    shown = stderr.getvalue()

    for stage in ("2/2 checking image files", "2/2 images", "3/3 pages (1/2)", "3/3 pages (2/2)"):
        assert f"] {stage}" in shown
    assert "snippets" in shown
    quiet = io.StringIO()
    call_command("import_content", str(dump_path), verbosity=0, stdout=io.StringIO(), stderr=quiet)
    assert quiet.getvalue() == ""


def test_a_dump_written_into_another_folder_finds_content_media_in_the_current_one(
    content, gql, tmp_path, monkeypatch
):
    """`export_content > out/dump.json` writes ./content.media/, not out/content.media/."""
    exported = guide_answer(gql)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "out").mkdir()
    with open("out/dump.json", "w", encoding="utf-8") as redirected:
        call_command("export_content", stdout=redirected, stderr=io.StringIO())
    remove_the_guide_and_what_it_uses(content)

    run_import(tmp_path / "out" / "dump.json", "--publish")

    assert guide_answer(gql) == exported


def test_the_dumps_own_media_folder_comes_before_content_media(content, dump_path, tmp_path):
    """Beside a dump with its own <dump>.media/, a content.media/ of another export (here an
    empty one) is not looked at."""
    (tmp_path / "content.media" / "original_images").mkdir(parents=True)
    remove_the_guide_and_what_it_uses(content)

    assert "Images: 2 new" in run_import(dump_path)


def test_a_dump_beside_no_image_folder_names_the_folder_and_the_option(content, tmp_path):
    dump_path = export(tmp_path)[1]
    shutil.rmtree(f"{dump_path}.media")
    remove_the_guide_and_what_it_uses(content)

    with pytest.raises(CommandError) as refused:
        run_import(dump_path)

    assert f"its file is missing from {dump_path}.media" in str(refused.value)
    assert "--media-dir" in str(refused.value)
    assert not RoleGuidePage.objects.filter(slug="mlops-engineer-2026").exists()


def test_a_draft_import_published_later_is_published_by_a_second_import(content, dump_path, gql):
    remove_the_guide_and_what_it_uses(content)
    run_import(dump_path)

    output = run_import(dump_path, "--publish")

    guide = RoleGuidePage.objects.get(slug="mlops-engineer-2026")
    assert (guide.live, guide.revisions.count()) == (True, 1)
    assert "Pages: 0 new, 0 changed, 3 unchanged, 1 published" in output
    assert guide_answer(gql)["title"] == guide.title


def test_a_changed_page_gets_one_draft_revision_and_publish_shows_it(
    content, dump_path, gql, tmp_path
):
    data = json.loads(dump_path.read_text())
    guide_entry(data)["fields"]["title"] = "MLOps Engineer 2026, revised"
    changed = write_dump(tmp_path / "changed.json", data)
    shutil.copytree(f"{dump_path}.media", f"{changed}.media")
    revisions = content.guide.revisions.count()

    run_import(changed)
    run_import(changed)  # the same content again: no second revision

    guide = RoleGuidePage.objects.get(pk=content.guide.pk)
    assert guide.revisions.count() == revisions + 1
    assert guide.has_unpublished_changes
    assert guide_answer(gql)["title"] == content.guide.title  # the draft is not served
    run_import(changed, "--publish")
    assert guide_answer(gql)["title"] == "MLOps Engineer 2026, revised"
    assert RoleGuidePage.objects.get(pk=content.guide.pk).revisions.count() == revisions + 1


def test_snippets_are_matched_by_key_and_the_dump_wins(content, dump_path):
    Tool.objects.filter(slug="kubeflow").update(name="Kubeflow (renamed here)", website="")
    tools = Tool.objects.count()

    output = run_import(dump_path)

    assert Tool.objects.count() == tools
    assert Tool.objects.get(slug="kubeflow").name == "Kubeflow"
    assert "Snippets: 0 new, 1 changed" in output


def test_a_changed_faq_entry_gets_a_revision_published_only_with_publish(
    content, dump_path, tmp_path
):
    data = json.loads(dump_path.read_text())
    entry = next(s for s in data["snippets"] if s["key"] == "What does it pay?")
    entry["fields"]["answer"] = "<p>Very well.</p>"
    changed = write_dump(tmp_path / "changed.json", data)
    shutil.copytree(f"{dump_path}.media", f"{changed}.media")

    run_import(changed)
    faq = FaqEntry.objects.get(pk=content.faq.pk)
    assert (faq.answer, faq.has_unpublished_changes) == ("<p>Well.</p>", True)
    run_import(changed, "--publish")
    assert FaqEntry.objects.get(pk=content.faq.pk).answer == "<p>Very well.</p>"


def test_an_entry_never_published_stays_a_draft_even_with_publish(content, tmp_path):
    make_faq("Never published?", published=False)
    _, path, _ = export(tmp_path)
    FaqEntry.objects.filter(question="Never published?").delete()

    run_import(path, "--publish")

    assert not FaqEntry.objects.get(question="Never published?").live
    assert FaqEntry.objects.get(question="What does it pay?").live


def test_images_are_matched_by_checksum_not_duplicated(content, dump_path):
    content.guide.delete()
    images = Image.objects.count()

    run_import(dump_path)

    assert Image.objects.count() == images
    guide = RoleGuidePage.objects.get(slug="mlops-engineer-2026")
    assert guide.get_latest_revision_as_object().hero_image_id == content.hero.pk


def test_an_image_already_here_under_another_name_is_reused(content, dump_path):
    content.guide.delete()
    hero_bytes = content.hero.file.read()
    content.hero.delete()
    twin = Image(title="twin", file=ImageFile(io.BytesIO(hero_bytes), name="another-name.png"))
    twin._set_image_file_metadata()  # its checksum, as an upload records it
    twin.save()

    run_import(dump_path)

    revision = RoleGuidePage.objects.get(slug="mlops-engineer-2026").get_latest_revision_as_object()
    assert revision.hero_image_id == twin.pk


def test_new_images_are_stored_under_their_exported_names(content, dump_path):
    names = {content.hero.file.name, content.logo.file.name}
    remove_the_guide_and_what_it_uses(content)
    for name in names:
        default_storage.delete(name)  # as in a new database: its own media folder

    run_import(dump_path)

    stored = Image.objects.get(title="hero")
    assert {image.file.name for image in Image.objects.all()} == names
    assert default_storage.exists(stored.file.name)
    assert (stored.focal_point_x, stored.focal_point_width) == (400, 100)
    assert stored.collection.name == "Heroes"
    assert list(stored.tags.names()) == ["hero"]


def test_rich_text_links_and_embeds_point_to_this_databases_objects(content, dump_path):
    remove_the_guide_and_what_it_uses(content)

    run_import(dump_path)

    guide = RoleGuidePage.objects.get(slug="mlops-engineer-2026")
    hero = Image.objects.get(title="hero")
    section = guide.body.raw_data[0]["value"]["body"]
    assert section == (
        f'<p>See <a linktype="page" id="{content.index.pk}">all</a>.</p>'
        f'<embed alt="Hero" embedtype="image" format="left" id="{hero.pk}"/>'
    )


def test_search_and_the_reference_index_know_what_was_imported(content, dump_path, gql):
    remove_the_guide_and_what_it_uses(content)
    run_import(dump_path, "--publish")

    found = gql('{ search(query: "MLOps") { ... on RoleGuidePage { slug } } }')["search"]
    assert {"slug": "mlops-engineer-2026"} in found
    guide = RoleGuidePage.objects.get(slug="mlops-engineer-2026")
    kubeflow = Tool.objects.get(slug="kubeflow")
    assert ReferenceIndex.get_references_to(kubeflow).filter(object_id=str(guide.pk)).exists()


def stored_files():
    return sorted(default_storage.listdir("original_images")[1])


def test_a_dry_run_saves_nothing_and_leaves_no_file(content, dump_path):
    remove_the_guide_and_what_it_uses(content)
    before, files = row_counts(), stored_files()

    output = run_import(dump_path, "--dry-run", "--publish")

    assert row_counts() == before
    assert stored_files() == files
    assert "Dry run: nothing was saved" in output
    assert "Pages: 1 new, 0 changed, 2 unchanged, 1 published" in output
    assert "Images: 2 new" in output


def test_site_settings_are_brought_in_and_compared(content, tmp_path, gql):
    settings = SeoSettings.objects.create(
        site_id=content.index.get_site().pk, site_name="Careers", default_social_image=content.logo
    )
    _, path, _ = export(tmp_path)
    settings.delete()

    first, second = run_import(path), run_import(path)

    found = SeoSettings.objects.get(site_id=content.index.get_site().pk)
    assert (found.site_name, found.default_social_image_id) == ("Careers", content.logo.pk)
    assert "Settings: 1 new, 0 changed, 0 unchanged" in first
    assert "Settings: 0 new, 0 changed, 1 unchanged" in second
    query = '{ page(urlPath: "/roles/") { ... on RoleIndexPage { seo { siteName } } } }'
    assert gql(query)["page"]["seo"] == {"siteName": "Careers"}


def test_one_guide_goes_under_the_parent_this_site_has(content, tmp_path, gql):
    exported = guide_answer(gql)
    _, path, _ = export(tmp_path, "--guides", "mlops-engineer-2026")
    remove_the_guide_and_what_it_uses(content)

    output = run_import(path, "--publish")

    assert guide_answer(gql) == exported
    assert "Pages: 1 new, 0 changed, 0 unchanged, 1 published" in output


def test_a_zip_imports_like_a_folder(content, tmp_path, gql):
    exported = guide_answer(gql)
    call_command("export_content", "--zip", str(tmp_path / "site.zip"), stderr=io.StringIO())
    remove_the_guide_and_what_it_uses(content)

    run_import(tmp_path / "site.zip", "--publish")

    assert guide_answer(gql) == exported


def test_a_new_database_gets_the_dump_root_in_place_of_wagtails_welcome_page(tmp_path, db):
    site = Site.objects.get(is_default_site=True)
    welcome = site.root_page
    assert type(welcome.specific) is Page  # a new database, as migrations leave it
    root = {"slug": "home", "title": "Home", "intro": "Hello."}
    dump = {
        "format": "role-guide-cms/content",
        "version": 1,
        "exported_at": "2026-01-01T00:00:00+00:00",
        "pages": [
            {"type": "home.homepage", "path": "/", "fields": root},
            {
                "type": "roles.roleindexpage",
                "path": "/roles/",
                "fields": {"slug": "roles", "title": "Roles", "intro": ""},
            },
        ],
        "snippets": [],
        "images": [],
    }
    write_dump(tmp_path / "dump.json", dump)

    run_import(tmp_path / "dump.json", "--publish")

    site.refresh_from_db()
    assert site.root_page.specific.intro == "Hello."
    assert not Page.objects.filter(pk=welcome.pk).exists()
    assert [p.slug for p in site.root_page.get_children()] == ["roles"]
