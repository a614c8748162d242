"""Editions: next year's guide of a role, started in one step from this year's.

A role guide is an annual product ("MLOps Engineer Jobs & Internships 2026"). Every edition of
a role shares its `role_slug`; each links to the one it was started from (`previous_edition`).
"""

import re

from django.db import transaction
from wagtail.models import Page
from wagtail.permissions import page_permission_policy

from roles.models import MAX_YEAR, RoleGuidePage

SLUG_MAX_LENGTH = Page._meta.get_field("slug").max_length
TITLE_MAX_LENGTH = Page._meta.get_field("title").max_length
ADD_PAGE = "add_page"


class NewEditionRefused(Exception):
    """The next edition cannot be started; `message` says why, for the editor."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def next_year(guide):
    return guide.year + 1


def next_year_is_too_late(guide):
    """Whether the next edition would pass MAX_YEAR (a 2100 guide has no 2101 edition)."""
    return next_year(guide) > MAX_YEAR


def too_late_message(guide):
    year = next_year(guide)
    return f"The {year} edition cannot be started: guides go up to {MAX_YEAR}."


def can_start_next_edition(guide, user):
    """Whether `user` may start the next edition of `guide`: they may add a page where the guide
    is (Wagtail's 'add' permission on its parent or above, which also lets them see the guide).

    No query per guide: Wagtail caches a user's page permissions for the request, so page
    listings can ask this of every row.
    """
    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    return any(
        grant.permission.codename == ADD_PAGE and guide.is_descendant_of(grant.page)
        for grant in page_permission_policy.get_cached_permissions_for_user(user)
    )


def year_pattern(year):
    """`year` standing alone: '2026' in 'Jobs 2026' and 'mlops-engineer-2026', not in '20261'."""
    return re.compile(rf"(?<!\d){year}(?!\d)")


def replace_year(text, old_year, new_year):
    """`text` with `old_year` replaced by `new_year` wherever it stands alone."""
    return year_pattern(old_year).sub(str(new_year), text)


def with_year(text, old_year, new_year, *, separator, max_length):
    """`text` for the next edition: its year replaced, or the new year appended (after
    `separator`, shortening the text to fit `max_length`) when it names none."""
    if year_pattern(old_year).search(text):
        return replace_year(text, old_year, new_year)
    suffix = f"{separator}{new_year}"
    return text[: max_length - len(suffix)].rstrip(separator) + suffix


def next_canonical_url(url, old_year, new_year):
    """The next edition's canonical URL: `url` with its year replaced, or '' (the guide's own
    address) when it names no year: a copied canonical URL would point at last year's page."""
    return replace_year(url, old_year, new_year) if year_pattern(old_year).search(url) else ""


def next_edition_fields(source):
    """The fields the next edition of `source` differs in."""
    old_year, new_year = source.year, next_year(source)
    title = with_year(source.title, old_year, new_year, separator=" ", max_length=TITLE_MAX_LENGTH)
    return {
        "title": title,
        "draft_title": title,
        "slug": with_year(
            source.slug, old_year, new_year, separator="-", max_length=SLUG_MAX_LENGTH
        ),
        "year": new_year,
        "seo_title": replace_year(source.seo_title, old_year, new_year),
        "search_description": replace_year(source.search_description, old_year, new_year),
        "canonical_url": next_canonical_url(source.canonical_url, old_year, new_year),
        "previous_edition": source,
        # Last year's schedule and lock are not the new draft's.
        "go_live_at": None,
        "expire_at": None,
        "locked": False,
        "locked_by": None,
        "locked_at": None,
    }


def describe(guide):
    state = "live" if guide.live else "a draft"
    return f"'{guide.get_admin_display_title()}' ({state}, /{guide.slug}/)"


def refusal(source, parent, fields):
    """Why the next edition of `source` cannot be started under `parent`, or None."""
    year = fields["year"]
    if not source.live:
        return (
            f"'{source.get_admin_display_title()}' is not live: publish it first, so that the "
            f"{year} edition starts from published content."
        )
    if next_year_is_too_late(source):
        return too_late_message(source)
    existing = (
        RoleGuidePage.objects.filter(role_slug=source.role_slug, year=year)
        .exclude(role_slug="")  # each guide without a role slug is a role of its own
        .order_by("pk")
        .first()
    )
    if existing is not None:
        return f"The {year} edition of {source.role_name} already exists: {describe(existing)}."
    clash = parent.get_children().filter(slug=fields["slug"]).specific().first()
    if clash is not None:
        return (
            f"The slug '{fields['slug']}' is already used by {describe(clash)} under "
            f"'{parent.get_admin_display_title()}': change that page's slug first."
        )
    return None


def start_next_edition(guide, user):
    """A draft of `guide`'s next edition (year + 1) in the same parent, made by Wagtail's copy.

    It starts from the guide's **published** content, never from an unsaved or unpublished
    draft of it: the copy is made from the page's own row, which Wagtail keeps equal to the
    live revision, and the guide's revisions are not copied (the latest of them may be
    someone's draft). The year is replaced in the title, slug, SEO title, search description
    and canonical URL (appended to a title or slug that has none; a canonical URL without it
    is cleared); the role slug, category and every
    shared snippet the body refers to (tools, companies, FAQ entries) are the same objects;
    `previous_edition` is the guide. The draft is not live, was never published, and has one
    revision, made by `user`; the page history logs Wagtail's copy.

    Raises NewEditionRefused when the guide is not live, the year would pass MAX_YEAR, the role
    already has a guide for that year (live or draft), or the new slug is taken under the
    parent. Permissions are the caller's to check (`can_start_next_edition`).
    """
    with transaction.atomic():
        # Locked, so that two editors starting the same edition at once make one.
        source = RoleGuidePage.objects.select_for_update().get(pk=guide.pk)
        parent = source.get_parent()
        fields = next_edition_fields(source)
        message = refusal(source, parent, fields)
        if message:
            raise NewEditionRefused(message)
        return source.copy(
            to=parent,
            update_attrs=fields,
            copy_revisions=False,
            keep_live=False,
            user=user,
        )
