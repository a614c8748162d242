from django.apps import AppConfig


class RolesConfig(AppConfig):
    """Role guide pages, their typed blocks and the shared tools and companies."""

    name = "roles"

    def ready(self):
        from cms.api.limits import register_stream_sizes
        from cms.api.list_primers import register_list_primer
        from cms.api.safe_urls import register_url_field
        from cms.cache_tags import register_change_tags
        from cms.run_links import register_run_link
        from cms.signal_handlers import invalidate_on_change
        from cms.webhooks.events import register_snippet_events
        from roles import schema  # noqa: F401  (registers the root GraphQL fields)
        from roles.demo.links import demo_guide_link
        from roles.edition_loaders import edition_loader, role_tags
        from roles.models import Category, Company, RoleGuidePage, Tool

        # Shared snippets without drafts: live, and shown in answers, as soon as saved.
        for model in (Category, Company, Tool):
            invalidate_on_change(model)
            register_snippet_events(model)
        register_run_link(demo_guide_link)
        # Guides in any list the API serves: their editions load together, when first asked.
        register_list_primer(RoleGuidePage, lambda guides: edition_loader().expect(guides))
        # Answers that list a role's editions are tagged with the role: a change to one of its
        # guides refreshes them, and only them.
        register_change_tags(RoleGuidePage, role_tags)

        # The API serves and costs a guide's body by the bounds its blocks state.
        body = RoleGuidePage._meta.get_field("body").stream_block
        register_stream_sizes("RoleGuidePage", "body", body)
        # URLs editors type: served only when following them cannot run script.
        for type_name, field_name in (
            ("Tool", "website"),
            ("Company", "website"),
            ("CallToActionBlock", "linkUrl"),
            ("CallToActionBlock", "href"),
        ):
            register_url_field(type_name, field_name)

        # Cross-role facts (tools, skills, salaries of live guides) follow publishing; lists
        # of tools load their guides together.
        from cms.api.answer_tags import register_type_tags
        from roles import cross_role, facts

        facts.connect()
        register_list_primer(Tool, cross_role.expect_tools)
        register_type_tags("SalaryComparisonRow", cross_role.comparison_tags)

        # searchListing(category:, year:) narrows guides by their FilterFields.
        from roles import search_filters

        search_filters.register()
