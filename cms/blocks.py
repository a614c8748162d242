"""Blocks any page type can use: the generic layer's, so it never imports a domain app."""

import copy

from wagtail.blocks import PageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from cms.api import loaders


class RequestBatchedChooserMixin:
    """For a chooser block: load each distinct chosen object once per page, however many times
    the page uses it (Wagtail's own loader sends every repeat to the database, which SQLite
    then splits into batches), and during an API request reuse what the request has loaded
    already. A listing loads what all its pages choose in one go beforehand
    (`cms.api.loaders.prime_stream_snippets`), so a listing of 100 pages costs what one of 20
    does."""

    def fetch(self, ids):
        """{id: object} for `ids` (distinct), in one go."""
        return dict(zip(ids, super().bulk_to_python(ids), strict=True))

    def bulk_to_python(self, values):
        distinct_ids = list(dict.fromkeys(value for value in values if value is not None))
        loaded = loaders.cached(self.target_model, distinct_ids)
        missing = [pk for pk in distinct_ids if pk not in loaded]
        if missing:
            fetched = self.fetch(missing)
            # Ids that found nothing (a deleted page) are remembered too: not asked again.
            loaders.remember(self.target_model, fetched)
            loaded.update(fetched)
        seen = set()
        result = []
        for value in values:
            obj = loaded.get(value)
            result.append(copy.copy(obj) if obj is not None and value in seen else obj)
            seen.add(value)
        return result


class SharedSnippetChooserBlock(RequestBatchedChooserMixin, SnippetChooserBlock):
    """Chooses a shared snippet (a tool, company or FAQ entry), loaded once per request."""


class PageLinkChooserBlock(RequestBatchedChooserMixin, PageChooserBlock):
    """Chooses a page to link to, loaded once per request as its specific type (two queries
    for any number of pages of one type, where Wagtail's chooser loads the base page and
    leaves the specific one to a query per page)."""

    def fetch(self, ids):
        pages = self.target_model.objects.filter(pk__in=ids).specific()
        by_pk = {page.pk: page for page in pages}
        return {pk: by_pk.get(pk) for pk in ids}
