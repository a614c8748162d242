"""The search index and the reference index, brought up to date once per imported object.

Wagtail updates both each time an object is saved: a page the import creates and publishes
is saved three times (created, revised, published), and its references and search entry
are worked out again each time. During an import these updates wait, and are made once per
object at the end, inside the import's transaction. The reference index has Wagtail's own
switch (`disable_reference_index_auto_update`); the search index's `post_save` handler is
disconnected for the import's duration (an import runs in a command's process, alone).
"""

from contextlib import contextmanager

from django.db.models.signals import post_save
from modelsearch.index import class_is_indexed, get_indexed_models
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import Page, ReferenceIndex
from wagtail.search.index import insert_or_update_object
from wagtail.signal_handlers import disable_reference_index_auto_update

from cms.content_transfer.keys import batches


@contextmanager
def index_updates_deferred():
    """No index updates on save while the block runs (`update_indexes` makes them)."""
    disconnected = [
        model
        for model in get_indexed_models()
        if post_save.disconnect(post_save_signal_handler, sender=model)
    ]
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        for model in disconnected:
            post_save.connect(post_save_signal_handler, sender=model)


def update_indexes(touched):
    """Index each object of `touched` ({model: ids}) for search and for references, as its
    last save would have."""
    for model, ids in touched.items():
        for batch in batches(sorted(ids)):
            objects = model.objects.filter(pk__in=batch)
            for obj in objects.specific() if model is Page else objects:
                if class_is_indexed(type(obj)):
                    insert_or_update_object(obj)
                if ReferenceIndex.is_indexed(type(obj)):
                    ReferenceIndex.create_or_update_for_object(obj)
