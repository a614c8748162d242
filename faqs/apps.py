from django.apps import AppConfig


class FaqsConfig(AppConfig):
    """Reusable FAQ entries, with drafts and revisions."""

    name = "faqs"
    verbose_name = "FAQs"

    def ready(self):
        from cms.content_transfer.natural_keys import register_natural_key
        from cms.signal_handlers import invalidate_on_change
        from cms.webhooks.events import register_snippet_events
        from faqs import schema  # noqa: F401  (registers the root GraphQL fields)
        from faqs.models import FaqEntry

        invalidate_on_change(FaqEntry, has_drafts=True)
        register_snippet_events(FaqEntry)
        register_natural_key(FaqEntry, "question")  # content dumps name entries by question
