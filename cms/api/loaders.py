"""Per-request loading, so what a request needs many times is loaded once.

During a GraphQL request, snippets chosen in StreamField blocks (tools, companies, FAQ
entries) are kept in a request-scoped identity map. A listing first collects every snippet id
its pages' bodies use and loads them in one query per model (`prime_stream_snippets`); the
blocks then find them there instead of querying page by page.

The scope also collects the cache tags of what the answer is built from (`record_tags`;
`cms/api/answer_tags.py` records most of them, rich text and SEO settings the rest).
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING

from wagtail import blocks

if TYPE_CHECKING:
    from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
    from typing import Any, TypeVar

    from django.db.models import Model
    from wagtail.blocks import Block
    from wagtail.models import Page

    T = TypeVar("T")

_loaded: ContextVar[dict | None] = ContextVar("api_loaded_snippets", default=None)


@contextmanager
def request_scope() -> Iterator[dict[Any, Any]]:
    """Yields the request's store; `store.get("preview")` tells whether a draft was served,
    `store["tags"]` what the answer was built from (`cms/cache_tags.py`), and
    `store.get("untagged")` whether some of it has no tag (then it is not cached)."""
    store = {"tags": set()}
    token = _loaded.set(store)
    try:
        yield store
    finally:
        _loaded.reset(token)


def mark_preview() -> None:
    """A preview token was used: the answer holds a draft and must never be cached."""
    store = _loaded.get()
    if store is not None:
        store["preview"] = True


def current_store() -> dict[Any, Any] | None:
    """The request's store (None outside a request)."""
    return _loaded.get()


def record_tags(*tags: str) -> None:
    """The answer being built depends on what `tags` name (no-op outside a request)."""
    store = _loaded.get()
    if store is not None:
        store["tags"].update(tags)


def mark_untagged() -> None:
    """The answer depends on something no cache tag describes: it must not be cached."""
    store = _loaded.get()
    if store is not None:
        store["untagged"] = True


def memo(key: Hashable, compute: Callable[[], T]) -> T:
    """`compute()` once per request for `key` (every time outside a request)."""
    store = _loaded.get()
    if store is None:
        return compute()
    memos = store.setdefault("memo", {})
    if key not in memos:
        memos[key] = compute()
    return memos[key]


def cached(model: type[Model], ids: Iterable[Any]) -> dict[Any, Model | None]:
    """{id: object} for the ids already loaded in this request (empty outside a request);
    None for an id that was looked for and not found."""
    store = _loaded.get()
    if store is None:
        return {}
    known = store.get(model, {})
    return {pk: known[pk] for pk in ids if pk in known}


def remember(model: type[Model], objects: Mapping[Any, Model | None]) -> None:
    store = _loaded.get()
    if store is not None:
        store.setdefault(model, {}).update(objects)


def collect_chooser_ids(
    block: Block, raw: Any, found: dict[type[Model], tuple[Block, set[Any]]]
) -> None:
    """Add to `found[model]` (a block that loads that model, and ids) every id that a
    request-batched chooser chose anywhere in `raw`, a block's stored value."""
    from cms.blocks import RequestBatchedChooserMixin

    if raw is None:
        return
    if isinstance(block, RequestBatchedChooserMixin):
        found.setdefault(block.target_model, (block, set()))[1].add(raw)
    elif isinstance(block, blocks.StreamBlock):
        for item in raw:
            child = block.child_blocks.get(item.get("type"))
            if child is not None:
                collect_chooser_ids(child, item.get("value"), found)
    elif isinstance(block, blocks.ListBlock):
        for item in raw:
            value = item.get("value") if isinstance(item, dict) and "type" in item else item
            collect_chooser_ids(block.child_block, value, found)
    elif isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            collect_chooser_ids(child, raw.get(name) if isinstance(raw, dict) else None, found)


def prime_stream_snippets(pages: Sequence[Page], field_name: str) -> None:
    """Load, in one go per model, every snippet and linked page that the pages' StreamField
    `field_name` chooses."""
    if _loaded.get() is None or not pages:
        return
    found: dict[type[Model], tuple[Block, set[Any]]] = {}
    for page in pages:
        stream = getattr(page, field_name)
        collect_chooser_ids(stream.stream_block, list(stream.raw_data), found)
    for model, (block, ids) in found.items():
        missing = ids - set(cached(model, ids))
        if missing:
            fetched = block.fetch(sorted(missing, key=str))
            remember(model, fetched)  # None for an id that found nothing: not asked again


