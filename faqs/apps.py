from django.apps import AppConfig


class FaqsConfig(AppConfig):
    """Reusable FAQ entries, with drafts and revisions."""

    name = "faqs"
    verbose_name = "FAQs"

    def ready(self):
        from faqs import schema  # noqa: F401  (registers the root GraphQL fields)
