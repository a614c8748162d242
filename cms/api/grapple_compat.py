"""What this project relies on in wagtail-grapple and wagtail-headless-preview beyond their
documented APIs (`grapple.models`, `grapple.helpers`), in one place, checked at start-up.

grapple 0.31 is tested upstream against Wagtail up to 7.0; we run it on Wagtail 8. Every
internal we import is imported here, and every type, field and query mixin we patch is listed
here. After an upgrade, a missing one raises ImproperlyConfigured when the schema is built
(and `manage.py check` builds it), instead of a filter silently doing nothing.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

import grapple
from django.core.exceptions import ImproperlyConfigured

if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any

    from graphql import GraphQLSchema

# The internals we use, by the module that defines them. They are imported on first use
# (PEP 562's module `__getattr__`): some of these modules build Django-model types, and the
# module that defines our PageInterface is imported by grapple while it builds its own.
INTERNALS = {
    "registry": "grapple.registry",
    "grapple_settings": "grapple.settings",
    "get_image_type": "grapple.types.images",
    "PageInterface": "grapple.types.interfaces",
    "get_snippet_interface": "grapple.types.interfaces",
    "PagesQuery": "grapple.types.pages",
    "get_site_filter": "grapple.types.pages",
    "RedirectObjectType": "grapple.types.redirects",
    "RedirectsQuery": "grapple.types.redirects",
    "PaginationType": "grapple.types.structures",
    "get_media_item_url": "grapple.utils",
    "get_paginated_result": "grapple.utils",
    "resolve_queryset": "grapple.utils",
    "HeadlessPreviewMixin": "wagtail_headless_preview.models",
    "PagePreview": "wagtail_headless_preview.models",
}


def __getattr__(name: str) -> Any:
    if name == "PREVIEW_SIGNER_SALT":
        # wagtail-headless-preview's own signer salt: tokens it issues are checked by ours.
        return __getattr__("HeadlessPreviewMixin").get_preview_signer().salt
    module_name = INTERNALS.get(name)
    if module_name is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module = import_module(module_name)
    require(hasattr(module, name), f"{module_name}.{name} is missing")
    value = getattr(module, name)
    globals()[name] = value
    return value


# grapple's root query fields that `cms/api/visibility.py` swaps for filtered ones: each must
# be found among grapple's query mixins, or a leaky original would stay.
REPLACED_ROOT_FIELDS = frozenset(
    {"snippets", "search", "pages", "images", "documents", "redirects"}
)

# Fields of grapple's types whose resolvers `cms/api/schema.py` wraps with the live/public
# filter: (type, field).
PATCHED_FIELDS = (
    ("SiteObjectType", "rootPage"),
    ("SiteObjectType", "page"),
    ("PageChooserBlock", "page"),
    ("SnippetChooserBlock", "snippet"),
    ("DocumentChooserBlock", "document"),
    ("CollectionObjectType", "descendants"),
    ("CollectionObjectType", "ancestors"),
    ("Query", "collections"),
    ("Query", "tags"),
    ("Query", "tag"),
)


def require(condition: bool, what: str) -> None:
    if not condition:
        raise ImproperlyConfigured(
            f"wagtail-grapple {grapple.__version__}: {what}. cms/api/grapple_compat.py lists "
            "what this project expects of it; check what the upgrade changed."
        )


def check_replaced_root_fields(replaced: set[str]) -> None:
    missing = REPLACED_ROOT_FIELDS - replaced
    require(not missing, f"no query mixin defines {sorted(missing)} to be replaced")


def check_schema(graphql_schema: GraphQLSchema, removed_page_fields: Iterable[str] = ()) -> None:
    """Every field we patch exists, and so does every editorial field we remove from page
    types (a renamed one would otherwise be served under its new name)."""
    types = graphql_schema.type_map
    for type_name, field_name in PATCHED_FIELDS:
        found = types.get(type_name)
        require(
            found is not None and field_name in found.fields,
            f"{type_name}.{field_name} is missing",
        )
    page_types = [
        graphql_type
        for graphql_type in types.values()
        if any(i.name == "PageInterface" for i in getattr(graphql_type, "interfaces", ()))
    ]
    require(bool(page_types), "no type implements PageInterface")
    on_page_types = set().union(*(graphql_type.fields for graphql_type in page_types))
    missing = set(removed_page_fields) - on_page_types
    require(not missing, f"page types no longer have {sorted(missing)}")
