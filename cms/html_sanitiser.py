"""Sanitising rich text HTML on output, with nh3 (the Ammonia sanitiser).

Rich text can reach the database without the admin's editor (the shell, an import, a
migration), so every rendering of it (the API's `RichText` scalar, grapple's rich text blocks,
server-rendered pages, JSON-LD) goes through `sanitise_html`: an allow-list of what the editor
produces. Script, style, event handlers, frames, forms and `javascript:`/`data:` URLs go.
"""

from functools import lru_cache

import nh3

# What Wagtail's editor produces for our features (sections: h3, h4, bold, italic, link, ol,
# ul; FAQ answers: bold, italic, link, ol, ul), plus the other harmless text-level tags of
# Wagtail's default feature set, should an editor's features grow.
ALLOWED_TAGS = {
    "p",
    "br",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "b",
    "i",
    "strong",
    "em",
    "u",
    "s",
    "code",
    "sub",
    "sup",
    "blockquote",
    "ol",
    "ul",
    "li",
    "hr",
    "a",
}
# Draftail writes `data-block-key` on every block element (p, h3, li, …).
ALLOWED_ATTRIBUTES = {"*": {"data-block-key"}, "a": {"href"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}
# Removed together with their content, not just unwrapped.
DROPPED_WITH_CONTENT = {"script", "style", "template", "iframe", "object", "noscript", "title"}


def sanitise_html(html):
    """`html` keeping only the editor's tags and attributes; URLs relative or http(s)/mailto/tel."""
    if not html:
        return ""
    return sanitised(str(html))


@lru_cache(maxsize=2048)
def sanitised(html):
    """One sanitising per distinct text per process: a guide's sections are read far more often
    than they change, and an uncached guide query would otherwise clean every one again."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        clean_content_tags=DROPPED_WITH_CONTENT,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )
