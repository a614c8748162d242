"""Which models a dump holds, which of their fields, and what each reference points to.

- Pages: every page type Wagtail knows (`get_page_models()`); the fields an editor sets on
  every page (title, slug, SEO title, search description, show in menus) and every editable
  field the page type adds (its SEO fields, StreamFields, foreign keys…).
- Snippets: the models that exported objects point to through foreign keys, chooser blocks
  and rich text, other than pages and images; their editable fields, without the draft,
  revision, lock and scheduling bookkeeping.
- Site settings: the models registered with wagtail.contrib.settings, without their `site`.

Publication state, ids, tree paths, owners, locks and schedules are never part of a dump.
"""

from functools import cache

from django.db import models
from wagtail import blocks
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.documents import get_document_model
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Page,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
    get_page_models,
)

from cms.content_transfer.errors import TransferError

PAGE_FIELDS = ("title", "slug", "seo_title", "search_description", "show_in_menus")
PAGE = "page"
IMAGE = "image"
SNIPPET = "snippet"
DOCUMENT = "document"  # not part of format version 1: a dump refuses a document it meets


def label(model):
    """A model's name in a dump: `app_label.model_name`, e.g. `roles.roleguidepage`."""
    return model._meta.label_lower


@cache
def bookkeeping_fields():
    """Fields Wagtail's mixins add for drafts, revisions, locks, workflows and locales."""
    names = set()
    for mixin in (DraftStateMixin, RevisionMixin, LockableMixin, WorkflowMixin, TranslatableMixin):
        names.update(field.name for field in mixin._meta.get_fields())
    return frozenset(names)


def editable_fields(model, exclude=()):
    skipped = bookkeeping_fields() | set(exclude)
    return [
        field
        for field in model._meta.concrete_fields
        if field.editable and not field.primary_key and field.name not in skipped
    ]


@cache
def page_fields(model):
    """The fields of a page type that a dump carries, in a fixed order."""
    own = [
        field
        for field in editable_fields(model)
        if field.model is not Page and not field.name.endswith("_ptr")
    ]
    return tuple(Page._meta.get_field(name) for name in PAGE_FIELDS) + tuple(own)


@cache
def snippet_fields(model):
    return tuple(editable_fields(model))


@cache
def setting_fields(model):
    return tuple(editable_fields(model, exclude=("site",)))


def fields_of(model):
    if issubclass(model, Page):
        return page_fields(model)
    if model in settings_models():
        return setting_fields(model)
    return snippet_fields(model)


def page_models():
    return {label(model): model for model in get_page_models()}


def settings_models():
    return tuple(settings_registry)


def is_site_setting(model):
    return issubclass(model, BaseSiteSetting)


def kind(model):
    """What a reference to `model` is in a dump: a page path, an image file or a natural key."""
    if issubclass(model, Page):
        return PAGE
    if issubclass(model, get_image_model()):
        return IMAGE
    if issubclass(model, get_document_model()):
        return DOCUMENT
    return SNIPPET


def base_model(model):
    """The model whose objects a reference names: Page for every page type."""
    if issubclass(model, Page):
        return Page
    return model._meta.concrete_model


def chooser_models(block):
    """Models chosen anywhere inside a block definition (chooser blocks, at any depth)."""
    if isinstance(block, blocks.ChooserBlock):
        return {block.model_class}
    if isinstance(block, blocks.ListBlock):
        return chooser_models(block.child_block)
    found = set()
    for child in getattr(block, "child_blocks", {}).values():
        found |= chooser_models(child)
    return found


def referenced_models(model):
    """Models that objects of `model` can point to (foreign keys, chooser blocks)."""
    found = set()
    for field in fields_of(model):
        if isinstance(field, models.ForeignKey):
            found.add(field.related_model)
        elif isinstance(field, StreamField):
            found |= chooser_models(field.stream_block)
    return found


@cache
def snippet_models():
    """Every snippet model reachable from the page types and site settings, in dependency
    order: a model comes after the snippet models its objects point to."""
    ordered, seen = [], set()

    def visit(model, trail=()):
        for target in sorted(referenced_models(model), key=label):
            if kind(target) != SNIPPET or target in seen:
                continue
            if target in trail:
                continue  # a cycle: objects pointing at each other are imported in one pass
            visit(target, (*trail, target))
            if target not in seen:
                seen.add(target)
                ordered.append(base_model(target))

    for model in [*get_page_models(), *settings_models()]:
        visit(model)
    return tuple(dict.fromkeys(ordered))


def model_for_label(name, allowed, what):
    """The model called `name` among `allowed` (a dict label -> model), or a clear error."""
    if not isinstance(name, str) or name not in allowed:
        known = ", ".join(sorted(allowed)) or "none"
        raise TransferError(f"unknown {what} '{name}' (this CMS knows: {known})")
    return allowed[name]
