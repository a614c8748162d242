"""Root GraphQL fields for FAQ entries. Only published entries are served."""

import graphene
from grapple.helpers import register_graphql_schema
from grapple.registry import registry

from faqs.models import FaqEntry


def faq_entry_type():
    return registry.snippets[FaqEntry]


@register_graphql_schema
class FaqQuery:
    faq_entries = graphene.NonNull(
        graphene.List(graphene.NonNull(faq_entry_type)),
        topic=graphene.String(description="Only entries with this topic."),
        description="Published FAQ entries, by question.",
    )
    faq_entry = graphene.Field(
        faq_entry_type,
        id=graphene.ID(required=True),
        description="One published FAQ entry. Null for an unknown or unpublished id.",
    )

    def resolve_faq_entries(self, info, topic=None):
        entries = FaqEntry.objects.live()
        if topic:
            entries = entries.filter(topic=topic)
        return entries

    def resolve_faq_entry(self, info, id):
        if not str(id).isdigit():
            return None
        return FaqEntry.objects.live().filter(pk=int(id)).first()
