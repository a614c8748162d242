"""The public GraphQL schema: grapple's schema without fields that reveal editorial state.

grapple exposes every column of Wagtail's page model on each page type. Some of those would
tell the public about unpublished work (`draftTitle`, `hasUnpublishedChanges`), editors'
locks and schedules, or reach pages without the live/public filter (`aliases`, `aliasOf`,
`sitesRootedHere`, the per-model accessors). They are removed here, once, from every page type.
"""

from graphql import GraphQLObjectType, print_schema
from grapple.schema import schema as grapple_schema

from cms.api.media import protect_media_fields

EDITORIAL_PAGE_FIELDS = {
    "draftTitle",
    "hasUnpublishedChanges",
    "latestRevisionCreatedAt",
    "lockedAt",
    "goLiveAt",
    "expireAt",
    "expired",
    "numchild",
    "path",
    "aliasOf",
    "aliases",
    "sitesRootedHere",
}


def is_page_type(graphql_type):
    return isinstance(graphql_type, GraphQLObjectType) and any(
        interface.name == "PageInterface" for interface in graphql_type.interfaces
    )


def remove_editorial_fields(graphql_schema):
    page_type_accessors = {
        name.lower() for name, t in graphql_schema.type_map.items() if is_page_type(t)
    }
    for graphql_type in graphql_schema.type_map.values():
        if not is_page_type(graphql_type):
            continue
        for field_name in list(graphql_type.fields):
            if field_name in EDITORIAL_PAGE_FIELDS or field_name in page_type_accessors:
                del graphql_type.fields[field_name]


schema = grapple_schema
remove_editorial_fields(schema.graphql_schema)
protect_media_fields(schema.graphql_schema)  # private images/documents, renditions: media.py


def printed_schema():
    """The schema's SDL, as `frontend_contract/schema.graphql` holds it.

    graphene builds types in a fixed order (the order of the code), so the print is stable.
    graphql-core's lexicographic sort can't be used: it drops graphene's enum serialisers.
    """
    return print_schema(schema.graphql_schema) + "\n"
