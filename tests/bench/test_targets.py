"""var/bench.json's targets: a missed target is written as missed, a key that could not be
measured as null with its reason, and the README table is made from them."""

from bench.table import markdown_table
from bench.targets import scale_keys, targets

FULL_SCALE = {
    "sizes": {"small": 100, "middle": 10_000, "full": 100_000},
    "missing": {"tool_filter": "roleGuides has no `tool` argument yet"},
    "ms_small": {"listing": 10.0, "page": 20.0, "cursor_first": 8.0, "cursor_deep": 8.0,
                 "sitemap": 5.0, "search": 10.0},
    "ms_10000": {"listing": 12.0, "page": 20.0},
    "ms_100000": {"listing": 20.0, "page": 22.0, "cursor_first": 8.0, "cursor_deep": 10.0,
                  "sitemap": 6.0, "search": 25.0},
    "generated": 99_900,
    "generate_seconds": 200.0,
    "generate_cpu_seconds": 150.0,
}  # fmt: skip


def report_for(scale, **values):
    report = {"queries_listing_full_20": 10, "queries_listing_full_100": 11, **values}
    report.update(scale_keys(scale))
    report["targets"] = targets(report, scale)
    return report


def test_each_ratio_compares_its_own_sizes_and_says_whether_it_met_its_target():
    report = report_for(FULL_SCALE, graphql_vs_rest_ratio_demo=0.59)
    assert report["scale_ratio_listing"] == 1.2  # 10,000 vs 100
    assert report["scale_ratio_listing_100k"] == 2.0
    assert report["scale_ratio_cursor_deep_100k"] == 1.25  # deep vs page 1, both at 100,000
    assert report["scale_ratio_search_100k"] == 2.5
    met = {key: entry["met"] for key, entry in report["targets"].items()}
    assert met["scale_ratio_listing"] is True and met["scale_ratio_listing_100k"] is False
    assert met["scale_ratio_search_100k"] is True  # its target is 3, not 1.5
    assert met["graphql_vs_rest_ratio_demo"] is True
    assert met["queries_listing_full_20"] is False  # 10 queries for 20 guides, 11 for 100
    assert met["generate_100k_seconds"] is False


def test_a_question_the_api_cannot_ask_is_null_with_its_reason():
    report = report_for(FULL_SCALE)
    assert report["scale_ratio_tool_filter_100k"] is None
    entry = report["targets"]["scale_ratio_tool_filter_100k"]
    assert entry["met"] is None and entry["note"] == "roleGuides has no `tool` argument yet"
    assert "| `scale_ratio_tool_filter_100k` |" in markdown_table(report)
    assert "not measured | roleGuides has no `tool` argument yet |" in markdown_table(report)


def test_without_postgresql_every_scale_key_is_null_and_says_why():
    report = report_for(None)
    assert report["generate_100k_seconds"] is None and report["scale_ratio_page_100k"] is None
    assert report["targets"]["scale_ratio_page_100k"]["note"].startswith("PostgreSQL not reachable")


def test_a_quick_run_says_so_and_does_not_judge_generation_time():
    quick = {
        **FULL_SCALE,
        "sizes": {"small": 100, "middle": 1_000, "full": 1_000},
        "ms_1000": FULL_SCALE["ms_100000"],
        "generated": 900,
    }
    report = report_for(quick)
    assert report["targets"]["scale_ratio_listing_100k"]["note"].startswith("quick run: 1,000")
    assert report["targets"]["generate_100k_seconds"]["met"] is None
