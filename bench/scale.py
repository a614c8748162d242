"""Part 4 of `make bench`, run in its own process on a fresh PostgreSQL database: the same
questions, uncached, at 100 guides, at 10,000 and at the full size (100,000; `BENCH_SCALE`).
Prints one JSON line: milliseconds per question and size, generation seconds, and the reason
for every question this API cannot ask yet.

The database grows between the measurements, so the two sides of a ratio cannot be
interleaved: each side is the best of several batch medians instead (a busy moment on a
shared machine skews one batch, not all of them).
"""

import json
import os
import sys
import time

from bench.run import graphql_body, median_ms, setup_django

SMALL = 100
MIDDLE = 10_000
FULL = 100_000
# A word put into the intro of one guide in a hundred, and nowhere else.
RARE_TERM = "zyphrantic"
SEARCH_STEP = 100
CURSOR_PAGE = 4_000
PER_PAGE = 20

LISTING_ITEMS = "items { id title slug url roleName year intro category { name slug } }"
QUESTIONS = {
    # The contract's filtered listing, with its totals.
    "listing": None,
    "page": None,
    "cursor_first": f"{{ roleGuides(perPage: {PER_PAGE}) {{ {LISTING_ITEMS} "
    "pageInfo { endCursor hasNextPage } } }",
    "cursor_deep": f"query ($after: String) {{ roleGuides(perPage: {PER_PAGE}, after: $after) "
    f"{{ {LISTING_ITEMS} pageInfo {{ endCursor hasNextPage }} }} }}",
    "sitemap": "query ($after: String) { sitemapListing(perPage: 100, after: $after) { "
    "items { url path lastModified } pageInfo { endCursor hasNextPage } } }",
    "search": "query ($q: String) { search(query: $q, limit: 20) { __typename "
    "... on RoleGuidePage { title url } } }",
    "tool_filter": f'{{ roleGuides(tool: "kubernetes", perPage: {PER_PAGE}) {{ {LISTING_ITEMS} '
    "pagination { total } } }",
}


def full_size():
    """`BENCH_SCALE`: full (100,000, the default), small (1,000) or a number of guides."""
    wanted = os.environ.get("BENCH_SCALE", "full").strip().lower()
    if wanted == "full":
        return FULL
    if wanted == "small":
        return 1_000
    try:
        size = int(wanted.replace(",", "").replace("_", ""))
    except ValueError:
        raise SystemExit(f"BENCH_SCALE must be full, small or a number, not {wanted!r}.") from None
    if size < SMALL * 2:
        raise SystemExit(f"BENCH_SCALE must be at least {SMALL * 2} guides.")
    return size


def missing_api():
    """{question: why it cannot be asked} for the fields this schema does not have."""
    from cms.api.schema import schema

    query = schema.graphql_schema.query_type.fields
    missing = {}
    if "after" not in query["roleGuides"].args:
        missing["cursor_deep"] = "roleGuides has no `after` cursor argument yet"
        missing["cursor_first"] = missing["cursor_deep"]
    if "tool" not in query["roleGuides"].args:
        missing["tool_filter"] = "roleGuides has no `tool` argument yet"
    if "sitemapIndex" not in query or "after" not in query["sitemapListing"].args:
        missing["sitemap"] = "no sitemapIndex / sitemapListing(after:) yet"
    return missing


def post(client, body):
    response = client.post("/graphql/", data=body, content_type="application/json")
    assert response.status_code == 200, response.content[:500]
    assert b'"errors"' not in response.content, response.content[:500]
    return json.loads(response.content)["data"]


def body_of(question, variables=None):
    return json.dumps({"query": QUESTIONS[question], "variables": variables or {}})


