"""Draft previews through GraphQL: `page(token: …)` returns the draft a token was issued for.

Tokens come from wagtail-headless-preview when an editor presses Preview. Theirs never expire
and hold only the page's identity and a timestamp, so anyone with the secret key could forge
one; ours (`PreviewSigner`) also carry a random nonce, expire (PREVIEW_TOKEN_MAX_AGE, one hour
by default), are bound to one page, and every way a token can be wrong has its own error code.
A token, even an empty one, never falls back to the live page.
"""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.signing import BadSignature, SignatureExpired, TimestampSigner

from cms.api import grapple_compat, loaders
from cms.api.errors import ApiError, ErrorCode
from cms.api.grapple_compat import PREVIEW_SIGNER_SALT, PagePreview

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    from graphql import GraphQLResolveInfo
    from wagtail.models import Page, Site

SIGNER_SALT = PREVIEW_SIGNER_SALT  # wagtail-headless-preview's salt: its tokens are ours


NONCE_BYTES = 32  # 256 random bits: the page and the time are not enough to forge a token


class PreviewSigner(TimestampSigner):
    """Signs a page identity with a timestamp and a random nonce of its own."""

    def sign(self, value: str) -> str:
        return super().sign(f"{value};nonce={secrets.token_urlsafe(NONCE_BYTES)}")


def preview_signer() -> PreviewSigner:
    return PreviewSigner(salt=SIGNER_SALT)


def invalid_token(message: str = "The preview token is invalid.") -> ApiError:
    return ApiError(message, ErrorCode.PREVIEW_TOKEN_INVALID)


def token_identity(token: object) -> dict[str, str]:
    """What a valid, unexpired token stands for: {'id': …} or {'parent_id': …, 'page_type': …}."""
    if not isinstance(token, str) or len(token) > 500:
        raise invalid_token()
    if not token.strip():
        raise invalid_token("The preview token is empty.")
    try:
        identifier = preview_signer().unsign(token, max_age=settings.PREVIEW_TOKEN_MAX_AGE)
    except SignatureExpired as error:
        raise ApiError(
            "The preview token has expired. Press Preview in the admin for a new one.",
            ErrorCode.PREVIEW_TOKEN_EXPIRED,
        ) from error
    except BadSignature as error:
        raise invalid_token() from error
    identity = dict(pair.split("=", 1) for pair in identifier.split(";") if "=" in pair)
    if len(identity.get("nonce", "")) < NONCE_BYTES:
        raise invalid_token()  # issued without a nonce: guessable from the page and the time
    return identity


def page_from_preview_token(token: object) -> Page:
    """The draft page a token stands for, or an ApiError with a code saying why not."""
    identity = token_identity(token)
    preview = PagePreview.objects.filter(token=token).first()
    if preview is None:
        raise ApiError(
            "No preview is stored for this token (it may have been cleaned up).",
            ErrorCode.PREVIEW_TOKEN_INVALID,
        )
    page = preview.as_page()
    if "id" in identity and str(page.pk) != identity["id"]:
        raise ApiError("The preview token is invalid.", ErrorCode.PREVIEW_TOKEN_INVALID)
    loaders.mark_preview()
    return page


def public_paths(page: Page) -> set[str]:
    """The paths that name `page` exactly: its tree path ('home/roles/x') and its path on the
    site whose root holds it ('roles/x'), without slashes at either end."""
    from wagtail.models import Site

    full = (page.url_path or "").strip("/")
    paths = {full}
    for root in Site.get_site_root_paths():
        root_path = root.root_path.strip("/")
        if full == root_path or full.startswith(root_path + "/"):
            paths.add(full[len(root_path) :].strip("/"))
    return paths


def check_token_matches(
    page: Page,
    id: int | str | None = None,
    slug: str | None = None,
    url_path: str | None = None,
    content_type: str | None = None,
) -> None:
    """A token is bound to one page: any other lookup argument must name that same page."""
    mismatched = (
        (id is not None and str(id) != str(page.pk))
        or (slug is not None and slug != page.slug)
        or (url_path is not None and url_path.strip("/") not in public_paths(page))
        or (content_type is not None and content_type.lower() != page._meta.label_lower)
    )
    if mismatched:
        raise ApiError(
            "This preview token was issued for another page.", ErrorCode.PREVIEW_TOKEN_PAGE_MISMATCH
        )


def purge_expired_previews() -> int:
    """Delete stored previews whose token has expired or no longer verifies. Returns the count."""
    signer = preview_signer()
    expired = []
    for preview_id, token in PagePreview.objects.values_list("pk", "token"):
        try:
            signer.unsign(token, max_age=settings.PREVIEW_TOKEN_MAX_AGE)
        except BadSignature:
            expired.append(preview_id)
    PagePreview.objects.filter(pk__in=expired).delete()
    return len(expired)


def PagesQuery() -> type:  # noqa: N802 (mirrors grapple's factory)
    """grapple's `page`/`pages` fields, with token lookups going through the checks above."""
    base = grapple_compat.PagesQuery()

    class Mixin(base):
        def resolve_page(self, info: GraphQLResolveInfo, **kwargs: Any) -> Page | None:
            return resolve_page_lookup(
                info, kwargs, lambda: base.resolve_page(self, info, **kwargs)
            )

    return Mixin


def resolve_page_lookup(
    info: GraphQLResolveInfo,
    kwargs: dict[str, Any],
    resolve_live: Callable[[], Page | None],
    site: Site | None = None,
) -> Page | None:
    """A `page(…)` lookup, at the root or on a Site: a token gives its own draft through every
    check above; a path alone is matched exactly (a site path or a tree path); anything else
    is the live lookup `resolve_live()`."""
    token = kwargs.get("token")
    if token is None:
        if kwargs.get("url_path") and not (kwargs.get("id") or kwargs.get("slug")):
            from cms.api.paths import page_by_path

            if site is None:  # the root field: its `site`/`inSite` arguments name the site
                return page_by_path(info, **kwargs)
            return page_by_path(info, kwargs["url_path"], kwargs.get("content_type"), site=site)
        return resolve_live()
    page = page_from_preview_token(token)
    check_token_matches(
        page,
        id=kwargs.get("id"),
        slug=kwargs.get("slug"),
        url_path=kwargs.get("url_path"),
        content_type=kwargs.get("content_type"),
    )
    return page
