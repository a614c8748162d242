"""A bad dump gets a clear CommandError naming the object and the field, and nothing of it
is imported: not a row, not an index entry, not an image file."""

import io
import json
import shutil
import zipfile

import pytest
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command

from roles import block_values as values
from tests.cms.content_transfer_helpers import (
    block,
    build_content,
    export,
    guide_entry,
    row_counts,
    run_import,
    write_dump,
)

PATH = "/roles/mlops-engineer-2026/"


@pytest.fixture
def content(roles_index):
    return build_content(roles_index)


@pytest.fixture
def dump(content, tmp_path):
    data, path, _ = export(tmp_path)
    return data, path


def saved(tmp_path, data, source):
    """`data` written as a dump next to a copy of `source`'s image files."""
    path = write_dump(tmp_path / "edited.json", data)
    shutil.copytree(f"{source}.media", f"{path}.media")
    return path


def stored_files():
    return sorted(default_storage.listdir("original_images")[1])


def refused(path, *args):
    """The CommandError's message; the database and the media folder as they were."""
    before, files = row_counts(), stored_files()
    with pytest.raises(CommandError) as error:
        run_import(path, *args)
    assert row_counts() == before
    assert stored_files() == files
    return str(error.value)


def test_a_truncated_file(dump, tmp_path):
    _, path = dump
    text = path.read_text()
    (tmp_path / "cut.json").write_text(text[: len(text) // 2])

    message = refused(tmp_path / "cut.json")

    assert "cut.json: not valid JSON at line" in message
    assert "(a truncated or damaged file?). Nothing was imported." in message


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ({"format": "wordpress/wxr"}, "not a content dump of this CMS (format 'wordpress/wxr'"),
        ({"version": 2}, "format version 2 is not supported: this CMS reads version 1 (the dump"),
        ({"version": "1"}, "format version '1' is not supported"),
    ],
)
def test_an_unknown_format_or_version(dump, tmp_path, header, expected):
    data, path = dump
    message = refused(saved(tmp_path, {**data, **header}, path))
    assert expected in message


def test_a_missing_file_and_a_missing_folder(dump, tmp_path):
    data, path = dump
    edited = saved(tmp_path, data, path)
    hero = next(image["file"] for image in data["images"] if "hero" in image["file"])
    (tmp_path / "edited.json.media" / hero).unlink()

    assert f"image {hero}: file: its file is missing from" in refused(edited)
    shutil.rmtree(tmp_path / "edited.json.media")
    assert "its file is missing from" in refused(edited)


def test_a_damaged_image_file(dump, tmp_path):
    data, path = dump
    edited = saved(tmp_path, data, path)
    hero = next(image["file"] for image in data["images"] if "hero" in image["file"])
    with (tmp_path / "edited.json.media" / hero).open("ab") as file:
        file.write(b"tail")

    assert "is not the one exported (size or SHA-256 differ)" in refused(edited)


def test_a_slug_clash_with_a_page_of_another_type(dump, tmp_path):
    data, path = dump
    roles = next(page for page in data["pages"] if page["path"] == "/roles/")
    roles["type"] = "roles.roleguidepage"

    message = refused(saved(tmp_path, data, path))

    assert message == (
        "roles.roleguidepage /roles/: a roles.roleindexpage already has this path: a slug "
        "clash with a page of another type. Nothing was imported."
    )


def test_an_unknown_page_type(dump, tmp_path):
    data, path = dump
    guide_entry(data)["type"] = "roles.jobpage"

    message = refused(saved(tmp_path, data, path))

    assert message.startswith(f"roles.jobpage {PATH}: unknown page type 'roles.jobpage'")


def test_a_dangling_reference_names_the_block(dump, tmp_path, content):
    data, path = dump
    remove = "kubeflow"
    data["snippets"] = [s for s in data["snippets"] if s["key"] != remove]
    content.tools[0].delete()  # neither in the dump nor here

    message = refused(saved(tmp_path, data, path))

    assert message == (
        f"roles.roleguidepage {PATH}: body[2].value.skills[0].tools[0]: unknown tool "
        "'kubeflow'. Nothing was imported."
    )


