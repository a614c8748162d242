"""Only live, public content leaves the API.

grapple filters most page queries to live, public pages, but a few of its paths do not:
the generic `snippets` list (which would include unpublished FAQ
drafts), the cross-model `search`, and redirects to unpublished pages (images and documents:
`cms/api/media.py`). This module puts
a filter on each of those, in our code, and `cms/wagtail_hooks.py` swaps them into the schema.
"""

import graphene
from grapple.types.interfaces import get_snippet_interface
from grapple.types.redirects import RedirectsQuery as GrappleRedirectsQuery
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import DraftStateMixin, Page
from wagtail.search.backends import get_search_backend

from cms.api.search_input import clean_search_query


def live_public_pages():
    return Page.objects.live().public()


def is_visible(instance):
    """True for content the public may see: live pages outside view restrictions,
    published snippets, and anything without a draft state."""
    if isinstance(instance, Page):
        return live_public_pages().filter(pk=instance.pk).exists()
    if isinstance(instance, DraftStateMixin):
        return instance.live
    return True


def visible_snippet_objects(model):
    queryset = model._default_manager.all()
    if issubclass(model, DraftStateMixin):
        queryset = queryset.filter(live=True)
    return queryset


def SnippetsQuery():  # noqa: N802 (mirrors grapple's factory)
    from grapple.registry import registry

    class Mixin:
        snippets = graphene.List(
            graphene.NonNull(get_snippet_interface),
            required=True,
            description="Every published snippet. Drafts are never listed.",
        )

        def resolve_snippets(self, info, **kwargs):
            return [
                obj
                for snippet_type in registry.snippets
                for obj in visible_snippet_objects(snippet_type._meta.model)
            ]

    return Mixin


def SearchQuery():  # noqa: N802
    from django.apps import apps
    from grapple.registry import registry

    class SearchResult(graphene.Union):
        class Meta:
            name = "Search"
            types = tuple(registry.class_models.values())

    class Mixin:
        search = graphene.List(
            graphene.NonNull(SearchResult),
            query=graphene.String(),
            required=True,
            description="Full-text search over live, public pages and published snippets.",
        )

        def resolve_search(self, info, query=None, **kwargs):
            query = clean_search_query(query)
            if not query:
                return []
            backend = get_search_backend()
            results = []
            for app_label in registry.apps:
                for model in apps.get_app_config(app_label).get_models():
                    if model not in registry.class_models:
                        continue
                    if issubclass(model, Page):
                        queryset = model.objects.live().public()
                    elif hasattr(model, "search_fields"):
                        queryset = visible_snippet_objects(model)
                    else:
                        continue
                    results += list(backend.search(query, queryset))
            return results

    return Mixin


class RedirectsQuery(GrappleRedirectsQuery):
    """Redirects whose target is a URL or a live, public page."""

    def resolve_redirects(self, info, **kwargs):
        redirects = GrappleRedirectsQuery.resolve_redirects(self, info, **kwargs)
        page_ids = {r.redirect_page_id for r in redirects if r.redirect_page_id}
        visible_ids = set(live_public_pages().filter(pk__in=page_ids).values_list("pk", flat=True))
        return [r for r in redirects if r.redirect_page_id in (None, *visible_ids)]


def replace_leaky_query_mixins(query_mixins):
    """Swap grapple's unfiltered root fields for the filtered ones above, in place."""
    from cms.api.media import public_media_query
    from cms.api.preview import PagesQuery

    replacements = {"snippets": SnippetsQuery(), "search": SearchQuery(), "pages": PagesQuery()}
    for index, mixin in enumerate(query_mixins):
        if "images" in vars(mixin):  # public collections only: cms/api/media.py
            query_mixins[index] = public_media_query(mixin, "images", get_image_model)
            continue
        if "documents" in vars(mixin):
            query_mixins[index] = public_media_query(mixin, "documents", get_document_model)
            continue
        if mixin is GrappleRedirectsQuery:
            query_mixins[index] = RedirectsQuery
            continue
        for field_name, replacement in replacements.items():
            if field_name in vars(mixin):
                query_mixins[index] = replacement
