"""Build the POST data the Wagtail page editor sends, block by block."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield


def list_block(items):
    data = {
        str(index): {"value": item, "deleted": "", "order": str(index), "id": ""}
        for index, item in enumerate(items)
    }
    data["count"] = str(len(items))
    return data


def blank(value):
    return "" if value is None else value


def salary_table_form(table):
    rows = [{key: blank(value) for key, value in row.items()} for row in table["rows"]]
    return {
        "heading": table.get("heading", ""),
        "currency": table.get("currency", ""),
        "source_note": table.get("source_note", ""),
        "as_of_year": blank(table.get("as_of_year")),
        "rows": list_block(rows),
    }


def guide_form(
    *,
    title="Data Engineer Jobs 2026",
    slug="data-engineer-2026",
    year="2026",
    category,
    body=None,
    **fields,
):
    """The editor's form for a role guide; `body` is a list of (type, form value)."""
    data = {
        "title": title,
        "slug": slug,
        "role_name": fields.pop("role_name", "Data Engineer"),
        "year": year,
        "intro": fields.pop("intro", "Data engineers move and shape data."),
        "category": category.pk,
        "hero_image": "",
        "seo_title": "",
        "search_description": "",
        "body": streamfield(body or []),
        "comments": inline_formset([]),
    }
    data.update(fields)
    return nested_form_data(data)


def section_form(heading="What they do", html="<p>They build pipelines.</p>"):
    return ("section", {"heading": heading, "body": rich_text(html)})


def cta_form(heading="Apply", link_page="", link_url="https://example.com/apply"):
    return (
        "call_to_action",
        {
            "heading": heading,
            "text": "Send your profile.",
            "button_label": "Apply",
            "link_page": link_page,
            "link_url": link_url,
        },
    )


def skills_form(heading="Skills", skills=(("SQL", ()),)):
    items = [{"name": name, "tools": list_block(list(tools))} for name, tools in skills]
    return ("skills_list", {"heading": heading, "skills": list_block(items)})
