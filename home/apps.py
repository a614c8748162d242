from django.apps import AppConfig


class HomeConfig(AppConfig):
    """The site root page."""

    name = "home"
