from django.apps import AppConfig


class CmsConfig(AppConfig):
    """Cross-cutting pieces: the GraphQL view and its visibility rules, rich text, admin setup."""

    name = "cms"
    label = "cms"
    verbose_name = "CMS"

    def ready(self):
        from cms import checks, signal_handlers  # noqa: F401  (checks registers deploy checks)
        from cms.api import sitemap  # noqa: F401  (registers the root GraphQL field)

        signal_handlers.connect()

        from cms import renditions

        renditions.connect()  # contract renditions made on image save and page publish
