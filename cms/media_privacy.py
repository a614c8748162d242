"""Private images and documents: those in a collection that has a view restriction, or whose
ancestor collection has one (privacy is inherited, as in Wagtail's own document view).

The API never serves them (`cms/api/media.py`), and the development media view below never
serves their files. Documents are served by Wagtail's view at /documents/, which asks for the
login or password; their files are never served from /media/.
"""

import posixpath

from django.conf import settings
from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from django.http import Http404
from django.views.static import serve
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction

# Folders of MEDIA_ROOT that Wagtail writes: original images, image renditions, documents.
ORIGINAL_IMAGES = "original_images/"
RENDITIONS = "images/"
DOCUMENTS = "documents/"


def private_collections():
    """Collections with a view restriction on themselves or an ancestor (one SQL subquery:
    a restriction applies when its collection's tree path is a prefix of this one's)."""
    restriction_above = CollectionViewRestriction.objects.filter(
        collection__path=Substr(OuterRef("path"), 1, Length("collection__path"))
    )
    return Collection.objects.filter(Exists(restriction_above))


def public_only(queryset):
    """`queryset` of images or documents without those in private collections."""
    return queryset.exclude(collection__in=private_collections())


def private_collection_ids():
    """Ids of the private collections, loaded once per API request (one query)."""
    from cms.api.loaders import memo

    return memo(
        "private-collections",
        lambda: frozenset(private_collections().values_list("pk", flat=True)),
    )


def is_private(item):
    """True for an image or document in a private collection."""
    return item.collection_id in private_collection_ids()


def media_file_is_public(name):
    """Whether the file `name` (relative to MEDIA_ROOT) may be served from /media/."""
    if name.startswith(ORIGINAL_IMAGES):
        images = get_image_model().objects.filter(file=name)
    elif name.startswith(RENDITIONS):
        rendition_model = get_image_model().get_rendition_model()
        image_ids = rendition_model.objects.filter(file=name).values("image_id")
        images = get_image_model().objects.filter(pk__in=image_ids)
    else:
        return False  # documents/ and anything else: never from disk
    return public_only(images).exists()


def serve_media(request, path):
    """MEDIA_URL in development (and where SERVE_MEDIA is on): public image files only."""
    if not (settings.DEBUG or getattr(settings, "SERVE_MEDIA", False)):
        raise Http404
    name = posixpath.normpath(path).lstrip("/")
    if name.startswith("..") or not media_file_is_public(name):
        raise Http404("No such file.")
    return serve(request, name, document_root=settings.MEDIA_ROOT)
