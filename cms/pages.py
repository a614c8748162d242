"""The base of every page type: SEO fields, headless preview with expiring tokens, and the
editor's search-result, social-card and structured-data previews."""

import json

from django.conf import settings
from django.shortcuts import render
from wagtail.models import Page
from wagtail_headless_preview.models import HeadlessPreviewMixin

from cms.api.fields import GraphQLObject
from cms.api.preview import page_from_preview_token, preview_signer, purge_expired_previews
from cms.seo import (
    DESCRIPTION_LENGTH,
    TITLE_LENGTH,
    SeoFieldsMixin,
    seo_for,
    shorten,
    title_used_elsewhere,
)
from cms.structured_data import structured_data_for

PREVIEW_TEMPLATES = {
    "search": "cms/preview/search_result.html",
    "social": "cms/preview/social_card.html",
    "structured-data": "cms/preview/structured_data.html",
}


class BasePage(HeadlessPreviewMixin, SeoFieldsMixin, Page):
    """A page of the site, with search and social fields and previews of both."""

    promote_panels = SeoFieldsMixin.seo_panels
    graphql_fields = [GraphQLObject("seo", lambda: seo_type(), required=True, source="graphql_seo")]

    class Meta:
        abstract = True

    # GraphQL ------------------------------------------------------------------------------
    def graphql_seo(self, info, **kwargs):
        return seo_for(self)

    # Previews -----------------------------------------------------------------------------
    @property
    def preview_modes(self):
        return [
            ("", "Frontend"),
            ("search", "Search result"),
            ("social", "Social card"),
            ("structured-data", "Structured data"),
        ]

    @classmethod
    def get_preview_signer(cls):
        return preview_signer()  # tokens with a random nonce (cms/api/preview.py)

    @classmethod
    def get_page_from_preview_token(cls, token):
        return page_from_preview_token(token)

    def serve_preview(self, request, mode_name):
        if mode_name in PREVIEW_TEMPLATES:
            return render(request, PREVIEW_TEMPLATES[mode_name], self.seo_preview_context())
        purge_expired_previews()
        return super().serve_preview(request, mode_name)

    def seo_preview_context(self):
        seo = seo_for(self)
        warnings = []
        if not self.search_description:
            warnings.append(
                "No search description: search engines will show the intro, cut at "
                f"{DESCRIPTION_LENGTH} characters."
            )
        if len(seo.title) > TITLE_LENGTH:
            warnings.append(
                f"The title is {len(seo.title)} characters; "
                f"search results cut it near {TITLE_LENGTH}."
            )
        if len(self.search_description) > DESCRIPTION_LENGTH:
            warnings.append(
                f"The description is {len(self.search_description)} characters; search results "
                f"cut it near {DESCRIPTION_LENGTH}."
            )
        if title_used_elsewhere(self, seo.title):
            warnings.append("Another live page already uses this title.")
        data = structured_data_for(self)
        return {
            "page": self,
            "seo": seo,
            "warnings": warnings,
            "title_shown": shorten(seo.title, TITLE_LENGTH),
            "description_shown": shorten(seo.description, DESCRIPTION_LENGTH),
            "structured_data": json.dumps(data, indent=2, ensure_ascii=False),
            "frontend_host": frontend_host(),
            "breadcrumb_url": breadcrumb_url(seo.canonical_url),
        }


def frontend_host():
    return settings.FRONTEND_BASE_URL.split("://")[-1].split("/")[0]


def breadcrumb_url(url):
    """'host › roles › guide', the way search results show a URL."""
    host_and_path = url.split("://")[-1].strip("/")
    return " › ".join(part for part in host_and_path.split("/") if part)


def seo_type():
    from cms.api.seo_types import SeoType

    return SeoType
