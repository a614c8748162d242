"""Every field of a guide's body editor has a label: no lone required '*' (the tools of a skill,
the companies of a 'companies hiring' block, the entries of an FAQ block)."""

import html
import json
import re

from django.contrib.auth import get_user_model


def block_definition(page_html):
    """The body's block definitions, as the admin page hands them to Wagtail's JavaScript."""
    packed = re.search(r'data-w-block-data-value="([^"]*)"', page_html).group(1)
    return json.loads(html.unescape(packed))


def field_labels(node, found, values):
    """(block name, label) of every field block, resolving telepath's shared values."""
    if isinstance(node, dict):
        if "_val" in node:
            values[node["_id"]] = node["_val"]
            return field_labels(node["_val"], found, values)
        if "_ref" in node:
            return field_labels(values[node["_ref"]], found, values)
        if node.get("_type") == "wagtail.blocks.ListBlock":
            name, child = node["_args"][0], node["_args"][1]
            child = values.get(child.get("_ref"), child)
            if child.get("_type") == "wagtail.blocks.FieldBlock":
                options = child["_args"][2]
                label = options["label"]
                label = values.get(label["_ref"]) if isinstance(label, dict) else label
                found.append((name, label, options["required"]))
        for value in node.values():
            field_labels(value, found, values)
    elif isinstance(node, list):
        for item in node:
            field_labels(item, found, values)
    return found


def test_each_chosen_tool_company_and_faq_entry_has_a_label(client, roles_index):
    user = get_user_model().objects.create_superuser("editor", "editor@example.com", "pw")
    client.force_login(user)
    response = client.get(f"/admin/pages/add/roles/roleguidepage/{roles_index.pk}/")
    assert response.status_code == 200
    labels = field_labels(block_definition(response.content.decode()), [], {})
    assert {name: label for name, label, _ in labels} == {
        "tools": "Tool",
        "companies": "Company",
        "entries": "FAQ entry",
    }
    assert all(label.strip() for _, label, required in labels if required)
