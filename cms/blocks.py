"""Blocks any page type can use: the generic layer's, so it never imports a domain app."""

import copy

from wagtail.snippets.blocks import SnippetChooserBlock

from cms.api import loaders


class SharedSnippetChooserBlock(SnippetChooserBlock):
    """Chooses a shared snippet (a tool, company or FAQ entry).

    Loads each distinct snippet once per page, however many times the page uses it (Wagtail's
    own loader sends every repeat to the database, which SQLite then splits into batches), and
    during an API request reuses what the request has loaded already (`cms/api/loaders.py`).
    """

    def bulk_to_python(self, values):
        distinct_ids = list(dict.fromkeys(value for value in values if value is not None))
        loaded = loaders.cached(self.model_class, distinct_ids)
        missing = [pk for pk in distinct_ids if pk not in loaded]
        if missing:
            fetched = dict(zip(missing, super().bulk_to_python(missing), strict=True))
            loaders.remember(self.model_class, {k: v for k, v in fetched.items() if v})
            loaded.update(fetched)
        seen = set()
        result = []
        for value in values:
            obj = loaded.get(value)
            result.append(copy.copy(obj) if obj is not None and value in seen else obj)
            seen.add(value)
        return result
