"""Which image renditions exist: the policy the API applies, and the ones made ahead of time.

Renditions are files resized from an original; making one of a large photo takes about half a
second and adds to the disk, so a public API must not make them on any request's whim.

- Policy (`IMAGE_RENDITIONS` in settings): `srcSet` takes widths from `WIDTHS` (at most
  `MAX_SRCSET_SIZES`), in the original format or one of `FORMATS`; `rendition` takes one of
  `FILTERS` or `width-N` from `WIDTHS`, each optionally with a format. Widths past the
  original's are never made: a srcset stops at the first width that covers the original.
- Each rendition a query may make costs `COST` (cms/api/media.py registers it), and one request
  makes at most `MAX_NEW_PER_REQUEST` new ones (RENDITION_LIMIT_EXCEEDED past that).
- The renditions the frontend contract's operations ask for are made when an image is saved and
  when a page is published, for the images the page uses, so readers never wait for them.
"""

import logging
from functools import cache

from django.conf import settings
from django.db import transaction
from django.db.models import ForeignKey
from graphql import FieldNode, Undefined, parse, value_from_ast_untyped, visit
from graphql.language import Visitor
from wagtail.images import get_image_model
from wagtail.images.utils import to_svg_safe_spec

logger = logging.getLogger(__name__)

# The `rendition` arguments that make a filter spec, in grapple's order (`width-640|format-webp`).
SPEC_ARGUMENTS = ("max", "min", "width", "height", "fill", "format", "bgcolor")


def policy(name):
    """One value of the rendition policy, `settings.IMAGE_RENDITIONS` (its only definition)."""
    return settings.IMAGE_RENDITIONS[name]


def allowed_filter_specs(widths, formats, filters):
    """Every filter spec the API may make (also grapple's ALLOWED_IMAGE_FILTERS)."""
    bases = [*filters, *(f"width-{width}" for width in widths)]
    return [*bases, *(f"{base}|format-{fmt}" for base in bases for fmt in formats)]


def allowed_specs():
    return allowed_filter_specs(policy("WIDTHS"), policy("FORMATS"), policy("FILTERS"))


def filter_spec(arguments):
    """The filter spec for `rendition`'s arguments, e.g. {"fill": "1200x630"} → fill-1200x630."""
    return "|".join(
        f"{name}-{arguments[name]}" for name in SPEC_ARGUMENTS if arguments.get(name) is not None
    )


def srcset_widths(image, widths):
    """The widths of `widths` (sorted) worth making for `image`: those narrower than the
    original, and the first one that covers it (made at the original's size, never larger)."""
    kept = []
    for width in sorted(set(widths)):
        kept.append(width)
        if image.width and width >= image.width:
            break
    return kept


def srcset_specs(image, widths, fmt=None):
    suffix = f"|format-{fmt}" if fmt else ""
    return [f"width-{width}{suffix}" for width in srcset_widths(image, widths)]


def svg_safe(image, specs):
    """SVGs keep only the vector-safe part of each spec (as grapple does), else the original."""
    if not image.is_svg():
        return specs
    return list(dict.fromkeys(to_svg_safe_spec(spec) or "original" for spec in specs))


# Renditions the frontend contract asks for ---------------------------------------------------


class _RenditionFields(Visitor):
    def __init__(self):
        super().__init__()
        self.found = []

    def enter_field(self, node: FieldNode, *args):
        if node.name.value not in ("srcSet", "rendition"):
            return
        arguments = {}
        for argument in node.arguments:
            value = value_from_ast_untyped(argument.value)
            if value is Undefined:  # a variable: not known ahead
                return
            arguments[argument.name.value] = value
        if node.name.value == "srcSet":
            sizes = tuple(size for size in arguments.get("sizes") or () if isinstance(size, int))
            self.found.append(("srcSet", sizes, arguments.get("format")))
        else:
            self.found.append(("rendition", filter_spec(arguments), None))


@cache
def contract_renditions():
    """Every (field, sizes or spec, format) the contract's operations ask for with literals."""
    from cms.api.operations import OPERATIONS_DIR

    collector = _RenditionFields()
    for path in sorted(OPERATIONS_DIR.glob("**/*.graphql")):
        visit(parse(path.read_text(encoding="utf-8")), collector)
    return tuple(dict.fromkeys(collector.found))


def contract_specs(image):
    """The filter specs the contract's operations make for `image`."""
    specs = []
    for field, value, fmt in contract_renditions():
        if field == "srcSet":
            specs += srcset_specs(image, value, fmt)
        elif value:
            specs.append(value)
    return svg_safe(image, list(dict.fromkeys(specs)))


def pregenerate(images):
    """Make the contract's renditions of each public image that lacks them."""
    from cms.media_privacy import public_only

    images = [image for image in images if image is not None]
    if not images:
        return
    public = set(
        public_only(get_image_model().objects.filter(pk__in=[i.pk for i in images])).values_list(
            "pk", flat=True
        )
    )
    for image in images:
        if image.pk not in public:
            continue
        try:
            image.get_renditions(*contract_specs(image))
        except OSError:  # a missing or unreadable original (SourceImageIOError)
            logger.warning("Could not make the renditions of image %s", image.pk, exc_info=True)


def images_used_by(page):
    """Images a page refers to: image foreign keys (hero, social image) and images chosen in its
    StreamFields, found the way Wagtail's reference index finds them."""
    from wagtail.fields import StreamField

    image_model = get_image_model()
    ids = set()
    for field in page._meta.get_fields():
        if isinstance(field, ForeignKey) and field.related_model is image_model:
            value = getattr(page, field.attname)
            if value:
                ids.add(value)
        elif isinstance(field, StreamField):
            stream = getattr(page, field.attname)
            for model, object_id, _path, _content in field.stream_block.extract_references(stream):
                if model is image_model:
                    ids.add(int(object_id))
    return list(image_model.objects.filter(pk__in=ids))


def image_saved(sender, instance, **kwargs):
    transaction.on_commit(lambda: pregenerate([instance]))


def page_published(sender, instance, **kwargs):
    page = instance.specific
    transaction.on_commit(lambda: pregenerate(images_used_by(page)))


def connect():
    from django.db.models.signals import post_save
    from wagtail.signals import page_published as published

    post_save.connect(image_saved, sender=get_image_model(), dispatch_uid="renditions-image")
    published.connect(page_published, dispatch_uid="renditions-page")
