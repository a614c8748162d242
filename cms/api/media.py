"""Images and documents in the API: only public ones, and only the renditions the policy allows.

- Root fields (`images`, `image`, `documents`, `document`, and their search) filter out items
  in private collections in SQL (`cms/media_privacy.py`); their search works on Wagtail 8 and
  takes its words through `clean_search_query`.
- Every other field typed as an image or document (a hero image, a logo, the social image,
  chooser blocks, a rendition's image) answers null for a private one, and lists drop them:
  `protect_media_fields` wraps them all, found by walking the built schema.
- `ImageObjectType.srcSet` and `.rendition` follow `cms/renditions.py`: allowed widths, formats
  and filters only (else BAD_USER_INPUT), no upscaling, a cost per rendition they may make, and
  a cap on new renditions per HTTP request, shared by a batch's operations
  (RENDITION_LIMIT_EXCEEDED).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import QuerySet
from graphql import GraphQLObjectType, default_field_resolver, get_named_type
from wagtail.images.models import Filter

from cms import renditions
from cms.api.errors import ApiError, ErrorCode
from cms.api.grapple_compat import get_media_item_url, grapple_settings, resolve_queryset
from cms.api.limits import register_field_cost
from cms.api.search_input import check_search_window, clean_search_query
from cms.media_privacy import is_private, private_collections, public_only

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from typing import Any

    from django.db.models import Model
    from django.http import HttpRequest
    from graphql import GraphQLResolveInfo, GraphQLSchema
    from wagtail.images.models import AbstractImage, AbstractRendition

MEDIA_TYPES = ("ImageObjectType", "DocumentObjectType")

SRCSET_DESCRIPTION = (
    "A srcset of renditions. `sizes`: 1 to 5 widths from the allowed list (by default 320, "
    '640, 960, 1280, 1920); `format`: "webp", or none for the original\'s. Widths past the '
    "original's are left out, except the first, made at the original's width."
)
RENDITION_DESCRIPTION = (
    'One rendition. Allowed by default: `fill: "1200x630"`, or `width` from the srcSet '
    'widths; either optionally with `format: "webp"`.'
)


# Cost ---------------------------------------------------------------------------------------


def src_set_cost(arguments: dict[str, Any]) -> int:
    return renditions.policy("COST") * len(arguments.get("sizes") or ())


def rendition_cost(arguments: dict[str, Any]) -> int:
    return renditions.policy("COST")


register_field_cost("ImageObjectType", "srcSet", src_set_cost)
register_field_cost("ImageObjectType", "rendition", rendition_cost)


# Renditions ---------------------------------------------------------------------------------


def spend_new_renditions(request: HttpRequest | None, count: int) -> None:
    """Count `count` new renditions against the HTTP request's cap, shared by every operation
    of a batch (no cap without a request)."""
    if request is None:
        return
    made = getattr(request, "_new_renditions", 0)
    cap = renditions.policy("MAX_NEW_PER_REQUEST")
    if made + count > cap:
        raise ApiError(
            f"One request may make at most {cap} new image renditions; the ones made so far "
            "are kept, so ask again for the rest.",
            ErrorCode.RENDITION_LIMIT_EXCEEDED,
        )
    request._new_renditions = made + count


def renditions_of(
    image: AbstractImage, specs: Sequence[str], request: HttpRequest | None
) -> dict[str, AbstractRendition]:
    """{spec: rendition} for `image`, making the missing ones within the request's cap."""
    filters = [Filter(spec=spec) for spec in specs]
    existing = image.find_existing_renditions(*filters)
    missing = sum(1 for f in filters if f not in existing)
    if missing:
        spend_new_renditions(request, missing)
    return image.get_renditions(*filters)


def checked_format(fmt: str | None) -> str | None:
    if fmt is not None and fmt not in renditions.policy("FORMATS"):
        allowed = ", ".join(renditions.policy("FORMATS"))
        raise ApiError(f"Format '{fmt}' is not allowed; use one of: {allowed}, or none.")
    return fmt


def checked_widths(sizes: list[int] | None) -> list[int]:
    widths = renditions.policy("WIDTHS")
    allowed = ", ".join(str(width) for width in widths)
    if not sizes:
        raise ApiError(f"srcSet needs `sizes`: widths from {allowed}.")
    maximum = renditions.policy("MAX_SRCSET_SIZES")
    if len(sizes) > maximum:
        raise ApiError(f"srcSet takes at most {maximum} sizes.")
    refused = [size for size in sizes if size not in widths]
    if refused:
        raise ApiError(f"Width {refused[0]} is not allowed in srcSet; use widths from {allowed}.")
    return sizes


def resolve_src_set(  # noqa: A002
    image: AbstractImage,
    info: GraphQLResolveInfo,
    sizes: list[int] | None = None,
    format: str | None = None,
    preserve_svg: bool = True,
    **kwargs: Any,
) -> str:
    widths = checked_widths(sizes)
    fmt = checked_format(format)
    if not image.file.name:
        return ""
    specs = renditions.srcset_specs(image, widths, fmt)
    if preserve_svg:
        specs = renditions.svg_safe(image, specs)
    made = renditions_of(image, specs, info.context)
    return ", ".join(f"{get_media_item_url(r)} {r.width}w" for r in made.values())


