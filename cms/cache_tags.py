"""Cache tags: the names of what an answer was built from, so that a change invalidates only
the answers that used it (the response cache, a CDN's purge by tag, a frontend's
`revalidateTag`), and the public paths a change touches (a frontend's `revalidatePath`).

One naming scheme, used by the response cache and by webhook payloads alike:

- `page:<id>`: one page (its fields, its URL, a link to it);
- `<app_label>.<model>:<id>`: one snippet, e.g. `faqs.faqentry:12`, `roles.tool:3`;
- `image:<id>`, `document:<id>`;
- `listing:<app_label>.<model>`: any list of that page type or snippet (`roleGuides`, `tools`);
- `sitemap`, `search`, `redirects`, `settings`;
- `all`: everything (what no narrower tag describes: sites, collections, privacy, moves, and a
  page with descendants, whose title and slug show in their breadcrumbs and paths). Every
  cached answer depends on it.

A change to a model with no objects of its own in answers bumps one broad tag instead of
object tags (`broad_tags`): redirects → `redirects`, site settings → `settings`, sites,
collections and view restrictions → `all`.

Generic: it names no domain model; a model's tag comes from its app label and model name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache
from urllib.parse import quote

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import IntegerField, Model, QuerySet, Subquery
from django.db.models.functions import Cast
from django.urls import NoReverseMatch, reverse
from django.utils.http import RFC3986_SUBDELIMS
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex, Site

ALL = "all"
SITEMAP = "sitemap"
SEARCH = "search"
REDIRECTS = "redirects"
SETTINGS = "settings"


# Models whose change bumps a broad tag (by label): they have no objects of their own in answers.
BROAD_MODELS = {
    "wagtailredirects.redirect": frozenset({REDIRECTS}),
    "wagtailcore.site": frozenset({ALL}),
    "wagtailcore.collection": frozenset({ALL}),
    "wagtailcore.pageviewrestriction": frozenset({ALL}),
    "wagtailcore.collectionviewrestriction": frozenset({ALL}),
}


def model_name(model: type[Model]) -> str:
    return model._meta.label_lower


def broad_tags(model: type[Model]) -> frozenset[str] | None:
    """The broad tag(s) a change to any object of `model` bumps; None when it has its own tags."""
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting

    if issubclass(model, BaseSiteSetting | BaseGenericSetting):
        return frozenset({SETTINGS})
    return BROAD_MODELS.get(model_name(model))


@cache
def tag_prefix(model: type[Model]) -> str:
    """'page:', 'image:', 'document:' or '<app_label>.<model>:' (worked out once per model)."""
    from wagtail.images.models import AbstractRendition

    if issubclass(model, Page):
        return "page:"
    if issubclass(model, get_image_model() | AbstractRendition):
        return "image:"
    if issubclass(model, get_document_model()):
        return "document:"
    return f"{model_name(model)}:"


def tag_for(model: type[Model], pk: object) -> str:
    """The tag of the object of `model` with primary key `pk` (loaded or not)."""
    return f"{tag_prefix(model)}{pk}"


def object_tag(instance: Model) -> str:
    """The tag of one object (a rendition is its image)."""
    from wagtail.images.models import AbstractRendition

    if isinstance(instance, AbstractRendition):
        return f"image:{instance.image_id}"
    return tag_for(type(instance), instance.pk)


def listing_tag(model: type[Model]) -> str:
    """The tag of every list of `model` (for a page, of its specific type)."""
    return f"listing:{model_name(model)}"


def scoped_listing_tag(model: type[Model], scope: str) -> str:
    """The tag of the lists of `model` narrowed to one scope, e.g. every edition of one role:
    'listing:roles.roleguidepage:role=mlops-engineer'. A domain app records it where its lists
    are narrower than the whole model, and names it in `register_change_tags`."""
    return f"{listing_tag(model)}:{scope}"


# Extra tags a change makes stale, by model: (model, tagger(instance) -> tags). Registered by
# domain apps in their AppConfig.ready() (`register_change_tags`).
CHANGE_TAGGERS: list[tuple[type[Model], Callable[[Model], Iterable[str]]]] = []


def register_change_tags(model: type[Model], tagger: Callable[[Model], Iterable[str]]) -> None:
    """A change to an instance of `model` also makes `tagger(instance)` stale (signals,
    webhooks and CDN purges all carry them)."""
    CHANGE_TAGGERS.append((model, tagger))


def page_listing_tags() -> frozenset[str]:
    """The listing tags of every page type: what a list of pages of any type depends on."""
    from django.apps import apps

    return frozenset(listing_tag(m) for m in apps.get_models() if issubclass(m, Page))


def change_tags(instance: Model) -> set[str]:
    """What a change to `instance` (publish, unpublish, save, delete) makes stale."""
    broad = broad_tags(type(instance))
    if broad is not None:
        return set(broad)
    tags = {object_tag(instance)}
    specific = getattr(instance, "specific_class", None) or type(instance)
    tags.add(listing_tag(specific))
    if isinstance(instance, Page):
        tags |= {SITEMAP, SEARCH}
        if instance.numchild:  # its title and slug show in its descendants' breadcrumbs, paths
            tags.add(ALL)
    elif specific in searchable_models():
        tags.add(SEARCH)
    for model, tagger in CHANGE_TAGGERS:
        if isinstance(instance, model):
            tags.update(tagger(instance))
    return tags


def coarsened(tag: str) -> frozenset[str]:
    """Broader tags that every change `tag` names also bumps (an object's: its model's
    listings), for when an answer names too many objects to list them one by one."""
    kind, _, rest = tag.partition(":")
    if not rest or kind == "listing":
        return frozenset({tag})
    if kind == "page":
        return page_listing_tags()
    if kind == "image":
        return frozenset({listing_tag(get_image_model())})
    if kind == "document":
        return frozenset({listing_tag(get_document_model())})
    return frozenset({f"listing:{kind}"})


def searchable_models() -> set[type[Model]]:
    from wagtail.search.index import get_indexed_models

    return set(get_indexed_models())


def referring_page_ids(instance: Model) -> QuerySet:
    """The ids of the pages whose content uses `instance`, as a subquery of Wagtail's reference
    index (choosers in StreamFields, foreign keys such as a hero image, rich-text links)."""
    page_type = ContentType.objects.get_for_model(Page)  # cached by Django after the first
    return (
        ReferenceIndex.get_references_to(instance)
        .filter(base_content_type=page_type)
        .annotate(source_id=Cast("object_id", output_field=IntegerField()))
        .values("source_id")
    )


def public_path(page: Page) -> str | None:
    """The page's path on its site ('/roles/mlops-engineer-2026/'), None when it has none."""
    parts = page.get_url_parts()
    return parts[2] if parts else None


