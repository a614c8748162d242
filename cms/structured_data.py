"""JSON-LD generated from a page's content, never typed by hand.

Every page is a schema.org `WebPage` with a `BreadcrumbList`; a page type adds its own nodes
by defining `structured_data_nodes()` (role guides add `Occupation` and `FAQPage`).

Frontends inline JSON-LD in `<script type="application/ld+json">`, where a `</script>` in a
title would end the script. `html_safe_json` writes `<`, `>`, `&`, U+2028 and U+2029 as
`\\u` escapes: the same JSON value, safe to inline anywhere in HTML.
"""

import json

from cms.seo import frontend_url, seo_for

CONTEXT = "https://schema.org"
HTML_UNSAFE_IN_JSON = {
    ord("<"): "\\u003c",
    ord(">"): "\\u003e",
    ord("&"): "\\u0026",
    0x2028: "\\u2028",
    0x2029: "\\u2029",
}


def html_safe_json(value, **kwargs):
    """`json.dumps(value)` with no character that can end or change an HTML script element.

    Those characters only ever occur inside JSON strings, where the escape means the same.
    """
    return json.dumps(value, **kwargs).translate(HTML_UNSAFE_IN_JSON)


def breadcrumb_list(page, page_url):
    from cms.api import loaders

    ancestors = loaders.live_ancestors(page).values()  # top down, read once per request
    trail = [crumb for crumb in ancestors if not loaders.is_restricted(crumb)] + [page]
    return {
        "@type": "BreadcrumbList",
        "@id": f"{page_url}#breadcrumb",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": crumb.title,
                "item": frontend_url(crumb),
            }
            for position, crumb in enumerate(trail, start=1)
        ],
    }


def structured_data_for(page):
    """The JSON-LD document for `page`: one @graph holding every node."""
    seo = seo_for(page)
    page_url = seo.canonical_url
    web_page = {
        "@type": "WebPage",
        "@id": page_url,
        "url": page_url,
        "name": seo.title,
        "description": seo.description,
        "breadcrumb": {"@id": f"{page_url}#breadcrumb"},
    }
    if page.last_published_at:
        web_page["dateModified"] = page.last_published_at.isoformat()
    nodes = [web_page, breadcrumb_list(page, page_url)]
    extra = getattr(page, "structured_data_nodes", None)
    if extra:
        nodes += extra(page_url)
        web_page["mainEntity"] = [{"@id": node["@id"]} for node in nodes[2:]]
    return {"@context": CONTEXT, "@graph": nodes}
