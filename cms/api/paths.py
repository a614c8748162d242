"""Pages by path: what a frontend routes on, and every path value the API returns, accepted back.

A page has two paths. Its path on its site ('/roles/mlops-engineer-2026/', `PageInterface.sitePath`,
`url` with one site, `SitemapEntry.path`) is the public one. Wagtail's tree path starts with the
site root's slug ('/home/roles/mlops-engineer-2026/', the deprecated `PageInterface.urlPath`).
`page(urlPath:)`, `Site.page(urlPath:)` and `roleGuide(urlPath:)` take either, within the site
asked for (by default the requesting one), and match it exactly.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wagtail.models import Site

if TYPE_CHECKING:
    from typing import Any

    from django.db.models import QuerySet
    from django.http import HttpRequest
    from graphql import GraphQLResolveInfo
    from wagtail.models import Page


def site_root_path(request: HttpRequest, site: Site | None = None) -> str | None:
    """The url_path of the site's root page ('/home/'): `site`, else the requesting site.

    With one site (the usual case) this comes from Wagtail's cached site root paths, without a
    query; with several, from the site that matches the request.
    """
    if site is not None:
        return site.root_page.url_path
    root_paths = Site.get_site_root_paths()
    if len(root_paths) == 1:
        return root_paths[0].root_path
    site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
    return site.root_page.url_path if site else None


def tree_paths(path: str | None, root_path: str) -> list[str]:
    """The tree url_paths `path` may name under `root_path`, best first: the path on the site,
    then the path as a tree path (when it starts with the site root's)."""
    relative = (path or "").strip("/")
    on_site = root_path + (relative + "/" if relative else "")
    as_tree = "/" + relative + "/" if relative else "/"
    return [on_site] + ([as_tree] if as_tree != on_site and as_tree.startswith(root_path) else [])


def page_at_path(pages: QuerySet[Page], path: str | None, root_path: str | None) -> Page | None:
    """The page of `pages` at `path` (a path on the site or a tree path), or None."""
    if root_path is None:
        return None
    candidates = tree_paths(path, root_path)
    found = {}
    for page in pages.filter(url_path__in=candidates).order_by("path")[: 2 * len(candidates)]:
        found.setdefault(page.url_path, page)
    return next((found[c] for c in candidates if c in found), None)


def page_by_path(
    info: GraphQLResolveInfo,
    url_path: str | None,
    content_type: str | None = None,
    site: Site | str | None = None,
    **kwargs: Any,
) -> Page | None:
    """`page(urlPath:)` and `Site.page(urlPath:)`: the live, public page at that path in the site
    asked for (`site`, `inSite`, the Site's own) or the requesting site. grapple's lookup matched
    any page whose tree path ended so: '/mlops-engineer-2026/' found the guide."""
    from wagtail.models import Page

    from cms.api.grapple_compat import get_site_filter

    if site is None or isinstance(site, str):
        site = get_site_filter(info, site=site, **kwargs)
    pages = Page.objects.live().public().filter(depth__gt=1)
    if content_type:
        app_label, _, model = content_type.lower().partition(".")
        pages = pages.filter(content_type__app_label=app_label, content_type__model=model)
    page = page_at_path(pages, url_path, site_root_path(info.context, site))
    return page.specific if page is not None else None
