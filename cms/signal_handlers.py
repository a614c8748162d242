"""What makes cached API answers stale: publishing and every other change to served content."""

from django.db.models.signals import post_delete, post_save
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

from cms.api.response_cache import content_changed


def page_saved(sender, instance, created=False, **kwargs):
    """A page created live without being published (an alias, say) changes what is served."""
    if isinstance(instance, Page) and created and instance.live:
        content_changed()


# The models, beyond Wagtail's own, whose objects answers show: apps register them in their
# AppConfig.ready() (`invalidate_on_change`), the way wagtail.contrib.frontend_cache is told.
SERVED_MODELS: dict[type, bool] = {}  # model -> has drafts (goes live by publishing)


def invalidate_on_change(model, *, has_drafts=False):
    """Cached answers go stale when an object of `model` is deleted, and when one is saved
    unless the model has drafts (then publishing and unpublishing do it, for every model)."""
    SERVED_MODELS[model] = has_drafts
    post_delete.connect(content_changed, sender=model, dispatch_uid=f"api-cache-del-{model}")
    if not has_drafts:
        post_save.connect(content_changed, sender=model, dispatch_uid=f"api-cache-save-{model}")


def connect():
    from cms.models import SeoSettings

    for signal in (page_published, page_unpublished, post_page_move, published, unpublished):
        signal.connect(content_changed, dispatch_uid=f"api-cache-{signal}")
    post_delete.connect(content_changed, sender=Page, dispatch_uid="api-cache-del-page")
    post_save.connect(page_saved, dispatch_uid="api-cache-page-created")
    restrictions = (PageViewRestriction, CollectionViewRestriction)
    for model in (*restrictions, Redirect, SeoSettings, Site, Collection):
        invalidate_on_change(model)
    invalidate_on_change(get_image_model())
    invalidate_on_change(get_document_model())
