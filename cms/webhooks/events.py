"""What becomes a webhook event, and its payload: the event type, the object, and the paths
and cache tags to revalidate (`cms.cache_tags`, the names the API's Cache-Tag header uses).

Pages and redirects are connected here. Snippets are registered by the app that owns them, in
its AppConfig.ready(): `register_snippet_events(model)` (drafts: `snippet.published` on
publish; no drafts: on every save; `snippet.deleted` either way).

Each event's rows (one Event, one Delivery per endpoint that wants it) are written inside the
transaction that made the change, so a change that rolls back sends nothing; the tasks that
send them are enqueued when it commits."""

import copy
import json
import threading
from datetime import UTC, datetime

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import DraftStateMixin, Page
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

from cms import cache_tags
from cms.webhooks.models import Delivery, Endpoint, Event, EventType

SNIPPET_MODELS: set[type] = set()


def register_snippet_events(model):
    """Send `snippet.*` events for `model`'s objects."""
    SNIPPET_MODELS.add(model)
    uid = model._meta.label_lower
    if issubclass(model, DraftStateMixin):
        published.connect(snippet_published, sender=model, dispatch_uid=f"webhooks-pub-{uid}")
        unpublished.connect(snippet_unpublished, sender=model, dispatch_uid=f"webhooks-unpub-{uid}")
    else:
        post_save.connect(snippet_saved, sender=model, dispatch_uid=f"webhooks-save-{uid}")
    pre_delete.connect(snippet_deleted, sender=model, dispatch_uid=f"webhooks-del-{uid}")


def connect():
    page_published.connect(page_was_published, dispatch_uid="webhooks-page-published")
    page_unpublished.connect(page_was_unpublished, dispatch_uid="webhooks-page-unpublished")
    post_page_move.connect(page_was_moved, dispatch_uid="webhooks-page-moved")
    # Every deleted page has a base Page row: one event per page, whatever its type.
    pre_delete.connect(page_deleted, sender=Page, dispatch_uid="webhooks-page-deleted")
    post_delete.connect(page_delete_done, sender=Page, dispatch_uid="webhooks-page-deleted-done")
    post_save.connect(redirect_changed, sender=Redirect, dispatch_uid="webhooks-redirect-save")
    post_delete.connect(redirect_changed, sender=Redirect, dispatch_uid="webhooks-redirect-del")


# Payloads --------------------------------------------------------------------------------------


def described(instance, kind, **extra):
    return {
        "type": kind,
        "model": cache_tags.model_name(type(instance)),
        "id": instance.pk,
        "title": getattr(instance, "title", None) or str(instance),
        **extra,
    }


def page_object(page, **extra):
    page = page.specific_deferred if type(page) is Page else page
    return described(page, "page", path=cache_tags.public_path(page), **extra)


def is_object_tag(tag):
    """An object's own tag (page:4, faqs.faqentry:1), not a listing or a broad tag."""
    kind, _, rest = tag.partition(":")
    return bool(rest) and kind != "listing"


def with_paths(tags, paths, extra_paths):
    """The payload's paths (each once, in order) and tags, with at most WEBHOOK_MAX_PATHS paths
    and as many page tags: past it, `truncated` is set and broader tags stand in (`all` for
    paths, the page listings for page tags), so a receiver purges broadly. Object tags are left
    out when `all` is there: it covers them."""
    limit = settings.WEBHOOK_MAX_PATHS
    unique_paths = list(dict.fromkeys(path for path in (*paths, *extra_paths) if path))
    tags = set(tags)
    truncated = False
    if len(unique_paths) > limit:
        unique_paths = unique_paths[:limit]
        tags.add(cache_tags.ALL)
        truncated = True
    if cache_tags.ALL in tags:
        tags = {tag for tag in tags if not is_object_tag(tag)}
    else:
        page_tags = {tag for tag in tags if tag.startswith("page:")}
        if len(page_tags) > limit:
            tags = (tags - page_tags) | cache_tags.page_listing_tags()
            truncated = True
    data = {"paths": unique_paths, "tags": sorted(tags)}
    if truncated:
        data["truncated"] = True
    return data


def page_change(page):
    """The object, paths and tags of a page's publish, unpublish or deletion: its own path
    even when it is no longer live."""
    tags, paths = cache_tags.affected(page)
    return {"object": page_object(page), **with_paths(tags, paths, [cache_tags.public_path(page)])}


def snippet_change(instance):
    tags, paths = cache_tags.affected(instance)
    return {"object": described(instance, "snippet"), **with_paths(tags, paths, [])}


