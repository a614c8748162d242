"""The `RichText` scalar: rich text as sanitised HTML, internal links resolved (to live pages
only).

Same name and meaning as grapple's scalar. Text without internal links or embeds skips
Wagtail's link rewriter (most of a guide's sections have none); every value is sanitised
(`cms.rich_text.sanitise_html`), however it was stored.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import graphene
from wagtail.rich_text import RichText as WagtailRichText
from wagtail.rich_text import expand_db_html

from cms.html_sanitiser import sanitise_html

if TYPE_CHECKING:
    from typing import Any

    from graphql import ValueNode


def rich_text_html(value: object) -> str:
    source = value.source if isinstance(value, WagtailRichText) else str(value or "")
    if "linktype=" in source or "<embed" in source:
        source = expand_db_html(source)
    return sanitise_html(source)


class RichText(graphene.Scalar):
    """Sanitised HTML; links to pages point at their URL, links to hidden pages carry no href."""

    serialize = staticmethod(rich_text_html)
    parse_value = staticmethod(rich_text_html)

    @staticmethod
    def parse_literal(node: ValueNode, _variables: dict[str, Any] | None = None) -> str:
        return rich_text_html(getattr(node, "value", ""))
