from django.apps import AppConfig


class RolesConfig(AppConfig):
    """Role guide pages, their typed blocks and the shared tools and companies."""

    name = "roles"

    def ready(self):
        from cms.api.limits import register_stream_sizes
        from roles import schema  # noqa: F401  (registers the root GraphQL fields)
        from roles.models import RoleGuidePage

        # The API serves and costs a guide's body by the bounds its blocks state.
        body = RoleGuidePage._meta.get_field("body").stream_block
        register_stream_sizes("RoleGuidePage", "body", body)
