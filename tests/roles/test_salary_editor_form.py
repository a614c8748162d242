"""The salary table's editing forms (form templates): every field is in them with a label, and
the live preview gets the API's currency symbols, so the two cannot drift apart."""

import json
from html.parser import HTMLParser

import pytest

from roles.blocks import SalaryRowBlock, SalaryTableBlock
from roles.salary import CURRENCY_SYMBOLS


class FormTemplate(HTMLParser):
    """Placeholders Wagtail fills with each child's field, labels and their text, attributes."""

    def __init__(self, text):
        super().__init__()
        self.placeholders, self.labels, self.attributes = [], {}, []
        self._label = None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.attributes.append(attrs)
        if "data-structblock-child" in attrs:
            self.placeholders.append(attrs["data-structblock-child"])
        if tag == "label" and attrs.get("for"):
            self._label = attrs["for"]
            self.labels[self._label] = ""

    def handle_endtag(self, tag):
        if tag == "label":
            self._label = None

    def handle_data(self, data):
        if self._label:
            self.labels[self._label] += data


@pytest.mark.parametrize(
    "block", [SalaryRowBlock(), SalaryTableBlock()], ids=lambda block: type(block).__name__
)
def test_every_field_is_in_the_form_once_with_a_label(block):
    form = FormTemplate(block.render_form_template())

    assert sorted(form.placeholders) == sorted(block.child_blocks)
    for name, child in block.child_blocks.items():
        if child.id_for_label("__PREFIX__") is None:  # the rows: a list, labelled by its items
            continue
        assert form.labels.get(f"__PREFIX__-{name}", "").strip(), name


def test_the_preview_formats_money_with_the_apis_currency_symbols():
    form = FormTemplate(SalaryTableBlock().render_form_template())

    (symbols,) = [
        attrs["data-salary-table-symbols-value"]
        for attrs in form.attributes
        if "data-salary-table-symbols-value" in attrs
    ]
    assert json.loads(symbols) == CURRENCY_SYMBOLS
