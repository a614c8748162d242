"""Snippet choosers in the admin (the modal a guide's tool, category, company and FAQ fields
open): search, case-insensitive order, and a new entry created from inside the chooser."""

import json
import re

import pytest

from faqs.models import FaqEntry
from roles.models import Category, Company, Tool
from tests.factories import make_category, make_company, make_faq, make_tool

CHOOSERS = {
    Tool: "/admin/snippets/choose/roles/tool/",
    Category: "/admin/snippets/choose/roles/category/",
    Company: "/admin/snippets/choose/roles/company/",
    FaqEntry: "/admin/snippets/choose/faqs/faqentry/",
}
MAKERS = {
    Tool: make_tool,
    Category: make_category,
    Company: make_company,
    FaqEntry: lambda name: make_faq(question=name),
}
NAMES = ["WhyLabs", "dbt", "Apache Airflow", "kubeflow", "MLflow", "dbt Cloud"]


def modal(response):
    assert response.status_code == 200, response.content[:500]
    return json.loads(response.content)


def listed(html):
    """The entries a chooser lists, in order."""
    return [
        name.strip()
        for name in re.findall(r"<a data-chooser-modal-choice[^>]*>\s*([^<]+?)\s*</a>", html)
    ]


@pytest.fixture(params=list(CHOOSERS), ids=lambda model: model.__name__)
def chooser(request, db):
    model = request.param
    for name in NAMES:
        MAKERS[model](name)
    return CHOOSERS[model]


def test_every_snippet_chooser_sorts_ignoring_case(editor, chooser):
    html = modal(editor.get(chooser))["html"]
    assert listed(html) == sorted(NAMES, key=str.lower)
    # The results panel (pages, searches) keeps the same order.
    assert listed(editor.get(chooser + "results/").content.decode()) == sorted(NAMES, key=str.lower)


def test_every_snippet_chooser_has_a_search_that_finds_dbt(editor, chooser):
    html = modal(editor.get(chooser))["html"]
    assert "data-chooser-modal-search" in html  # the search box
    results = editor.get(chooser + "results/", {"q": "dbt"}).content.decode()
    assert listed(results) == ["dbt", "dbt Cloud"]
    results = editor.get(chooser + "results/", {"q": "FLOW"}).content.decode()
    assert listed(results) == ["Apache Airflow", "kubeflow", "MLflow"]


def test_every_snippet_chooser_offers_a_create_tab(editor, chooser):
    html = modal(editor.get(chooser))["html"]
    assert 'id="tab-label-create"' in html
    assert f'action="{chooser}create/"' in html


def test_creating_a_tool_from_the_chooser_returns_it_chosen(editor, db, gql):
    response = editor.post(
        CHOOSERS[Tool] + "create/", {"name": "Great Expectations", "website": "https://gx.dev"}
    )
    body = modal(response)
    tool = Tool.objects.get(name="Great Expectations")
    assert tool.slug == "great-expectations" and tool.website == "https://gx.dev"
    assert body["step"] == "chosen"
    assert body["result"]["id"] == str(tool.pk)
    assert body["result"]["string"] == "Great Expectations"
    assert body["result"]["edit_url"] == f"/admin/snippets/roles/tool/edit/{tool.pk}/"
    assert {"name": "Great Expectations"} in gql("{ tools(limit: 100) { name } }")["tools"]


def test_an_invalid_create_form_is_shown_again_with_its_error(editor, db):
    make_tool("dbt")
    body = modal(editor.post(CHOOSERS[Tool] + "create/", {"name": "dbt"}))
    assert body["step"] == "reshow_creation_form"
    assert "already exists" in body["htmlFragment"]
    assert Tool.objects.count() == 1


@pytest.mark.parametrize("model", [Category, Company])
def test_creating_a_category_or_company_from_the_chooser(editor, db, model):
    body = modal(editor.post(CHOOSERS[model] + "create/", {"name": "Data Platform"}))
    created = model.objects.get(name="Data Platform")
    assert body["step"] == "chosen" and body["result"]["id"] == str(created.pk)


def test_a_faq_entry_created_from_the_chooser_is_a_draft(editor, db, gql):
    data = {
        "question": "Do I need a degree?",
        "answer": json.dumps(
            {
                "blocks": [
                    {
                        "key": "a1",
                        "type": "unstyled",
                        "text": "No.",
                        "depth": 0,
                        "inlineStyleRanges": [],
                        "entityRanges": [],
                    }
                ],
                "entityMap": {},
            }
        ),
        "topic": "Careers",
    }
    body = modal(editor.post(CHOOSERS[FaqEntry] + "create/", data))
    entry = FaqEntry.objects.get(question="Do I need a degree?")
    assert body["step"] == "chosen" and body["result"]["id"] == str(entry.pk)
    assert not entry.live and entry.latest_revision is not None
    assert "No." in entry.answer
    assert gql("{ faqEntries { question } }")["faqEntries"] == []
    html = modal(editor.get(CHOOSERS[FaqEntry]))["html"]
    assert "Create draft" in html
