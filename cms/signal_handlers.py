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


def connect():
    from cms.models import SeoSettings
    from faqs.models import FaqEntry
    from roles.models import Category, Company, Tool

    restrictions = (PageViewRestriction, CollectionViewRestriction)
    for signal in (page_published, page_unpublished, post_page_move, published, unpublished):
        signal.connect(content_changed, dispatch_uid=f"api-cache-{signal}")
    for model in (Page, FaqEntry, *restrictions, Category, Company, Tool, Redirect, SeoSettings):
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"api-cache-del-{model}")
    post_delete.connect(content_changed, sender=get_image_model(), dispatch_uid="api-cache-del-img")
    for model in (Site, Collection, get_document_model()):
        post_save.connect(content_changed, sender=model, dispatch_uid=f"api-cache-save-{model}")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"api-cache-del-{model}")
    post_save.connect(page_saved, dispatch_uid="api-cache-page-created")
    # Snippets without drafts are live as soon as they are saved.
    for model in (*restrictions, Category, Company, Tool, Redirect, SeoSettings, get_image_model()):
        post_save.connect(content_changed, sender=model, dispatch_uid=f"api-cache-save-{model}")