def deep_cursor(client, guides):
    """The cursor that starts page CURSOR_PAGE (or the last full page of a smaller run)."""
    page = min(CURSOR_PAGE, guides // PER_PAGE) - 1
    asked = json.dumps(
        {
            "query": f"{{ roleGuides(perPage: {PER_PAGE}, page: {page}) "
            "{ pageInfo { endCursor } } }",
        }
    )
    return post(client, asked)["roleGuides"]["pageInfo"]["endCursor"], page + 1


def last_sitemap_cursor(client):
    asked = json.dumps({"query": "{ sitemapIndex(size: 1000) { sitemaps { after } } }"})
    return post(client, asked)["sitemapIndex"]["sitemaps"][-1]["after"]


def mark_one_guide_in_a_hundred():
    """Put RARE_TERM into the intro of every hundredth guide (by pk) and re-index those."""
    from wagtail.search.backends import get_search_backends

    from roles.models import RoleGuidePage

    marked = RoleGuidePage.objects.order_by("pk")
    pks = list(marked.values_list("pk", flat=True))[::SEARCH_STEP]
    guides = list(RoleGuidePage.objects.filter(pk__in=pks))
    for guide in guides:
        if RARE_TERM not in guide.intro:
            guide.intro = f"{guide.intro} {RARE_TERM}"
    RoleGuidePage.objects.bulk_update(guides, ["intro"])
    for backend in get_search_backends(with_auto_update=True):
        backend.add_bulk(RoleGuidePage, guides)
    return len(guides)


def timed(client, body, rounds):
    def request():
        post(client, body)

    for _ in range(3):
        request()
    return min(median_ms(request, rounds // 5) for _ in range(5))


def measure(client, names, guides, missing, rounds=60):
    """{question: ms} for `names`, at the database's current size of `guides`."""
    from roles.models import RoleGuidePage

    bodies = {}
    if "listing" in names:
        bodies["listing"] = graphql_body(
            "RoleGuides", {"category": "data", "year": 2026, "perPage": PER_PAGE}
        )
    if "page" in names:
        sample = RoleGuidePage.objects.order_by("-pk").first()
        bodies["page"] = graphql_body("RoleGuideByPath", {"path": f"/roles/{sample.slug}/"})
    if "cursor_first" in names and "cursor_first" not in missing:
        bodies["cursor_first"] = body_of("cursor_first")
    if "cursor_deep" in names and "cursor_deep" not in missing:
        after, _ = deep_cursor(client, guides)
        bodies["cursor_deep"] = body_of("cursor_deep", {"after": after})
    if "sitemap" in names and "sitemap" not in missing:
        after = last_sitemap_cursor(client) if guides > SMALL * 2 else None
        bodies["sitemap"] = body_of("sitemap", {"after": after})
    if "search" in names:
        mark_one_guide_in_a_hundred()
        bodies["search"] = body_of("search", {"q": RARE_TERM})
        found = post(client, bodies["search"])["search"]
        assert found and len(found) == min(20, max(1, guides // SEARCH_STEP)), len(found)
    if "tool_filter" in names and "tool_filter" not in missing:
        bodies["tool_filter"] = body_of("tool_filter")
    return {name: timed(client, body, rounds) for name, body in bodies.items()}


def grow(call_command, to, seed):
    """Generate guides until there are `to` (the demo's one included); seconds and CPU seconds."""
    from django.db import connection

    from roles.models import RoleGuidePage

    count = to - RoleGuidePage.objects.count()
    started, cpu = time.monotonic(), time.process_time()
    call_command("generate_role_guides", count=count, seed=seed, stdout=sys.stderr)
    seconds, cpu_seconds = time.monotonic() - started, time.process_time() - cpu
    sys.stderr.write("\n")
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")  # what autovacuum does after a bulk load
    return count, seconds, cpu_seconds


def main():
    setup_django()
    from django.core.management import call_command
    from django.test import Client, override_settings

    full = full_size()
    middle = min(MIDDLE, full)
    quiet = open(os.devnull, "w")  # noqa: SIM115
    call_command("migrate", verbosity=0)
    call_command("load_demo_content", stdout=quiet)
    client = Client(HTTP_HOST="localhost")
    missing = missing_api()
    result = {"sizes": {"small": SMALL, "middle": middle, "full": full}, "missing": missing}
    every = list(QUESTIONS)
    steps = [(middle, ["listing", "page"])] if SMALL < middle < full else []
    generated = seconds = cpu = 0
    with override_settings(API_RESPONSE_CACHE=False):
        grow(call_command, SMALL, seed=3)
        result["ms_small"] = measure(client, every, SMALL, missing)
        sys.stderr.write(f"at {SMALL}: {result['ms_small']}\n")
        for seed, (size, names) in enumerate([*steps, (full, every)], start=4):
            count, took, took_cpu = grow(call_command, size, seed)
            generated, seconds, cpu = generated + count, seconds + took, cpu + took_cpu
            result[f"ms_{size}"] = measure(client, names, size, missing)
            sys.stderr.write(f"at {size}: {result[f'ms_{size}']}\n")
    result.update(generated=generated, generate_seconds=seconds, generate_cpu_seconds=cpu)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
