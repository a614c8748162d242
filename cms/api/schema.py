"""The public GraphQL schema: grapple's schema without fields that reveal editorial state.

grapple exposes every column of Wagtail's page model on each page type. Some of those would
tell the public about unpublished work (`draftTitle`, `hasUnpublishedChanges`), editors'
locks and schedules, or reach pages without the live/public filter (`aliases`, `aliasOf`,
`sitesRootedHere`, the per-model accessors). They are removed here, once, from every page type.

Blocks lose `rawValue` (the stored JSON holds the ids of every chosen page and snippet, hidden
or not) and our typed blocks lose grapple's generic `blocks` list (their typed fields replace
it). The generic chooser blocks, a site's `rootPage` and `page`, `collections` and `tags` get
the same live/public filter as every other path (see `restrict_resolvers`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from graphql import GraphQLInterfaceType, GraphQLNonNull, GraphQLObjectType, print_schema
from grapple.schema import schema as grapple_schema

from cms.api.grapple_compat import check_schema
from cms.api.media import protect_media_fields
from cms.api.ordering import guard_list_arguments
from cms.api.safe_urls import guard_url_fields

if TYPE_CHECKING:
    from graphql import GraphQLNamedType, GraphQLSchema

EDITORIAL_PAGE_FIELDS = {
    "draftTitle",
    "hasUnpublishedChanges",
    "latestRevisionCreatedAt",
    "locked",
    "lockedAt",
    "goLiveAt",
    "expireAt",
    "expired",
    "numchild",
    "path",
    "aliasOf",
    "aliases",
    "sitesRootedHere",
    "searchScore",
}
# Removed from every block type: the stored JSON names hidden pages and draft snippets by id.
EDITORIAL_BLOCK_FIELDS = {"rawValue"}
# grapple's generic types whose `blocks` list stays (with filtered choosers); every other
# block type has typed fields instead.
GENERIC_BLOCK_TYPES = {"StructBlock", "StreamBlock"}
# Collections: the tree position and child count would count restricted collections too.
EDITORIAL_COLLECTION_FIELDS = {"path", "depth", "numchild"}


def is_page_type(graphql_type: GraphQLNamedType) -> bool:
    return isinstance(graphql_type, GraphQLObjectType) and any(
        interface.name == "PageInterface" for interface in graphql_type.interfaces
    )


def is_block_type(graphql_type: GraphQLNamedType) -> bool:
    return isinstance(graphql_type, GraphQLObjectType) and any(
        interface.name == "StreamFieldInterface" for interface in graphql_type.interfaces
    )


def remove_editorial_fields(graphql_schema: GraphQLSchema) -> None:
    type_map = graphql_schema.type_map
    page_type_accessors = {name.lower() for name, t in type_map.items() if is_page_type(t)}
    for name, graphql_type in type_map.items():
        if is_page_type(graphql_type) or name == "PageInterface":
            removed = EDITORIAL_PAGE_FIELDS | page_type_accessors
        elif is_block_type(graphql_type) or name == "StreamFieldInterface":
            removed = set(EDITORIAL_BLOCK_FIELDS)
            if name not in GENERIC_BLOCK_TYPES and isinstance(graphql_type, GraphQLObjectType):
                removed.add("blocks")
        elif name == "CollectionObjectType":
            removed = EDITORIAL_COLLECTION_FIELDS
        else:
            continue
        assert isinstance(graphql_type, GraphQLObjectType | GraphQLInterfaceType)
        for field_name in list(graphql_type.fields):
            if field_name in removed:
                del graphql_type.fields[field_name]


def restrict_resolvers(graphql_schema: GraphQLSchema) -> None:
    """Put the live/public filter on the paths grapple leaves open (`cms/api/visibility.py`
    has the root fields; these are fields of other types)."""
    from cms.api import exposure

    type_map = graphql_schema.type_map
    site = type_map["SiteObjectType"]
    root_page = site.fields["rootPage"]
    if isinstance(root_page.type, GraphQLNonNull):
        root_page.type = root_page.type.of_type  # null when the root page is hidden
    root_page.description = "The site's root page; null unless it is live and public."
    root_page.resolve = exposure.visible_result(root_page.resolve)
    site.fields["page"].resolve = exposure.site_page_resolver(site.fields["page"].resolve)
    for type_name, field_name in (
        ("PageChooserBlock", "page"),
        ("SnippetChooserBlock", "snippet"),
        ("DocumentChooserBlock", "document"),
    ):
        field = type_map[type_name].fields[field_name]
        field.resolve = exposure.visible_result(field.resolve)
    collection = type_map["CollectionObjectType"]
    collection.fields["descendants"].resolve = exposure.resolve_public_descendants
    collection.fields["ancestors"].resolve = exposure.resolve_public_ancestors
    query = type_map["Query"]
    query.fields["collections"].resolve = exposure.resolve_public_collections
    query.fields["tags"].resolve = exposure.resolve_public_tags
    query.fields["tag"].resolve = exposure.resolve_public_tag


def batch_resolvers(graphql_schema: GraphQLSchema) -> None:
    """Fields grapple resolves with a query per object, loaded for a listing's page at once."""
    from cms.api import loaders

    image = graphql_schema.type_map["ImageObjectType"]
    image.fields["collection"].resolve = lambda root, info, **kwargs: loaders.image_collection(root)
    image.fields["tags"].resolve = lambda root, info, **kwargs: loaders.image_tags(root)


schema = grapple_schema
check_schema(schema.graphql_schema, removed_page_fields=EDITORIAL_PAGE_FIELDS)
remove_editorial_fields(schema.graphql_schema)
restrict_resolvers(schema.graphql_schema)
batch_resolvers(schema.graphql_schema)
protect_media_fields(schema.graphql_schema)  # private images/documents, renditions: media.py
guard_url_fields(schema.graphql_schema)  # stored URLs only when they cannot run script
guard_list_arguments(schema.graphql_schema)  # order allow-lists, page sizes: ordering.py (last)


def printed_schema() -> str:
    """The schema's SDL, as `frontend_contract/schema.graphql` holds it.

    graphene builds types in a fixed order (the order of the code), so the print is stable.
    graphql-core's lexicographic sort can't be used: it drops graphene's enum serialisers.
    """
    return print_schema(schema.graphql_schema) + "\n"
