"""The `RichText` scalar: rich text as HTML, internal links resolved (to live pages only).

Same name and meaning as grapple's scalar, but text without internal links or embeds is served
as it is stored, instead of going through Wagtail's link rewriter every time: most of a guide's
sections have none, and a long guide has a hundred of them.
"""

import graphene
from wagtail.rich_text import RichText as WagtailRichText
from wagtail.rich_text import expand_db_html


def rich_text_html(value):
    source = value.source if isinstance(value, WagtailRichText) else str(value or "")
    if "linktype=" not in source and "<embed" not in source:
        return source
    return expand_db_html(source)


class RichText(graphene.Scalar):
    """HTML; links to pages point at their URL, and links to hidden pages carry no href."""

    serialize = staticmethod(rich_text_html)
    parse_value = staticmethod(rich_text_html)

    @staticmethod
    def parse_literal(node, _variables=None):
        return rich_text_html(getattr(node, "value", ""))
