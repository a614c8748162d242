"""export_content writes the documented, versioned dump: live pages with their references as
natural keys, the snippets and images they use (files next to the dump or in a zip), the site
settings; deterministic, and in a constant number of queries per batch of pages."""

import hashlib
import io
import json
import zipfile
from pathlib import Path

import jsonschema
import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from roles import block_values as values
from tests.cms.content_transfer_helpers import block, build_content, export, guide_entry
from tests.factories import guide_body, make_guide

SCHEMA = json.loads((Path(settings.BASE_DIR) / "docs" / "content-format.schema.json").read_text())


@pytest.fixture
def content(roles_index):
    return build_content(roles_index)


def test_the_dump_has_the_documented_format_and_only_live_pages(content, tmp_path):
    dump, _, stderr = export(tmp_path)

    jsonschema.validate(dump, SCHEMA)
    assert (dump["format"], dump["version"]) == ("role-guide-cms/content", 1)
    assert [(page["type"], page["path"]) for page in dump["pages"]] == [
        ("home.homepage", "/"),
        ("roles.roleindexpage", "/roles/"),
        ("roles.roleguidepage", "/roles/mlops-engineer-2026/"),
    ]  # the draft guide stays behind
    assert "Exported 3 pages" in stderr


def test_every_reference_is_a_natural_key(content, tmp_path):
    dump, _, _ = export(tmp_path)
    guide = guide_entry(dump)
    fields = guide["fields"]

    assert fields["category"] == "machine-learning"
    assert fields["hero_image"] == content.hero.file.name
    assert (fields["seo_title"], fields["search_description"]) == (
        "MLOps jobs",
        "Everything about MLOps.",
    )
    skills = block(guide, "skills_list")["value"]["skills"]
    assert skills[0]["tools"] == ["kubeflow", "apache-airflow"]
    assert block(guide, "faq")["value"]["entries"] == ["What does it pay?", "Is it remote?"]
    assert block(guide, "companies_hiring")["value"]["companies"] == ["northwind"]
    assert block(guide, "call_to_action")["value"]["link_page"] == "/roles/"
    section = block(guide, "section")["value"]["body"]
    assert section == (
        '<p>See <a linktype="page" id="/roles/">all</a>.</p>'
        f'<embed alt="Hero" embedtype="image" format="left" id="{content.hero.file.name}"/>'
    )
    company = next(s for s in dump["snippets"] if s["model"] == "roles.company")
    assert company["fields"]["logo"] == content.logo.file.name


def test_block_ids_survive_as_stored(content, tmp_path):
    dump, _, _ = export(tmp_path)

    stored = [item["id"] for item in content.guide.body.raw_data]
    assert [item["id"] for item in guide_entry(dump)["fields"]["body"]] == stored


def test_snippets_are_exported_by_key_faq_entries_in_their_live_version(content, tmp_path):
    dump, _, _ = export(tmp_path)
    snippets = {(s["model"], s["key"]): s for s in dump["snippets"]}

    assert snippets[("roles.tool", "kubeflow")]["fields"] == {
        "name": "Kubeflow",
        "slug": "kubeflow",
        "website": "",
    }
    entry = snippets[("faqs.faqentry", "Is it remote?")]
    assert entry["fields"]["answer"] == "<p>Often.</p>"  # not the unpublished draft
    assert entry["live"] is True
    assert ("roles.tool", "unused-tool") in snippets  # a whole-site export loses nothing
    order = [(s["model"], s["key"]) for s in dump["snippets"]]
    assert order == sorted(order)


def test_images_come_with_their_metadata_and_files(content, tmp_path):
    dump, path, _ = export(tmp_path)
    hero = next(image for image in dump["images"] if image["file"] == content.hero.file.name)

    copied = Path(f"{path}.media") / content.hero.file.name
    assert hero["sha256"] == hashlib.sha256(copied.read_bytes()).hexdigest()
    assert hero["file_size"] == copied.stat().st_size
    assert hero["focal_point"] == {"x": 400, "y": 200, "width": 100, "height": 100}
    assert (hero["collection"], hero["tags"], hero["title"]) == (["Heroes"], ["hero"], "hero")
    assert (hero["width"], hero["height"]) == (800, 600)


