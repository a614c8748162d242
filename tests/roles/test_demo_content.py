"""The demo guide, loaded by its command and read back through GraphQL, matches the seed page."""

import re

import pytest
from django.core.management import call_command

from roles.models import RoleGuidePage
from tests import ROOT
from tests.queries import FULL_GUIDE_QUERY

SEED = ROOT / "tests" / "fixtures" / "seed-mlops-engineer-2026.txt"
NOT_TOOLS = {"ML", "GitOps"}  # capitalised words in skill lines that name practices, not tools


@pytest.fixture(scope="module")
def seed_lines():
    return [line.strip() for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture
def guide(db, gql):
    call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
    data = gql(FULL_GUIDE_QUERY, {"path": "/roles/mlops-engineer-2026/"})
    assert data["roleGuide"] is not None
    return data["roleGuide"]


def blocks_of(guide, block_type):
    return [block for block in guide["body"] if block["blockType"] == block_type]


def only(guide, block_type):
    found = blocks_of(guide, block_type)
    assert len(found) == 1, f"expected one {block_type}, got {len(found)}"
    return found[0]


def test_title_and_role(guide, seed_lines):
    assert guide["title"] == seed_lines[0]
    assert guide["roleName"] in seed_lines[0]
    assert str(guide["year"]) in seed_lines[0]


def test_every_heading_and_question_matches_the_seed(guide, seed_lines):
    short_lines = {
        line
        for line in seed_lines[1:]
        if len(line) < 80 and not line.startswith(("-", "|")) and not line.endswith(".")
    }
    api_lines = {block["heading"] for block in guide["body"] if block.get("heading")}
    api_lines |= {entry["question"] for entry in only(guide, "FaqBlock")["entries"]}
    assert api_lines == short_lines


def tool_names_in(skill_line):
    tail = re.split(r" (?:with|using) ", skill_line, maxsplit=1)[1]
    names = re.findall(r"[A-Z][\w./]*(?:\s(?:&|[A-Z][\w./]*))*", tail)
    return {name for name in names if name not in NOT_TOOLS}


def test_all_skills_with_every_tool(guide, seed_lines):
    seed_skills = [line.lstrip("-✓ ") for line in seed_lines if line.startswith("- ✓")]
    skills = only(guide, "SkillsListBlock")["skills"]
    assert len(skills) == len(seed_skills) == 8
    for skill, seed_line in zip(skills, seed_skills, strict=True):
        api_tools = {tool["name"] for tool in skill["tools"]}
        assert api_tools == tool_names_in(seed_line), seed_line
        assert all(tool["slug"] for tool in skill["tools"])


def test_day_in_the_life_has_four_moments(guide):
    moments = only(guide, "DayInTheLifeBlock")["moments"]
    assert [m["label"] for m in moments] == ["Morning", "Late morning", "Afternoon", "End of day"]
    assert all(len(m["narrative"]) > 40 for m in moments)


def test_career_levels_in_order(guide, seed_lines):
    ladder = next(line for line in seed_lines if " → " in line)
    levels = only(guide, "CareerPathBlock")["levels"]
    assert [level["title"] for level in levels] == ladder.split(" → ")


def test_salary_table_reproduces_every_figure(guide, seed_lines):
    table = only(guide, "SalaryTableBlock")
    seed_rows = [
        [cell.strip() for cell in line.strip("|").split("|")]
        for line in seed_lines
        if line.startswith("|") and not line.startswith(("| Level", "|---"))
    ]
    assert len(table["rows"]) == len(seed_rows) == 4
    for row, (level, base, equity, intern) in zip(table["rows"], seed_rows, strict=True):
        assert row["levelDisplay"] == level
        assert row["currency"] == "USD"
        assert (row["baseSalaryDisplay"] or "—") == base
        assert (row["internMonthlyDisplay"] or "—") == intern
        if equity == "—":
            assert row["equityBonusDisplay"] is None
        else:
            assert equity == f"{row['equityBonusDisplay']} in equity/bonus"
    entry = table["rows"][1]
    assert (entry["baseSalaryMin"], entry["baseSalaryMax"]) == (125000, 175000)
    assert (entry["experienceMinYears"], entry["experienceMaxYears"]) == (0, 2)
    note = next(line for line in seed_lines if line.startswith("Salary data sourced"))
    assert note == f"{table['sourceNote']} {table['asOfYear']} estimates."


def test_faq_entries_are_complete(guide, seed_lines):
    faq = only(guide, "FaqBlock")
    seed_questions = [line for line in seed_lines if line.endswith("?") and "Do?" not in line]
    assert [e["question"] for e in faq["entries"]] == seed_questions
    assert all(e["answer"].startswith("<p>") and len(e["answer"]) > 100 for e in faq["entries"])


def test_call_to_action_and_empty_companies(guide):
    cta = only(guide, "CallToActionBlock")
    assert cta["buttonLabel"] and cta["text"]
    assert cta["href"] == "/roles/"
    assert only(guide, "CompaniesHiringBlock")["companies"] == []


def test_loading_twice_changes_nothing(guide):
    page = RoleGuidePage.objects.get(slug="mlops-engineer-2026")
    revisions = page.revisions.count()
    call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert RoleGuidePage.objects.count() == 1
    assert page.revisions.count() == revisions
