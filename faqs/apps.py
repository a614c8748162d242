from django.apps import AppConfig


class FaqsConfig(AppConfig):
    """Reusable FAQ entries, with drafts and revisions."""

    name = "faqs"
    verbose_name = "FAQs"
