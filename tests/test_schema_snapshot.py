"""The committed schema snapshot is the contract: it must match the live schema exactly."""

from pathlib import Path

from cms.api.schema import printed_schema

SNAPSHOT = Path(__file__).resolve().parent.parent / "frontend_contract" / "schema.graphql"


def test_schema_snapshot_is_current():
    assert SNAPSHOT.read_text(encoding="utf-8") == printed_schema(), (
        "The GraphQL schema changed. Run `make schema` to refresh "
        "frontend_contract/schema.graphql, and describe the change in "
        "frontend_contract/CHANGELOG.md."
    )


def test_role_guide_types_are_typed():
    sdl = printed_schema()
    for line in [
        "baseSalaryMin: Int",
        "baseSalaryDisplay: String",
        "tools: [Tool!]!",
        "entries: [FaqEntry!]!",
        "body: [StreamFieldInterface!]!",
        "rows: [SalaryRow!]!",
    ]:
        assert line in sdl
