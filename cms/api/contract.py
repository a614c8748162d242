"""The schema contract: breaking changes must be recorded, and a field is deprecated before it
is removed.

graphql-core finds breaking and dangerous changes between two schemas. A breaking change is
accepted only when `frontend_contract/CHANGELOG.md` names the schema coordinate it touches
(e.g. `RoleGuidePage.intro`), and a removed field must have been deprecated in the old schema,
unless the CHANGELOG records its removal for security reasons (a leak is never deprecated: it
goes at once, in a changelog entry that says "security" and names the coordinate).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from django.conf import settings
from graphql import BreakingChangeType, build_schema, find_breaking_changes, find_dangerous_changes

if TYPE_CHECKING:
    from graphql import BreakingChange, DangerousChange, GraphQLSchema

CONTRACT_DIR = Path(settings.BASE_DIR) / "frontend_contract"
CHANGELOG = CONTRACT_DIR / "CHANGELOG.md"
COORDINATE = re.compile(r"\b([A-Z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)?)\b")


def coordinate(change: BreakingChange | DangerousChange) -> str:
    """`Type.field` (or `Type`) that a change's description starts with."""
    match = COORDINATE.search(change.description)
    return match.group(1) if match else change.description


def security_removals(changelog_text: str) -> set[str]:
    """Coordinates named in a changelog entry (a bullet or paragraph) that mentions security."""
    entries = re.split(r"\n\s*\n|\n(?=\s*- )", changelog_text)
    return {
        name
        for entry in entries
        if "security" in entry.lower()
        for name in re.findall(r"`([A-Za-z_][A-Za-z0-9_.]*)`", entry)
    }


def removed_without_deprecation(old_schema: GraphQLSchema, change: BreakingChange) -> bool:
    if change.type != BreakingChangeType.FIELD_REMOVED:
        return False
    type_name, _, field_name = coordinate(change).partition(".")
    old_type = old_schema.get_type(type_name)
    field = getattr(old_type, "fields", {}).get(field_name) if old_type else None
    return field is not None and not field.deprecation_reason


def contract_problems(old_sdl: str, new_sdl: str, changelog_text: str | None = None) -> list[str]:
    """Readable reasons the change from `old_sdl` to `new_sdl` may not land; [] when it may."""
    changelog_text = (
        CHANGELOG.read_text(encoding="utf-8") if changelog_text is None else changelog_text
    )
    old_schema, new_schema = build_schema(old_sdl), build_schema(new_sdl)
    problems = []
    for_security = security_removals(changelog_text)
    for change in find_breaking_changes(old_schema, new_schema):
        if change.description.startswith("Standard scalar"):
            continue  # a built-in scalar no longer referenced: nothing a client can lose
        where = coordinate(change)
        if removed_without_deprecation(old_schema, change) and where not in for_security:
            problems.append(
                f"{change.description} Deprecate `{where}` first (deprecation_reason), "
                "and remove it in a later release."
            )
        elif f"`{where}`" not in changelog_text:
            problems.append(
                f"Breaking: {change.description} Record it in frontend_contract/CHANGELOG.md "
                f"(mention `{where}`)."
            )
    return problems


def dangerous_changes(old_sdl: str, new_sdl: str) -> list[str]:
    return [
        change.description
        for change in find_dangerous_changes(build_schema(old_sdl), build_schema(new_sdl))
    ]
