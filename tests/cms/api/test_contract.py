"""The frontend contract: the schema snapshot, the breaking-change gate, the persisted-query
manifest, and every operation in frontend_contract/operations/ run against the demo content."""

import json
import os
import re
import subprocess

import pytest
from django.core.management import call_command
from graphql import build_schema, parse, specified_rules, validate
from wagtail.contrib.redirects.models import Redirect

from cms.api.contract import contract_problems
from cms.api.operations import operations
from cms.api.schema import printed_schema
from cms.management.commands.export_schema import persisted_query_manifest
from roles.models import RoleGuidePage
from tests import ROOT

CONTRACT = ROOT / "frontend_contract"
SNAPSHOT = CONTRACT / "schema.graphql"
RESPONSES = CONTRACT / "operations" / "__snapshots__"
REFRESH = "Run `make contract` to refresh frontend_contract/ (and record breaking changes)."


def test_schema_snapshot_is_current():
    assert SNAPSHOT.read_text(encoding="utf-8") == printed_schema(), REFRESH


def test_persisted_query_manifest_is_current():
    manifest = (CONTRACT / "persisted-queries.json").read_text(encoding="utf-8")
    assert manifest == persisted_query_manifest(), REFRESH


# The gate -----------------------------------------------------------------------------------

OLD = """
type Query { guide: Guide }
type Guide { title: String! year: Int! intro: String old: String @deprecated(reason: "Use intro.") }
"""


def test_a_changed_field_type_fails_until_recorded():
    new = OLD.replace("year: Int!", "year: String!")
    [problem] = contract_problems(OLD, new, changelog_text="")
    assert "Guide.year" in problem and "CHANGELOG" in problem
    assert contract_problems(OLD, new, changelog_text="- `Guide.year` is now a String.") == []


def test_removing_a_field_needs_deprecation_first():
    new = OLD.replace("intro: String", "")
    [problem] = contract_problems(OLD, new, changelog_text="- `Guide.intro` removed.")
    assert "Deprecate `Guide.intro` first" in problem


def test_removing_a_deprecated_field_needs_a_record():
    new = OLD.replace('old: String @deprecated(reason: "Use intro.")', "")
    assert contract_problems(OLD, new, changelog_text="")
    assert contract_problems(OLD, new, changelog_text="- Removed `Guide.old`.") == []


def test_adding_fields_is_not_breaking():
    assert contract_problems(OLD, OLD.replace("title: String!", "title: String! extra: Int")) == []


def snapshot_versions():
    """The snapshot as committed since the contract's first release, oldest first, then now."""

    def git(*args):
        return subprocess.run(
            ["git", *args], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout

    try:
        first = git("log", "--diff-filter=A", "--format=%H", "--", "frontend_contract/CHANGELOG.md")
        commits = git("log", "--reverse", "--format=%H", "--", "frontend_contract/schema.graphql")
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("no git history to compare with")
    baseline = first.split()[-1] if first.split() else None
    commits = commits.split()
    if baseline and baseline in commits:
        commits = commits[commits.index(baseline) :]
    elif baseline:
        commits = commits[-1:]
    versions = [git("show", f"{c}:frontend_contract/schema.graphql") for c in commits]
    return versions + [SNAPSHOT.read_text(encoding="utf-8")]


def test_every_schema_change_since_the_first_release_keeps_the_contract():
    versions = snapshot_versions()
    for old, new in zip(versions, versions[1:], strict=False):
        assert contract_problems(old, new) == []


# Operations ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(operations()))
def test_operation_is_valid_against_the_schema(name):
    schema = build_schema(SNAPSHOT.read_text(encoding="utf-8"))
    assert validate(schema, parse(operations()[name].text), specified_rules) == []


UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
DATETIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(\+00:00|Z)?")


def normalise(value, key=None):
    """Replace what changes from run to run (ids, timestamps, block UUIDs, cursors, which
    hold a row's id) with placeholders."""
    if isinstance(value, dict):
        return {k: normalise(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [normalise(v) for v in value]
    if key == "id" and value is not None:
        return "<id>"
    if key in ("endCursor", "after") and value is not None:
        return "<cursor>"
    if isinstance(value, str):
        return DATETIME.sub("<datetime>", UUID.sub("<uuid>", value))
    return value


@pytest.fixture
def demo(db):
    call_command("load_demo_content", stdout=open(os.devnull, "w"))  # noqa: SIM115
    guide = RoleGuidePage.objects.get(slug="mlops-engineer-2026")
    Redirect.objects.create(old_path="/mlops-2026", redirect_page=guide)
    draft = guide.get_latest_revision_as_object()
    draft.title = "MLOps Engineer Jobs & Internships 2026 (draft)"
    return {"token": draft.create_page_preview().token}


def variables_for(name, demo):
    return {
        "RoleGuideByPath": {"path": "/roles/mlops-engineer-2026/"},
        "RoleGuideEditions": {"path": "/roles/mlops-engineer-2026/"},
        "RoleGuides": {"category": "machine-learning", "year": 2026, "perPage": 20},
        "FaqEntries": {"topic": "MLOps"},
        "PreviewPage": {"token": demo["token"], "contentType": "roles.roleguidepage"},
        "SalaryComparison": {"level": "entry-level", "currency": "USD"},
        "ToolGuides": {
            "tool": "kubeflow",
            "skill": "ml-pipeline-orchestration",
            "guidesPerTool": 3,
        },
    }.get(name, {})


@pytest.mark.parametrize("name", sorted(operations()))
def test_operation_answers_match_their_snapshot(client, demo, name):
    operation = operations()[name]
    response = client.post(
        "/graphql/",
        data=json.dumps(
            {
                "variables": variables_for(name, demo),
                "extensions": {"persistedQuery": {"version": 1, "sha256Hash": operation.sha256}},
            }
        ),
        content_type="application/json",
    )
    body = response.json()
    assert "errors" not in body, body["errors"]
    answer = json.dumps(normalise(body["data"]), indent=2, ensure_ascii=False) + "\n"
    snapshot = RESPONSES / f"{name}.json"
    if os.environ.get("UPDATE_CONTRACT_SNAPSHOTS"):
        snapshot.parent.mkdir(exist_ok=True)
        snapshot.write_text(answer, encoding="utf-8")
    assert snapshot.exists(), REFRESH
    assert snapshot.read_text(encoding="utf-8") == answer, REFRESH
