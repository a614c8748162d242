"""Live/public filters for fields of grapple's types that `cms/api/schema.py` restricts.

`visibility.py` filters the root fields; these are the other ways in: a site's root page and
`page(…)`, the generic chooser blocks, and the `collections` and `tags` lists.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from taggit.models import Tag, TaggedItem
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from cms.api.grapple_compat import resolve_queryset
from cms.api.preview import resolve_page_lookup
from cms.api.visibility import is_visible

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    from django.db.models import QuerySet
    from graphql import GraphQLResolveInfo
    from wagtail.models import Page, Site


def restricted_collection_filter() -> Q:
    """Q matching collections behind a view restriction, their own or an ancestor's."""
    paths = Collection.objects.filter(view_restrictions__isnull=False).values_list(
        "path", flat=True
    )
    condition = Q(pk__in=[])
    for path in set(paths):
        condition |= Q(path__startswith=path)
    return condition


def public_collections() -> QuerySet[Collection]:
    return Collection.objects.exclude(restricted_collection_filter())


def is_served(instance: object) -> bool:
    """Pages live and public, snippets published, documents outside restricted collections."""
    if instance is None:
        return False
    collection_id = getattr(instance, "collection_id", None)
    if collection_id is not None and isinstance(instance, get_document_model()):
        return public_collections().filter(pk=collection_id).exists()
    return is_visible(instance)


def visible_result(resolve: Callable[..., object]) -> Callable[..., object]:
    """A resolver that answers null where `resolve` would answer hidden content."""

    def resolve_visible(root: object, info: GraphQLResolveInfo, **kwargs: Any) -> object:
        result = resolve(root, info, **kwargs)
        return result if is_served(result) else None

    return resolve_visible


def site_page_resolver(resolve: Callable[..., Page | None]) -> Callable[..., Page | None]:
    """`Site.page`: a token goes through the same checks as the root `page(token:)`."""

    def resolve_page(root: Site, info: GraphQLResolveInfo, **kwargs: Any) -> Page | None:
        return resolve_page_lookup(info, kwargs, lambda: resolve(root, info, **kwargs), site=root)

    return resolve_page


def resolve_public_collections(
    root: object, info: GraphQLResolveInfo, **kwargs: Any
) -> QuerySet[Collection]:
    return resolve_queryset(public_collections(), info, **kwargs)


def resolve_public_descendants(
    root: Collection, info: GraphQLResolveInfo, **kwargs: Any
) -> QuerySet[Collection]:
    return root.get_descendants().exclude(restricted_collection_filter())


def resolve_public_ancestors(
    root: Collection, info: GraphQLResolveInfo, **kwargs: Any
) -> QuerySet[Collection]:
    return root.get_ancestors().exclude(restricted_collection_filter())


def public_tags() -> QuerySet[Tag]:
    """Tags on at least one image or document in a public collection."""
    condition = Q(pk__in=[])
    collections = public_collections()
    for model in (get_image_model(), get_document_model()):
        ids = model.objects.filter(collection__in=collections).values("pk")
        condition |= Q(content_type=ContentType.objects.get_for_model(model), object_id__in=ids)
    return Tag.objects.filter(pk__in=TaggedItem.objects.filter(condition).values("tag_id"))


def resolve_public_tags(root: object, info: GraphQLResolveInfo, **kwargs: Any) -> QuerySet[Tag]:
    return resolve_queryset(public_tags(), info, **kwargs)


def resolve_public_tag(
    root: object, info: GraphQLResolveInfo, id: str | None = None, **kwargs: Any
) -> Tag | None:
    if id is None or not str(id).isdigit():
        return None
    return public_tags().filter(pk=int(id)).first()