def restricted_paths() -> tuple[str, ...]:
    """The tree paths of the pages with a view restriction (loaded once a request)."""
    from wagtail.models import PageViewRestriction

    return memo(
        "restricted-paths",
        lambda: tuple(PageViewRestriction.objects.values_list("page__path", flat=True)),
    )


def is_restricted(page: Page) -> bool:
    """True when a view restriction covers the page (the restricted paths load once a request)."""
    paths = restricted_paths()
    return page.path.startswith(paths) if paths else False


def ancestor_paths(page: Page) -> list[str]:
    """The tree paths of the page's ancestors below the tree root, top down."""
    step = type(page).steplen
    return [page.path[: step * depth] for depth in range(2, page.depth)]


def live_ancestors(page: Page) -> dict[str, Page]:
    """{path: specific page} for the page's live ancestors below the tree root, restricted ones
    included (callers check `is_restricted`). Loaded by path, one batch per page whose
    ancestors are not known yet and remembered for the request, so a listing of guides that
    share their parents reads them once, however many guides it lists."""
    from wagtail.models import Page

    known = memo("ancestors", dict)
    wanted = ancestor_paths(page)
    missing = [path for path in wanted if path not in known]
    if missing:
        # Pages the request loaded already (a page chosen in a body, say) by their paths.
        loaded = {p.path: p for p in cached_pages() if p.path in missing}
        known.update({path: p if p.live else None for path, p in loaded.items()})
        missing = [path for path in missing if path not in loaded]
    if missing:
        found = list(Page.objects.filter(path__in=missing).live().specific())
        known.update(dict.fromkeys(missing))
        known.update({ancestor.path: ancestor for ancestor in found})
        remember(Page, {ancestor.pk: ancestor for ancestor in found})
    return {path: known[path] for path in wanted if known[path] is not None}


def cached_pages() -> list[Page]:
    """The specific pages this request has loaded by id (ancestors, pages chosen in bodies)."""
    from wagtail.models import Page

    store = _loaded.get()
    pages = store.get(Page, {}).values() if store is not None else ()
    return [page for page in pages if page is not None]


def remember_images(objects: Iterable[Model]) -> None:
    """Load the images the objects' image ForeignKeys name, in one query for those not fetched
    yet, and note them all, so that the collections and tags of all of them load in one query
    each (`image_collection`, `image_tags`) when the first is asked for. Every list an answer
    holds passes through here (`cms/api/list_primers.py`)."""
    store = _loaded.get()
    if store is None:
        return
    from wagtail.images import get_image_model

    image_model = get_image_model()
    images = store.setdefault("images", {})
    unfetched = []
    for obj in objects:
        for field in obj._meta.concrete_fields:
            if not field.is_relation or field.related_model is not image_model:
                continue
            if field.is_cached(obj):
                image = field.get_cached_value(obj)
                if image is not None:
                    images.setdefault(image.pk, image)
            elif getattr(obj, field.attname) is not None:
                unfetched.append((obj, field))
    wanted = {getattr(obj, field.attname) for obj, field in unfetched} - set(images)
    if wanted:
        images.update(image_model.objects.in_bulk(wanted))
    for obj, field in unfetched:
        field.set_cached_value(obj, images.get(getattr(obj, field.attname)))


def remembered_images(image: Model) -> list[Model]:
    store = _loaded.get()
    return [image, *(store or {}).get("images", {}).values()]


def image_collection(image: Model) -> Model:
    """The image's collection, loaded with those of every remembered image."""
    from wagtail.models import Collection

    known = memo("image-collections", dict)
    if image.collection_id not in known:
        wanted = {other.collection_id for other in remembered_images(image)} - set(known)
        known.update(Collection.objects.in_bulk(wanted))
    return known[image.collection_id]


def image_tags(image: Model) -> list[Model]:
    """The image's tags by name, loaded with those of every remembered image."""
    from django.contrib.contenttypes.models import ContentType
    from taggit.models import TaggedItem

    known = memo("image-tags", dict)
    if image.pk not in known:
        wanted = {other.pk for other in remembered_images(image)} - set(known)
        found = {pk: [] for pk in wanted}
        items = TaggedItem.objects.filter(
            content_type=ContentType.objects.get_for_model(type(image)), object_id__in=wanted
        ).select_related("tag")
        for item in items.order_by("tag__name", "tag_id"):
            found[item.object_id].append(item.tag)
        known.update(found)
    return known[image.pk]
