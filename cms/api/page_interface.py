"""The page interface every page type implements, with a filtered `parent`.

Kept apart from `visibility.py` because grapple imports it while building its own types.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import graphene
from wagtail.models import Page

from cms.api.grapple_compat import PageInterface as GrapplePageInterface

if TYPE_CHECKING:
    from typing import Any

    from graphql import GraphQLResolveInfo


class PageInterface(GrapplePageInterface):
    """A page of the site. Every page served is live and public."""

    site_path = graphene.String(
        description="The page's path on its site, e.g. '/roles/mlops-engineer-2026/': what a "
        "frontend routes on, and what `page(urlPath:)` and `roleGuide(urlPath:)` take. Null "
        "for a page outside every site.",
    )
    url_path = graphene.String(
        required=True,
        deprecation_reason="Wagtail's tree path, with the site root's slug "
        "('/home/roles/…/'): use `sitePath`. Still accepted by `urlPath` arguments.",
    )

    class Meta:
        name = "PageInterface"

    def resolve_site_path(self, info: GraphQLResolveInfo, **kwargs: Any) -> str | None:
        from cms.seo import frontend_path

        return frontend_path(self)

    def resolve_parent(self, info: GraphQLResolveInfo, **kwargs: Any) -> Page | None:
        from cms.api import loaders

        parent = loaders.live_ancestors(self).get(self.path[: -self.steplen])
        return None if parent is None or loaders.is_restricted(parent) else parent
