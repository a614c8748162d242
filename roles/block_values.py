"""The stored value of each kind of body block, built in one place.

The demo loader, the guide generator and the tests' factories all write guide bodies through
these functions, so a block's stored shape is spelt out once (its definition is in
`roles/blocks.py`). Each returns one raw StreamField item: `{"type", "value", "id"}`.
"""

import json
import uuid
from collections.abc import Iterable

from roles.salary import row_fields


def item(block_type: str, value: dict) -> dict:
    return {"type": block_type, "value": value, "id": str(uuid.uuid4())}


def section(heading: str, body: str) -> dict:
    return item("section", {"heading": heading, "body": body})


def skills_list(heading: str, skills: Iterable[tuple[str, Iterable[int]]]) -> dict:
    """`skills`: (name, tool ids) pairs."""
    chosen = [{"name": name, "tools": list(tool_ids)} for name, tool_ids in skills]
    return item("skills_list", {"heading": heading, "skills": chosen})


def day_in_the_life(heading: str, moments: Iterable[tuple[str, str]]) -> dict:
    """`moments`: (label, narrative) pairs."""
    told = [{"label": label, "narrative": narrative} for label, narrative in moments]
    return item("day_in_the_life", {"heading": heading, "moments": told})


def career_path(heading: str, titles: Iterable[str]) -> dict:
    levels = [{"title": title, "summary": ""} for title in titles]
    return item("career_path", {"heading": heading, "levels": levels})


def salary_row(level: str, **amounts: int | None) -> dict:
    """One row; amounts by the names `SalaryRow` gives them (any other name is refused)."""
    names = {f.name for f in row_fields()} - {"level"}
    unknown = set(amounts) - names
    if unknown:
        raise TypeError(f"Not a salary row field: {sorted(unknown)}")
    return {"level": level, **{name: amounts.get(name) for name in sorted(names)}}


def salary_table(
    rows: Iterable[dict],
    *,
    currency: str = "USD",
    heading: str = "",
    source_note: str = "",
    as_of_year: int | None = None,
) -> dict:
    value = {
        "heading": heading,
        "currency": currency,
        "rows": list(rows),
        "source_note": source_note,
        "as_of_year": as_of_year,
    }
    return item("salary_table", value)


def companies_hiring(heading: str, company_ids: Iterable[int] = ()) -> dict:
    return item("companies_hiring", {"heading": heading, "companies": list(company_ids)})


def call_to_action(
    heading: str,
    text: str,
    button_label: str,
    *,
    link_page_id: int | None = None,
    link_url: str = "",
) -> dict:
    value = {
        "heading": heading,
        "text": text,
        "button_label": button_label,
        "link_page": link_page_id,
        "link_url": link_url,
    }
    return item("call_to_action", value)


def faq(heading: str, entry_ids: Iterable[int]) -> dict:
    return item("faq", {"heading": heading, "entries": list(entry_ids)})


def stream_json(items: Iterable[dict]) -> str:
    """A body's stored JSON, as `RoleGuidePage.body` takes it."""
    return json.dumps(list(items))
