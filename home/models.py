from django.db import models
from grapple.models import GraphQLString
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from cms.pages import BasePage


class HomePage(BasePage):
    """The site root. Role guides live under its 'Roles' section."""

    intro = models.TextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    graphql_fields = BasePage.graphql_fields + [GraphQLString("intro", required=True)]

    parent_page_types = ["wagtailcore.Page"]

    def seo_fallback_description(self):
        return self.intro

    subpage_types = ["roles.RoleIndexPage"]
    max_count = 1
