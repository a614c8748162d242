"""Rich text links to pages resolve only when the target is live and public, links to documents
only when the document is public, and image embeds (not an editor feature) render nothing.

A link to a draft, unpublished or private page renders as a plain `<a>` with no href, so
rich text never reveals the URL of content the public cannot see. Rendered rich text is
sanitised (`cms/html_sanitiser.py`).

Every link is recorded as a cache tag of the answer being built (`page:<id>`, `document:<id>`,
hidden targets included): the link gains or loses its href when its target changes.
"""

from wagtail.documents.rich_text import DocumentLinkHandler
from wagtail.images.rich_text import ImageEmbedHandler
from wagtail.models import Page
from wagtail.rich_text.pages import PageLinkHandler

from cms.api.loaders import record_tags


class LivePageLinkHandler(PageLinkHandler):
    @classmethod
    def get_many(cls, attrs_list):
        ids = [attrs.get("id") for attrs in attrs_list]
        record_tags(*(f"page:{page_id}" for page_id in ids if page_id))
        pages = Page.objects.live().public().filter(id__in=ids).defer_streamfields().specific()
        by_id = {str(page.id): page for page in pages}
        return [by_id.get(str(page_id)) for page_id in ids]


class PublicDocumentLinkHandler(DocumentLinkHandler):
    """Links to documents resolve only when the document is outside private collections; a
    link to a private one renders as a plain `<a>`, without the document's id or file name."""

    @classmethod
    def get_many(cls, attrs_list):
        from cms.media_privacy import public_only

        ids = [attrs.get("id") for attrs in attrs_list]
        record_tags(*(f"document:{document_id}" for document_id in ids if document_id))
        numeric = [int(i) for i in ids if str(i).isdigit()]
        documents = public_only(cls.get_model().objects.filter(pk__in=numeric))
        by_id = {str(document.pk): document for document in documents}
        return [by_id.get(str(document_id)) for document_id in ids]


class NoImageEmbedHandler(ImageEmbedHandler):
    """Images are not a rich text feature here: an image embed written outside the admin (the
    shell, an import) renders as nothing, and makes no rendition."""

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        return ["" for _ in attrs_list]
