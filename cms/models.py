from django.db import models
from grapple.models import GraphQLImage, GraphQLString
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="site")
class SeoSettings(BaseSiteSetting):
    """Site-wide search and social defaults, used when a page sets none of its own."""

    site_name = models.CharField(
        max_length=100, default="Role guides", help_text="Shown in social cards and titles."
    )
    default_social_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Used for social cards when a page has neither a social nor a hero image.",
    )

    panels = [FieldPanel("site_name"), FieldPanel("default_social_image")]
    graphql_fields = [
        GraphQLString("site_name", required=True),
        GraphQLImage("default_social_image"),
    ]

    class Meta:
        verbose_name = "SEO settings"