class PublicPaths:
    """Public paths from url_paths, with the site root paths read once (what
    `Page.get_url_parts` does for each page, without a request: the first site whose root
    holds the page; its path as `wagtail_serve` reverses it)."""

    def __init__(self) -> None:
        self.roots = [root.root_path for root in Site.get_site_root_paths()]
        self.by_page = getattr(settings, "WAGTAIL_I18N_ENABLED", False)  # per-language URLs
        try:
            self.prefix: str | None = reverse("wagtail_serve", args=("",))
        except NoReverseMatch:  # headless without Wagtail's serve view: no page has a path
            self.prefix = None

    def __call__(self, url_path: str) -> str | None:
        if self.by_page:
            return public_path(Page(url_path=url_path))
        root = next((root for root in self.roots if url_path.startswith(root)), None)
        if root is None or self.prefix is None:
            return None
        path = self.prefix + quote(url_path[len(root) :], safe=RFC3986_SUBDELIMS + "/~:@")
        if not getattr(settings, "WAGTAIL_APPEND_SLASH", True) and path != "/":
            path = path.rstrip("/")
        return path


def affected(instance: Model) -> tuple[set[str], list[str]]:
    """(tags, public paths) a change to `instance` makes stale: its own, and those of every
    live page that uses it (an FAQ entry used on 50 guides gives those 50 paths).

    Cheap at any number of referring pages: their ids and url_paths in one query, the site
    root paths read once."""
    tags = change_tags(instance)
    pages: list[tuple[int, str]] = []
    if isinstance(instance, Page) and instance.live:
        pages.append((instance.pk, instance.url_path))
    if not isinstance(instance, Page | Site):
        referring = Page.objects.live().filter(pk__in=Subquery(referring_page_ids(instance)))
        pages += referring.order_by("path").values_list("id", "url_path")
    if not pages:
        return tags, []
    path_of = PublicPaths()
    paths: dict[str, None] = {}  # ordered, deduplicated
    for pk, url_path in pages:
        tags.add(tag_for(Page, pk))
        path = path_of(url_path)
        if path:
            paths[path] = None
    return tags, list(paths)
