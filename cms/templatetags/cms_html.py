"""Template filters for HTML the CMS renders itself."""

from django import template
from django.utils.safestring import mark_safe

from cms.html_sanitiser import sanitise_html

register = template.Library()


@register.filter
def sanitised_html(html):
    """Rich text HTML through the sanitiser, marked safe for the template."""
    return mark_safe(sanitise_html(html))  # noqa: S308 - sanitised by nh3


@register.filter
def safe_href(url):
    """A stored URL only when following it cannot run script (cms/api/safe_urls.py), else ""."""
    from cms.api.safe_urls import safe_url

    return safe_url(url) or ""
