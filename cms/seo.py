"""SEO fields every page carries, and the final values a frontend publishes after fallbacks.

title → the page's SEO title, else its title; description → the search description, else the
page type's fallback text (a role guide's intro) as plain text cut at a word near 155
characters; image → the social image, else the page type's fallback (a role guide's hero image),
else the site's default; canonical → the canonical URL, else the page's frontend URL.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.html import strip_tags
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page

from cms.api.safe_urls import safe_url

DESCRIPTION_LENGTH = 155
TITLE_LENGTH = 60


class SeoFieldsMixin(models.Model):
    """Canonical URL, social image and no-index for a page (title and description are Wagtail's)."""

    canonical_url = models.URLField(
        blank=True, help_text="Leave blank to use this page's own URL on the frontend."
    )
    social_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="For social cards (1200×630 works everywhere). Falls back to the hero image.",
    )
    no_index = models.BooleanField(
        default=False,
        help_text="Ask search engines not to index this page; leaves it out of the sitemap.",
    )

    seo_panels = [
        MultiFieldPanel(
            [
                FieldPanel("slug"),
                FieldPanel("seo_title"),
                FieldPanel("search_description"),
                FieldPanel("canonical_url"),
                FieldPanel("social_image"),
                FieldPanel("no_index"),
            ],
            heading="Search and social",
        ),
        MultiFieldPanel([FieldPanel("show_in_menus")], heading="Menus"),
    ]

    class Meta:
        abstract = True

    def seo_fallback_description(self):
        """Text (HTML allowed) to describe the page when no search description is set: a page
        type with an intro overrides this."""
        return ""

    def seo_fallback_image(self):
        """The image for social cards when no social image is set: a page type with a hero
        image overrides this."""
        return None


def shorten(text, length):
    """`text` cut at the last word boundary that fits in `length` characters, with an ellipsis."""
    if len(text) <= length:
        return text
    cut = text[: length - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:–-") + "…"


def plain_text_summary(text, length=DESCRIPTION_LENGTH):
    """Plain text (tags stripped, spaces folded) cut cleanly at a word near `length` characters."""
    return shorten(" ".join(strip_tags(text or "").split()), length)


def frontend_path(page):
    """The page's path relative to its site's root, from Wagtail's cached site root paths."""
    parts = page.get_url_parts()
    return parts[2] if parts else None


def frontend_url(page):
    """The page's address on the public frontend: FRONTEND_BASE_URL + the page's path."""
    return settings.FRONTEND_BASE_URL.rstrip("/") + (frontend_path(page) or "/")


def site_seo_settings(page):
    """The SEO settings of the page's site (unsaved defaults when none are stored), once per
    request."""
    from cms.api import loaders
    from cms.models import SeoSettings

    parts = page.get_url_parts()
    site_id = parts[0] if parts else None
    loaders.record_tags("settings")  # cms.cache_tags.SETTINGS: the answer shows them

    def load():
        return SeoSettings.objects.filter(site_id=site_id).select_related(
            "default_social_image"
        ).first() or SeoSettings(site_id=site_id)

    return loaders.memo(("seo-settings", site_id), load)


@dataclass
class Seo:
    """The values a frontend puts in <head>, after fallbacks."""

    title: str
    description: str
    canonical_url: str
    image: object
    no_index: bool
    site_name: str
    page: object = None


def seo_for(page):
    """The page's SEO values after fallbacks (worked out once per page per request)."""
    from cms.api import loaders

    return loaders.memo(("seo", id(page)), lambda: compute_seo(page))


def compute_seo(page):
    site_settings = site_seo_settings(page)
    image = page.social_image or page.seo_fallback_image() or site_settings.default_social_image
    return Seo(
        title=page.seo_title or page.title,
        description=page.search_description or plain_text_summary(page.seo_fallback_description()),
        canonical_url=safe_url(page.canonical_url) or frontend_url(page),
        image=image,
        no_index=page.no_index,
        site_name=site_settings.site_name,
        page=page,
    )


def title_used_elsewhere(page, title):
    """True when another live page publishes the same title (its SEO title, else its title)."""
    others = Page.objects.live().exclude(pk=page.pk) if page.pk else Page.objects.live()
    return others.filter(Q(seo_title=title) | Q(seo_title="", title=title)).exists()