def moved_paths(page, url_path_before, url_path_after):
    """(old path, new path) of the moved page and of each live page below it, as many as a
    payload can carry (WEBHOOK_MAX_PATHS paths) and one more, to tell that there were more."""
    below = page.get_descendants().live().specific().order_by("path")
    pages = [page, *below[: settings.WEBHOOK_MAX_PATHS // 2 + 1]]
    found = []
    for moved in pages:
        before = copy.copy(moved)
        before.url_path = url_path_before + moved.url_path[len(url_path_after) :]
        found.append((cache_tags.public_path(before), cache_tags.public_path(moved)))
    return found


# Writing the outbox ----------------------------------------------------------------------------


def endpoints_for(event_type):
    return [
        endpoint for endpoint in Endpoint.objects.filter(active=True) if endpoint.wants(event_type)
    ]


def emit(event_type, build_data):
    """Write the event and a delivery per endpoint that wants it, in the current transaction
    (`build_data` runs only when some endpoint does); enqueue the sends on commit."""
    from cms.webhooks.delivery import enqueue_on_commit, retry_until

    endpoints = endpoints_for(event_type)
    if not endpoints:
        return None
    payload = {
        "type": str(event_type),
        "timestamp": datetime.now(tz=UTC).isoformat().replace("+00:00", "Z"),
        "data": build_data(),
    }
    with transaction.atomic():
        event = Event.objects.create(type=event_type, body=json.dumps(payload, default=str))
        deliveries = Delivery.objects.bulk_create(
            Delivery(
                event=event,
                endpoint=endpoint,
                retry_until=retry_until(),
                enqueued_for=event.created_at,
            )
            for endpoint in endpoints
        )
        enqueue_on_commit(deliveries)
    return event


# Signal handlers -------------------------------------------------------------------------------


def page_was_published(sender, instance, **kwargs):
    emit(EventType.PAGE_PUBLISHED, lambda: page_change(instance))


# Pages being deleted in this thread: Wagtail unpublishes a live page in its own pre_delete
# handler (connected after this app's, which comes first in INSTALLED_APPS), and that
# unpublish is part of the deletion, not an event of its own.
_deleting = threading.local()


def deleting():
    if not hasattr(_deleting, "pks"):
        _deleting.pks = set()
    return _deleting.pks


def page_was_unpublished(sender, instance, **kwargs):
    pks = deleting()
    if instance.pk in pks:
        # Handled: forget it now, so a deletion that rolls back leaves nothing behind.
        pks.discard(instance.pk)
    else:
        emit(EventType.PAGE_UNPUBLISHED, lambda: page_change(instance))


def page_deleted(sender, instance, **kwargs):
    if instance.live:
        deleting().add(instance.pk)
        emit(EventType.PAGE_DELETED, lambda: page_change(instance))


def page_delete_done(sender, instance, **kwargs):
    deleting().discard(instance.pk)


def page_was_moved(sender, instance, url_path_before, url_path_after, **kwargs):
    if url_path_before == url_path_after:
        return  # reordered among its siblings: no path changed

    def build():
        page = instance.specific
        moves = moved_paths(page, url_path_before, url_path_after)
        tags, paths = cache_tags.affected(page)
        tags.add(cache_tags.ALL)  # it covers the pages below, whose paths changed
        old_path, new_path = moves[0]
        return {
            "object": page_object(page, old_path=old_path),
            **with_paths(tags, paths, [path for move in moves for path in move]),
        }

    emit(EventType.PAGE_MOVED, build)


def snippet_published(sender, instance, **kwargs):
    emit(EventType.SNIPPET_PUBLISHED, lambda: snippet_change(instance))


def snippet_unpublished(sender, instance, **kwargs):
    emit(EventType.SNIPPET_UNPUBLISHED, lambda: snippet_change(instance))


def snippet_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        emit(EventType.SNIPPET_PUBLISHED, lambda: snippet_change(instance))


def snippet_deleted(sender, instance, **kwargs):
    emit(EventType.SNIPPET_DELETED, lambda: snippet_change(instance))


def redirect_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return

    def build():
        tags, _ = cache_tags.affected(instance)
        old_path = instance.old_path
        try:
            target = instance.link
        except Page.DoesNotExist:  # its page was deleted with it
            target = None
        return {
            "object": described(instance, "redirect", path=old_path, target=target),
            **with_paths(tags | {cache_tags.REDIRECTS}, [], [old_path]),
        }

    emit(EventType.REDIRECT_CHANGED, build)