def test_an_error_in_the_last_page_leaves_everything_as_it_was(dump, tmp_path, content):
    """New images (their files stored), snippets and pages come before the failing one: all
    rolled back, the files removed."""
    data, path = dump
    renamed = {"roles.tool": ("slug", "name"), "roles.company": ("slug", "name")}
    renamed["faqs.faqentry"] = ("question",)
    for snippet in data["snippets"]:
        if snippet["model"] in renamed:
            snippet["key"] += "-new"
            for field in renamed[snippet["model"]]:
                snippet["fields"][field] = snippet["key"]
    for image in (content.hero, content.logo):
        image.delete()  # the rows: their files stay, so the import stores theirs alongside
    guide = guide_entry(data)
    clone = json.loads(json.dumps(guide))
    guide["path"], guide["fields"]["slug"] = "/roles/a-new-guide/", "a-new-guide"
    clone["path"], clone["fields"]["slug"] = "/roles/z-last-guide/", "z-last-guide"
    block(clone, "salary_table")["value"]["rows"][0]["base_salary_max"] = 1  # below the minimum
    data["pages"].append(clone)
    for entry in (guide, clone):
        skills = block(entry, "skills_list")["value"]["skills"]
        skills[0]["tools"] = [key + "-new" for key in skills[0]["tools"]]
        faq = block(entry, "faq")["value"]
        faq["entries"] = [key + "-new" for key in faq["entries"]]
        block(entry, "companies_hiring")["value"]["companies"] = ["northwind-new"]

    message = refused(saved(tmp_path, data, path), "--publish")

    assert message.startswith(
        "roles.roleguidepage /roles/z-last-guide/: body[5].value.rows[0].base_salary_max: "
        "The base salary maximum (1) must not be below the minimum"
    )


def test_a_value_the_model_refuses(dump, tmp_path):
    data, path = dump
    guide_entry(data)["fields"]["year"] = 1850

    message = refused(saved(tmp_path, data, path))

    assert message.startswith(f"roles.roleguidepage {PATH}: year: ")
    assert "greater than or equal to 2000" in message


def test_a_field_this_cms_does_not_know(dump, tmp_path):
    data, path = dump
    guide_entry(data)["fields"]["mood"] = "sunny"

    assert f"roles.roleguidepage {PATH}: fields: unknown field mood" in refused(
        saved(tmp_path, data, path)
    )


def test_an_unknown_block_type(dump, tmp_path):
    data, path = dump
    guide_entry(data)["fields"]["body"].append(values.item("carousel", {}))

    assert "body[9].type: unknown block type 'carousel'" in refused(saved(tmp_path, data, path))


def test_a_page_whose_parent_is_nowhere(content, tmp_path):
    data, path, _ = export(tmp_path, "--guides", "mlops-engineer-2026")
    guide_entry(data)["path"] = "/careers/mlops-engineer-2026/"

    message = refused(saved(tmp_path, data, path))

    assert message.startswith(
        "roles.roleguidepage /careers/mlops-engineer-2026/: its parent /careers/ is neither in "
        "this site nor before it in the dump"
    )


def test_a_malformed_entry_is_named_by_its_place(dump, tmp_path):
    data, path = dump
    data["images"][0]["sha256"] = "abc"

    assert "images[0]: sha256: expected 64 lowercase hex digits" in refused(
        saved(tmp_path, data, path)
    )


def test_a_file_that_is_not_there(tmp_path, db):
    with pytest.raises(CommandError, match="no-such.json: no such file"):
        run_import(tmp_path / "no-such.json")


def test_a_page_reference_to_a_page_neither_here_nor_in_the_dump(dump, tmp_path):
    data, path = dump
    block(guide_entry(data), "call_to_action")["value"]["link_page"] = "/roles/nowhere/"

    message = refused(saved(tmp_path, data, path))

    assert message.startswith(
        f"roles.roleguidepage {PATH}: body[7].value.link_page: unknown page '/roles/nowhere/' "
        "(neither in the dump nor in this site: export it with the pages that refer to it, or "
        "import it first)"
    )


def test_a_path_twice(dump, tmp_path):
    data, path = dump
    data["pages"].append(json.loads(json.dumps(guide_entry(data))))

    message = refused(saved(tmp_path, data, path))

    assert message.startswith(f"roles.roleguidepage {PATH}: the dump has this path twice")


def test_a_path_that_does_not_end_with_the_slug(dump, tmp_path):
    data, path = dump
    guide_entry(data)["fields"]["slug"] = "another-slug"

    message = refused(saved(tmp_path, data, path))

    assert message.startswith(
        f"roles.roleguidepage {PATH}: slug: the path does not end with the page's slug"
    )


@pytest.mark.parametrize(("section", "expected"), [("snippets", "snippet"), ("images", "image")])
def test_a_snippet_or_an_image_twice(dump, tmp_path, section, expected):
    data, path = dump
    data[section].append(data[section][0])

    assert f"the dump has this {expected} twice" in refused(saved(tmp_path, data, path))


def test_a_file_that_is_not_utf8_text(dump, tmp_path):
    data, _ = dump
    guide_entry(data)["fields"]["title"] = "Café careers"
    (tmp_path / "latin1.json").write_text(json.dumps(data, ensure_ascii=False), "latin-1")

    assert "latin1.json: not a UTF-8 text file. Nothing was imported." in refused(
        tmp_path / "latin1.json"
    )


def test_a_truncated_zip(content, tmp_path):
    whole = tmp_path / "guide.zip"
    export_zip(whole)
    cut = tmp_path / "cut.zip"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])

    assert f"{cut}: a truncated or damaged zip. Nothing was imported." in refused(cut)


def test_a_zip_with_a_damaged_entry(content, tmp_path):
    path = tmp_path / "guide.zip"
    export_zip(path)
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        entry = archive.getinfo("content.json")
    start = entry.header_offset + 30 + len(entry.filename) + len(entry.extra)
    data[start + 10] ^= 0xFF  # a byte of the compressed dump
    path.write_bytes(bytes(data))

    assert "a damaged zip" in refused(path)


def test_a_zip_without_an_image_file_does_not_suggest_a_media_folder(content, tmp_path):
    whole, path = tmp_path / "guide.zip", tmp_path / "no-hero.zip"
    export_zip(whole)
    with zipfile.ZipFile(whole) as source, zipfile.ZipFile(path, "w") as target:
        for entry in source.infolist():
            if not entry.filename.endswith(content.hero.file.name):
                target.writestr(entry, source.read(entry))

    message = refused(path)

    assert f"file: its file is missing from {path} (media/). Nothing was imported." in message


def test_a_zip_with_a_damaged_image_entry(content, tmp_path):
    path = tmp_path / "guide.zip"
    export_zip(path)
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        entry = archive.getinfo("media/" + content.hero.file.name)
    start = entry.header_offset + 30 + len(entry.filename) + len(entry.extra)
    data[start + entry.compress_size // 2] ^= 0xFF
    path.write_bytes(bytes(data))

    message = refused(path)

    assert f"image {content.hero.file.name}: file: its file in {path} (media/) cannot be read" in (
        message
    )


def export_zip(path):
    call_command("export_content", "--zip", str(path), stderr=io.StringIO())


def test_content_over_a_block_maximum_is_refused_not_cut(dump, tmp_path):
    """The admin refuses a 16th salary row; so does an import (the API would cut it)."""
    data, path = dump
    rows = block(guide_entry(data), "salary_table")["value"]["rows"]
    rows.extend(dict(rows[0], level=f"Level {n}") for n in range(16 - len(rows)))

    message = refused(saved(tmp_path, data, path))

    assert message.startswith(f"roles.roleguidepage {PATH}: body[5].value.rows: ")
    assert "15" in message
