"""Root GraphQL fields for FAQ entries. Only published entries are served."""

import graphene
from grapple.helpers import register_graphql_schema

from cms.api.grapple_compat import registry
from cms.api.listing import listing_type, page_arguments, paginate, window, window_arguments
from faqs.models import FaqEntry


def faq_entry_type():
    return registry.snippets[FaqEntry]


FaqEntryListing = listing_type(
    "FaqEntryListing",
    faq_entry_type,
    "One page of published FAQ entries, with totals for pagination.",
)


def published_entries(topic=None):
    entries = FaqEntry.objects.live().order_by("question", "pk")
    return entries.filter(topic=topic) if topic else entries


@register_graphql_schema
class FaqQuery:
    faq_entries = graphene.NonNull(
        graphene.List(graphene.NonNull(faq_entry_type)),
        topic=graphene.String(description="Only entries with this topic."),
        description="Published FAQ entries, by question.",
        **window_arguments(),
    )
    faq_entry_listing = graphene.Field(
        graphene.NonNull(FaqEntryListing),
        topic=graphene.String(description="Only entries with this topic."),
        description="Published FAQ entries, by question, paginated.",
        **page_arguments(),
    )
    faq_entry = graphene.Field(
        faq_entry_type,
        id=graphene.ID(required=True),
        description="One published FAQ entry. Null for an unknown or unpublished id.",
    )

    def resolve_faq_entries(self, info, topic=None, limit=None, offset=None):
        return window(published_entries(topic), limit, offset)

    def resolve_faq_entry_listing(self, info, topic=None, page=1, per_page=None):
        return paginate(FaqEntryListing, published_entries(topic), page, per_page)

    def resolve_faq_entry(self, info, id):
        if not str(id).isdigit():
            return None
        return FaqEntry.objects.live().filter(pk=int(id)).first()