def test_the_site_settings_come_along(content, tmp_path):
    from cms.models import SeoSettings

    SeoSettings.objects.create(site_id=content.index.get_site().pk, site_name="Careers")
    dump, _, _ = export(tmp_path)

    assert dump["settings"] == [
        {
            "model": "cms.seosettings",
            "fields": {"site_name": "Careers", "default_social_image": None},
        }
    ]


def test_two_exports_of_the_same_content_are_identical_but_for_the_date(content, tmp_path):
    _, first, _ = export(tmp_path, name="one.json")
    _, second, _ = export(tmp_path, name="two.json")

    def without_date(path):
        text = path.read_text(encoding="utf-8")
        return text.replace(json.loads(text)["exported_at"], "")

    assert without_date(first) == without_date(second)
    assert len(first.read_text().splitlines()) > len(json.loads(first.read_text())["pages"])


def test_chosen_guides_come_with_what_they_use_and_nothing_else(content, tmp_path):
    make_guide(content.index, "other-guide", body=guide_body())
    dump, _, stderr = export(tmp_path, "--guides", "mlops-engineer-2026")

    assert [page["path"] for page in dump["pages"]] == ["/roles/mlops-engineer-2026/"]
    keys = {(s["model"], s["key"]) for s in dump["snippets"]}
    assert ("roles.tool", "unused-tool") not in keys
    assert {("roles.tool", "kubeflow"), ("roles.company", "northwind")} <= keys
    assert sorted(image["file"] for image in dump["images"]) == sorted(
        [content.hero.file.name, content.logo.file.name]
    )
    assert dump["settings"] == []
    assert "refers to the page /roles/ but does not hold it" in stderr


def test_an_unknown_slug_is_refused(content, tmp_path):
    with pytest.raises(CommandError, match="no live page of the site has the slug nope"):
        export(tmp_path, "--guides", "nope")
    assert not (tmp_path / "dump.json").exists()


def test_a_zip_holds_the_dump_and_the_image_files(content, tmp_path):
    call_command("export_content", "--zip", str(tmp_path / "site.zip"), stderr=io.StringIO())

    with zipfile.ZipFile(tmp_path / "site.zip") as archive:
        names = set(archive.namelist())
        dump = json.loads(archive.read("content.json"))
        assert f"media/{content.hero.file.name}" in names
        hero_bytes = archive.read(f"media/{content.hero.file.name}")
    hero = next(image for image in dump["images"] if image["file"] == content.hero.file.name)
    assert hero["sha256"] == hashlib.sha256(hero_bytes).hexdigest()


def test_the_dump_can_go_to_stdout_with_progress_on_stderr(content, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    stdout, stderr = io.StringIO(), io.StringIO()
    call_command("export_content", stdout=stdout, stderr=stderr)

    assert json.loads(stdout.getvalue())["format"] == "role-guide-cms/content"
    assert "3/3 pages" in stderr.getvalue()
    assert (tmp_path / "content.media" / content.hero.file.name).exists()


def test_a_reference_to_a_deleted_snippet_is_left_out_with_a_warning(content, tmp_path):
    tool = content.tools[1]
    tool_id = tool.pk
    tool.delete()
    dump, _, stderr = export(tmp_path)

    skills = block(guide_entry(dump), "skills_list")["value"]["skills"]
    assert skills[0]["tools"] == ["kubeflow", None]
    assert (
        "roles.roleguidepage /roles/mlops-engineer-2026/: body[2].value.skills[0].tools[1]: "
        f"refers to tool {tool_id}, which does not exist: left out"
    ) in stderr


def test_export_queries_do_not_grow_with_the_number_of_guides(content, tmp_path):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            export(tmp_path)
        return len(captured)

    make_guide(content.index, "second", body=guide_body(tools=content.tools, faqs=[content.faq]))
    with_two = queries()
    for n in range(5):
        body = guide_body(tools=content.tools, faqs=[content.faq], companies=[content.company])
        link = f'<p><a linktype="page" id="{content.index.pk}">x</a></p>'
        body.append(values.section("More", link))
        make_guide(content.index, f"more-{n}", body=body)
    assert queries() == with_two
