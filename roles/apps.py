from django.apps import AppConfig


class RolesConfig(AppConfig):
    """Role guide pages, their typed blocks and the shared tools and companies."""

    name = "roles"

    def ready(self):
        from roles import schema  # noqa: F401  (registers the root GraphQL fields)