def resolve_rendition(
    image: AbstractImage, info: GraphQLResolveInfo, preserve_svg: bool = True, **arguments: Any
) -> AbstractRendition:
    spec = renditions.filter_spec(arguments)
    given = {name for name, value in arguments.items() if value is not None}
    if spec not in renditions.allowed_specs() or given - set(renditions.SPEC_ARGUMENTS):
        allowed = ", ".join(renditions.allowed_specs())
        raise ApiError(f"Rendition '{spec or 'original'}' is not allowed; allowed: {allowed}.")
    specs = renditions.svg_safe(image, [spec]) if preserve_svg else [spec]
    return renditions_of(image, specs, info.context)[specs[0]]


# Privacy ------------------------------------------------------------------------------------


def without_private(result: object) -> object:
    if result is None:
        return None
    if isinstance(result, QuerySet | list | tuple):
        return [item for item in result if item is None or not is_private(item)]
    return None if is_private(result) else result


def public_media_result(resolve: Callable[..., object] | None) -> Callable[..., object]:
    """Wrap a resolver of an image or document field: private items become null or are left
    out of lists (the private collections load once per request)."""
    resolve = resolve or default_field_resolver

    def resolve_public(root: object, info: GraphQLResolveInfo, **kwargs: Any) -> object:
        return without_private(resolve(root, info, **kwargs))

    resolve_public.public_media = True
    return resolve_public


def protect_media_fields(graphql_schema: GraphQLSchema) -> None:
    """Wrap every field typed as an image or a document (or a list of them), and replace the
    rendition fields' resolvers. Run once on the built schema (`cms/api/schema.py`)."""
    media_types = {graphql_schema.type_map[name] for name in MEDIA_TYPES}
    for graphql_type in graphql_schema.type_map.values():
        if not isinstance(graphql_type, GraphQLObjectType) or graphql_type.name.startswith("__"):
            continue
        for field in graphql_type.fields.values():
            if get_named_type(field.type) in media_types and not getattr(
                field.resolve, "public_media", False
            ):
                field.resolve = public_media_result(field.resolve)
    image_type = graphql_schema.type_map["ImageObjectType"]
    image_type.fields["srcSet"].resolve = resolve_src_set
    image_type.fields["srcSet"].description = SRCSET_DESCRIPTION
    image_type.fields["rendition"].resolve = resolve_rendition
    image_type.fields["rendition"].description = RENDITION_DESCRIPTION


# Root fields --------------------------------------------------------------------------------


def public_collection_search(
    model: type[Model],
    info: GraphQLResolveInfo,
    search_query: str | None,
    limit: int | None = None,
    offset: int | None = None,
    **kwargs: Any,
) -> list[Model]:
    """Search public images or documents.

    Wagtail 8's search backends cannot filter on a join, so search first and leave out the
    (few) items in private collections, reading only as many results as the page needs.
    """
    query = clean_search_query(search_query)
    if query is None:
        return []
    private_ids = set(
        model.objects.filter(collection__in=private_collections()).values_list("pk", flat=True)
    )
    operator = kwargs.get("search_operator") or "and"
    operator = str(getattr(operator, "value", operator))
    offset = int(offset or 0)
    size = min(int(limit or grapple_settings.PAGE_SIZE), grapple_settings.MAX_PAGE_SIZE)
    check_search_window(offset, size)
    results = model.objects.all().search(query, operator=operator)
    collection = kwargs.get("collection")
    found = [
        item
        for item in results[: offset + size + len(private_ids)]
        if item.pk not in private_ids
        and (collection is None or str(item.collection_id) == str(collection))
    ]
    return found[offset : offset + size]


def public_media_query(
    mixin: type, field_name: str, model_getter: Callable[[], type[Model]]
) -> type:
    """grapple's images/documents mixin with every lookup limited to public collections, and
    search that works on Wagtail 8."""
    single = field_name[:-1]

    def queryset() -> QuerySet:
        model = model_getter()
        found = public_only(model.objects.all())
        return found.prefetch_renditions() if hasattr(found, "prefetch_renditions") else found

    def resolve_many(self: object, info: GraphQLResolveInfo, **kwargs: Any) -> object:
        if kwargs.get("search_query"):
            kwargs["search_query"] = clean_search_query(kwargs["search_query"])
            if kwargs["search_query"] is None:
                return []
            if not kwargs.get("id"):
                return public_collection_search(model_getter(), info, **kwargs)
        return resolve_queryset(queryset(), info, **kwargs)

    def resolve_one(  # noqa: A002
        self: object, info: GraphQLResolveInfo, id: str | None = None, **kwargs: Any
    ) -> Model | None:
        if id is None:
            return None
        return queryset().filter(pk=id).first()

    return type(
        mixin.__name__,
        (mixin,),
        {f"resolve_{field_name}": resolve_many, f"resolve_{single}": resolve_one},
    )
