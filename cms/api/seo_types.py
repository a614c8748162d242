"""GraphQL types for SEO values and sitemap entries."""

from __future__ import annotations

from typing import TYPE_CHECKING

import graphene

from cms.api.grapple_compat import get_image_type
from cms.api.limits import register_field_cost
from cms.structured_data import html_safe_json

if TYPE_CHECKING:
    from typing import Any

    from graphql import GraphQLResolveInfo

# Every `JSONString` the API serves (`Seo.structuredData`, grapple's `EmbedBlock.rawEmbed`) is
# HTML-safe JSON: `<`, `>`, `&`, U+2028 and U+2029 escaped as `\\uXXXX`, so a frontend can inline
# it in a <script> element. Set before the schema is built, which copies `serialize`.
graphene.JSONString.serialize = staticmethod(html_safe_json)


# Building a page's JSON-LD walks its whole body (up to 300 blocks) and the FAQ entries it uses:
# it costs as much as asking for that many fields.
STRUCTURED_DATA_COST = 100
register_field_cost("Seo", "structuredData", lambda arguments: STRUCTURED_DATA_COST)


class SeoType(graphene.ObjectType):
    """What a frontend puts in <head>: final values, after every fallback."""

    class Meta:
        name = "Seo"

    title = graphene.String(required=True, description="SEO title, else the page title.")
    description = graphene.String(
        required=True,
        description="Search description, else the intro as plain text cut near 155 characters.",
    )
    canonical_url = graphene.String(
        required=True, description="Canonical URL, else the page's URL on the frontend."
    )
    image = graphene.Field(
        get_image_type,
        description="Social image, else the hero image, else the site's default. May be null.",
    )
    no_index = graphene.Boolean(required=True, description="True: add a noindex robots tag.")
    site_name = graphene.String(required=True)
    structured_data = graphene.JSONString(
        required=True,
        description=(
            "The page's JSON-LD (schema.org), generated from its content; `<`, `>`, `&`, "
            "U+2028 and U+2029 are escaped, so it can be inlined in a <script> element."
        ),
    )

    def resolve_structured_data(self, info: GraphQLResolveInfo) -> dict[str, Any]:
        from cms.structured_data import structured_data_for

        return structured_data_for(self.page)


class SitemapEntryType(graphene.ObjectType):
    """One live, public, indexable page, for a frontend's sitemap.xml."""

    class Meta:
        name = "SitemapEntry"

    url = graphene.String(required=True, description="Absolute URL on the frontend.")
    path = graphene.String(required=True, description="Path relative to the site root.")
    last_modified = graphene.DateTime(required=True)
