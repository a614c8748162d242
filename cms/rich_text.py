"""Rich text links to pages resolve only when the target is live and public.

A link to a draft, unpublished or private page renders as a plain `<a>` with no href, so
rich text never reveals the URL of content the public cannot see. Rendered rich text is
sanitised (`cms/html_sanitiser.py`).
"""

from wagtail.models import Page
from wagtail.rich_text.pages import PageLinkHandler


class LivePageLinkHandler(PageLinkHandler):
    @classmethod
    def get_many(cls, attrs_list):
        ids = [attrs.get("id") for attrs in attrs_list]
        pages = Page.objects.live().public().filter(id__in=ids).defer_streamfields().specific()
        by_id = {str(page.id): page for page in pages}
        return [by_id.get(str(page_id)) for page_id in ids]
