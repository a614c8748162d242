"""The keys of var/bench.json and their targets: each key's value sits at the top level (as
consumers have always read it) and `targets[key]` says what it should be and whether it is.

A key that cannot be measured in a run (PostgreSQL unreachable, an API field not there yet)
is written as null with the reason in `targets[key]["note"]`; a missed target is written too.
"""

import operator

AT_MOST, AT_LEAST, EQUAL, RECORDED = "≤", "≥", "=", "recorded"

# key: (label, comparison, target value). EQUAL compares the key with another key.
TARGETS = {
    "graphql_vs_rest_ratio_demo": (
        "Full guide query, uncached, GraphQL / Wagtail REST API v2, demo guide",
        AT_MOST,
        0.6,
    ),
    "graphql_vs_rest_ratio_large": ("The same, ~100-block guide", AT_MOST, 1.0),
    "cached_vs_bare_ratio": (
        "Cached GET over HTTP / a bare view returning the same bytes (req/s)",
        AT_LEAST,
        0.8,
    ),
    "cache_hit_ratio_publishing": (
        "Response cache hit ratio, one of 2,000 guides published every second",
        AT_LEAST,
        0.9,
    ),
    "queries_listing_20": (
        "SQL queries, contract listing of 20 = of 100",
        EQUAL,
        "queries_listing_100",
    ),
    "queries_listing_full_20": (
        "SQL queries, every field of 20 guides = of 100 (tests/roles/test_listing_query_counts.py)",
        EQUAL,
        "queries_listing_full_100",
    ),
    "scale_ratio_listing": ("Filtered listing, 10,000 / 100 guides (PostgreSQL)", AT_MOST, 1.5),
    "scale_ratio_page": ("Page by path, 10,000 / 100 guides", AT_MOST, 1.5),
    "scale_ratio_listing_100k": ("Filtered listing, 100,000 / 100 guides", AT_MOST, 1.5),
    "scale_ratio_cursor_deep_100k": (
        "Page 4,000 by cursor / page 1, at 100,000 guides",
        AT_MOST,
        1.5,
    ),
    "scale_ratio_page_100k": ("Page by path, 100,000 / 100 guides", AT_MOST, 1.5),
    "scale_ratio_sitemap_100k": (
        "One sitemap page (100 entries, the last sitemap's), 100,000 / 100 guides",
        AT_MOST,
        1.5,
    ),
    "scale_ratio_search_100k": (
        "Search for a term in 1% of guides, first 20, 100,000 / 100 guides",
        AT_MOST,
        3.0,
    ),
    "scale_ratio_tool_filter_100k": (
        "roleGuides(tool:), 100,000 / 100 guides",
        AT_MOST,
        1.5,
    ),
    "generate_100k_seconds": ("generate_role_guides, 100,000 guides (s)", AT_MOST, 180),
}
SCALE_RATIOS = {
    # key: (question, size of the numerator, size of the denominator, question below)
    "scale_ratio_listing": ("listing", "middle", "small", "listing"),
    "scale_ratio_page": ("page", "middle", "small", "page"),
    "scale_ratio_listing_100k": ("listing", "full", "small", "listing"),
    "scale_ratio_cursor_deep_100k": ("cursor_deep", "full", "full", "cursor_first"),
    "scale_ratio_page_100k": ("page", "full", "small", "page"),
    "scale_ratio_sitemap_100k": ("sitemap", "full", "small", "sitemap"),
    "scale_ratio_search_100k": ("search", "full", "small", "search"),
    "scale_ratio_tool_filter_100k": ("tool_filter", "full", "small", "tool_filter"),
}
FULL_SIZES = {"middle": 10_000, "full": 100_000}


def timings_at(scale, size_name):
    size = scale["sizes"][size_name]
    return scale["ms_small"] if size_name == "small" else scale.get(f"ms_{size}", {})


def scale_keys(scale):
    """{key: ratio or None} from bench/scale.py's output (None: the whole part was skipped)."""
    if scale is None:
        keys = dict.fromkeys(SCALE_RATIOS)
        keys["generate_100k_seconds"] = None
        return keys
    keys = {}
    for key, (question, above, below_size, below) in SCALE_RATIOS.items():
        top, bottom = (
            timings_at(scale, above).get(question),
            timings_at(scale, below_size).get(below),
        )
        keys[key] = top / bottom if top and bottom else None
    keys["generate_100k_seconds"] = scale["generate_seconds"]
    keys["scale"] = scale
    return keys


def scale_note(key, scale):
    """Why a scale key is null or measured on fewer guides than its name says, or ''."""
    if scale is None:
        return "PostgreSQL not reachable: scale part skipped"
    if key == "generate_100k_seconds":
        generated = scale["generated"]
        if generated < 99_000:
            return f"quick run: {generated:,} guides in {scale['generate_seconds']:.0f} s"
        return f"{generated:,} guides; {scale['generate_cpu_seconds']:.0f} s of CPU in Python"
    question, above, _, _ = SCALE_RATIOS[key]
    if question in scale["missing"]:
        return scale["missing"][question]
    size = scale["sizes"][above]
    if size < FULL_SIZES[above]:
        return f"quick run: {size:,} guides (BENCH_SCALE)"
    return ""


def check(report, key):
    label, comparison, target = TARGETS[key]
    value = report.get(key)
    if value is None:
        return None
    if comparison == EQUAL:
        return value == report.get(target)
    compare = operator.le if comparison == AT_MOST else operator.ge
    return compare(value, target)


def targets(report, scale):
    """{key: {label, target, met, note}} for every key in TARGETS."""
    found = {}
    for key, (label, comparison, target) in TARGETS.items():
        shown = f"= {target}" if comparison == EQUAL else f"{comparison} {target}"
        note = scale_note(key, scale) if key in SCALE_RATIOS or key.startswith("generate") else ""
        met = check(report, key)
        if note.startswith("quick run") and key == "generate_100k_seconds":
            met = None  # the target is for 100,000 guides
        found[key] = {"label": label, "target": shown, "met": met, "note": note}
    return found
