from django.db import models
from grapple.models import GraphQLString
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page


class HomePage(Page):
    """The site root. Role guides live under its 'Roles' section."""

    intro = models.TextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    graphql_fields = [GraphQLString("intro", required=True)]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["roles.RoleIndexPage"]
    max_count = 1
