"""URLs that editors or imports store are served only when following them cannot run script.

A frontend puts `website`, a call to action's `href` or a redirect's `newUrl` into an `href`.
A `javascript:`, `data:` or `vbscript:` URL there runs on the frontend's origin when clicked.
The admin's URL fields refuse such values, but the shell, an import or a migration does not, so
the API checks on output: a stored URL is served when it is relative or its scheme is http,
https, mailto or tel (read the way browsers read it: tabs and newlines dropped, leading
controls and spaces stripped, HTML entities decoded); otherwise null, or "" where the field is
required.
"""

from __future__ import annotations

import html
import re
from functools import wraps
from typing import TYPE_CHECKING

from graphql import GraphQLNonNull, default_field_resolver

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    from graphql import GraphQLResolveInfo, GraphQLSchema

SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
IGNORED_BY_BROWSERS = re.compile(r"[\t\n\r]")
LEADING_IGNORED = "".join(chr(code) for code in range(0x21))  # C0 controls and space

# String fields that serve a stored URL: (type name, field name). Apps add their own with
# `register_url_field`; `guard_url_fields` wraps each when the schema is built.
URL_FIELDS = {("Seo", "canonicalUrl"), ("Redirect", "newUrl"), ("EmbedBlock", "url")}
# URL fields the server builds itself (from slugs, file names, settings), never free text.
GENERATED_URL_FIELDS = {
    "url",  # pages, images, renditions, documents, sitemap entries
    "urlPath",
    "src",
    "oldUrl",  # the path a redirect matches, normalised by Wagtail
}


def register_url_field(type_name: str, field_name: str) -> None:
    URL_FIELDS.add((type_name, field_name))


def is_safe_url(value: object) -> bool:
    """True for a URL that is relative or uses a scheme that cannot run script."""
    text = IGNORED_BY_BROWSERS.sub("", html.unescape(str(value))).lstrip(LEADING_IGNORED)
    scheme = SCHEME.match(text)
    return scheme is None or scheme.group(1).lower() in SAFE_SCHEMES


def safe_url(value: str | None) -> str | None:
    """`value` when it is safe to put into an href, else None."""
    if not value:
        return value
    return value if is_safe_url(value) else None


def guarded(resolve: Callable[..., str | None], required: bool) -> Callable[..., str | None]:
    @wraps(resolve)
    def resolve_safe_url(source: object, info: GraphQLResolveInfo, **kwargs: Any) -> str | None:
        value = safe_url(resolve(source, info, **kwargs))
        return "" if value is None and required else value

    return resolve_safe_url


def guard_url_fields(graphql_schema: GraphQLSchema) -> None:
    """Serve every registered URL field through `safe_url` (a missing one fails start-up)."""
    for type_name, field_name in sorted(URL_FIELDS):
        graphql_type = graphql_schema.type_map.get(type_name)
        field = getattr(graphql_type, "fields", {}).get(field_name)
        if field is None:
            raise LookupError(f"No field {type_name}.{field_name} to serve safely.")
        if getattr(field.resolve, "_url_guarded", False):
            continue
        resolve = guarded(
            field.resolve or default_field_resolver, isinstance(field.type, GraphQLNonNull)
        )
        resolve._url_guarded = True
        field.resolve = resolve
