"""The round trip: the demo content and 200 generated guides (with images, logos, rich text
links and page references added), exported from this database and imported into an empty
one — a new SQLite file, migrated and driven by its own process, as another environment
would be. Every guide answers the contract's RoleGuideByPath and RoleGuideEditions (every
field but database ids, docs/content-format.md) with the same bytes, and exporting the new
database gives the same dump but for its date. scripts/content_round_trip.py does SQLite →
PostgreSQL → SQLite."""

import io
import json

from django.core.management import call_command
from django.test import Client

from cms.content_transfer.round_trip import page_answers
from scripts.content_round_trip import (
    GUIDE_TYPE,
    OPERATIONS,
    add_cross_references,
    answer_differences,
    dump_differences,
    run_stage,
    start_migrate,
    wait,
)

GUIDES = 200


def test_every_guide_answers_the_same_after_a_round_trip(db, tmp_path):
    target = f"sqlite:///{tmp_path / 'target.sqlite3'}"
    migrating = start_migrate(target)  # an empty database, while this one is filled
    call_command("load_demo_content", stdout=io.StringIO())
    call_command("generate_role_guides", count=GUIDES, stdout=io.StringIO())
    add_cross_references()
    dump = tmp_path / "source.json"
    call_command("export_content", output=str(dump), verbosity=0)
    paths = [
        page["path"]
        for page in json.loads(dump.read_text(encoding="utf-8"))["pages"]
        if page["type"] == GUIDE_TYPE
    ]
    source = page_answers(Client(HTTP_HOST="localhost"), paths, OPERATIONS)
    wait(migrating)

    again, imported = run_stage(tmp_path, "target", target, import_dump=dump)

    assert len(paths) == GUIDES + 2  # and the demo guide's 2026 and 2027 editions
    demo = source["RoleGuideByPath /roles/mlops-engineer-2026/"]
    assert '"heroImage":{"title":"hero"' in demo
    assert "round-trip-hero" in demo  # rendition URLs
    editions = json.loads(source["RoleGuideEditions /roles/mlops-engineer-2027/"])
    edition = editions["data"]["roleGuide"]
    assert [e["sitePath"] for e in edition["editions"][:2]] == [
        "/roles/mlops-engineer-2027/",
        "/roles/mlops-engineer-2026/",
    ]  # then the generated MLOps guides of 2026 and before
    assert edition["previousEdition"]["sitePath"] == "/roles/mlops-engineer-2026/"
    assert any(
        row["changeFromPreviousEdition"] and row["changeFromPreviousEdition"]["max"]
        for block in edition["body"]
        for row in block.get("rows", [])
    )
    assert answer_differences(source, imported, "imported") == []
    assert dump_differences(dump, again) == []
