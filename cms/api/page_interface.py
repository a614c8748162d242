"""The page interface every page type implements, with a filtered `parent`.

Kept apart from `visibility.py` because grapple imports it while building its own types.
"""

from grapple.types.interfaces import PageInterface as GrapplePageInterface
from wagtail.models import Page


class PageInterface(GrapplePageInterface):
    """A page of the site. Every page served is live and public."""

    class Meta:
        name = "PageInterface"

    def resolve_parent(self, info, **kwargs):
        parent = self.get_parent()
        if parent is None or parent.depth <= 1:
            return None
        return Page.objects.live().public().filter(pk=parent.pk).specific().first()
