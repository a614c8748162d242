"""What makes cached API answers stale: publishing and every other change to served content.

Each change moves on the versions of the cache tags it touches (`cms.cache_tags.change_tags`:
the object, its model's listings, the sitemap and search where it appears; a broad tag for
redirects, site settings, sites, collections and view restrictions), once now and once more
on commit (`cms.api.response_cache.tags_changed`). Answers built from other content stay
cached: they recorded what they were built from (`cms/api/answer_tags.py`).
"""

from django.db.models.signals import post_delete, post_save
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

from cms.api.response_cache import tags_changed
from cms.cache_tags import ALL, change_tags


def object_changed(sender, instance, **kwargs):
    """`instance` was published, unpublished, saved or deleted."""
    tags_changed(change_tags(instance))


def page_moved(sender, instance, **kwargs):
    """A move changes the paths of the page and its descendants, and two parents' children."""
    tags_changed({ALL})


def page_saved(sender, instance, created=False, **kwargs):
    """A page created live without being published (an alias, say) changes what is served."""
    if isinstance(instance, Page) and created and instance.live:
        object_changed(sender, instance)


# The models, beyond Wagtail's own, whose objects answers show: apps register them in their
# AppConfig.ready() (`invalidate_on_change`), the way wagtail.contrib.frontend_cache is told.
SERVED_MODELS: dict[type, bool] = {}  # model -> has drafts (goes live by publishing)


def invalidate_on_change(model, *, has_drafts=False):
    """Cached answers built from an object of `model` go stale when it is deleted, and when
    it is saved unless the model has drafts (then publishing and unpublishing do it)."""
    SERVED_MODELS[model] = has_drafts
    post_delete.connect(object_changed, sender=model, dispatch_uid=f"api-cache-del-{model}")
    if not has_drafts:
        post_save.connect(object_changed, sender=model, dispatch_uid=f"api-cache-save-{model}")


def connect():
    from cms.models import SeoSettings

    for signal in (page_published, page_unpublished, published, unpublished):
        signal.connect(object_changed, dispatch_uid=f"api-cache-{signal}")
    post_page_move.connect(page_moved, dispatch_uid="api-cache-page-moved")
    post_delete.connect(object_changed, sender=Page, dispatch_uid="api-cache-del-page")
    post_save.connect(page_saved, dispatch_uid="api-cache-page-created")
    restrictions = (PageViewRestriction, CollectionViewRestriction)
    for model in (*restrictions, Redirect, SeoSettings, Site, Collection):
        invalidate_on_change(model)
    invalidate_on_change(get_image_model())
    invalidate_on_change(get_document_model())
