"""`make bench`: builds its own data, measures both sides of every comparison in the same run,
prints a table and writes var/bench.json.

1. The full role guide query, uncached: GraphQL against Wagtail's REST API v2 for the same
   page, for the demo guide and a generated guide of about 100 blocks (in-process, median ms).
2. A cached GET answer over HTTP on gunicorn against a bare Django view returning the same
   bytes from the same server (requests per second; wrk when installed, else a Python client).
3. SQL queries per request: the page, a 20-guide and a 100-guide listing.
4. Scale on PostgreSQL (when reachable): listing, page, deep cursor, sitemap page, search and
   tool filter at 100, 10,000 and 100,000 guides (`BENCH_SCALE`: full, small = 1,000, or a
   number), and the seconds `generate_role_guides` takes (bench/scale.py).
5. The response cache's hit ratio while one of 2,000 guides is published every second, by tag
   and with the old single content version (`bench/publishing.py`).
"""

import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench.targets import scale_keys, targets

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "var"
PORT = int(os.environ.get("BENCH_PORT", "8931"))


def setup_django(database_url=None):
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    if database_url:
        os.environ["BENCH_DATABASE_URL"] = database_url
    import django

    django.setup()


def say(message):
    print(message, flush=True)


def median_ms(function, rounds):
    timings = []
    for _ in range(rounds):
        started = time.perf_counter()
        function()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def build_sqlite_data():
    from django.core.management import call_command

    say("Building the benchmark database (SQLite, var/bench.sqlite3)…")
    call_command("migrate", verbosity=0)
    call_command("load_demo_content", stdout=open(os.devnull, "w"))  # noqa: SIM115
    call_command("generate_role_guides", count=120, seed=7, stdout=open(os.devnull, "w"))  # noqa: SIM115
    call_command(
        "generate_role_guides",
        count=1,
        seed=8,
        extra_sections=93,
        stdout=open(os.devnull, "w"),  # noqa: SIM115
    )


def graphql_body(name, variables):
    from cms.api.operations import operations

    return json.dumps({"query": operations()[name].text, "variables": variables})


def guide_paths():
    from roles.models import RoleGuidePage

    demo = RoleGuidePage.objects.get(slug="mlops-engineer-2026")
    large = max(RoleGuidePage.objects.all(), key=lambda page: len(page.body.raw_data))
    return {"demo": demo, "large": large}


def compare_with_rest(rounds=60):
    """Part 1: ms per request, GraphQL (uncached) and REST v2, same page, same process."""
    from django.test import Client, override_settings

    client = Client(HTTP_HOST="localhost")
    results = {}
    with override_settings(API_RESPONSE_CACHE=False):
        for label, page in guide_paths().items():
            path = "/" + page.url_path.split("/", 2)[2]
            body = graphql_body("RoleGuideByPath", {"path": path})

            def graphql(body=body):
                response = client.post("/graphql/", data=body, content_type="application/json")
                assert response.status_code == 200 and b'"errors"' not in response.content

            def rest(page=page):
                response = client.get(f"/api/v2/pages/{page.pk}/")
                assert response.status_code == 200, response.content[:300]

            for _ in range(10):
                graphql()
                rest()
            graphql_times, rest_times = [], []
            for _ in range(rounds):  # interleaved, so drift affects both sides alike
                graphql_times.append(median_ms(graphql, 1))
                rest_times.append(median_ms(rest, 1))
            graphql_ms, rest_ms = statistics.median(graphql_times), statistics.median(rest_times)
            blocks = len(page.body.raw_data)
            results[label] = {"blocks": blocks, "graphql_ms": graphql_ms, "rest_ms": rest_ms}
            say(
                f"  {label} guide ({blocks} blocks): "
                f"GraphQL {graphql_ms:.2f} ms, REST {rest_ms:.2f} ms"
            )
    return results


def count_queries():
    """Part 3: SQL queries per request, uncached."""
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="localhost")
    cases = {
        "queries_page": graphql_body("RoleGuideByPath", {"path": "/roles/mlops-engineer-2026/"}),
        "queries_listing_20": graphql_body("RoleGuides", {"perPage": 20}),
        "queries_listing_100": graphql_body("RoleGuides", {"perPage": 100}),
    }
    from tests.roles.test_listing_query_counts import LISTING

    for per_page in (20, 100):
        cases[f"queries_listing_full_{per_page}"] = json.dumps(
            {"query": LISTING, "variables": {"perPage": per_page}}
        )
    counts = {}
    # The test's limits: every field of 100 guides costs more than a frontend's usual answer.
    limits = {"MAX_COST": 10_000_000, "MAX_TOKENS": 5_000}
    with override_settings(API_RESPONSE_CACHE=False, GRAPHQL_LIMITS=limits):
        for name, body in cases.items():
            client.post("/graphql/", data=body, content_type="application/json")
            with CaptureQueriesContext(connection) as captured:
                response = client.post("/graphql/", data=body, content_type="application/json")
            assert b'"errors"' not in response.content
            counts[name] = len(captured)
    return counts


def persisted_get_url():
    from urllib.parse import urlencode

    from cms.api.operations import operations

    operation = operations()["RoleGuideByPath"]
    return "/graphql/?" + urlencode(
        {
            "variables": json.dumps({"path": "/roles/mlops-engineer-2026/"}),
            "extensions": json.dumps(
                {"persistedQuery": {"version": 1, "sha256Hash": operation.sha256}}
            ),
        }
    )


def python_load(url, seconds, threads=8):
    """Requests per second with keep-alive connections from a few threads."""
    import http.client
    import threading

    counts = [0] * threads
    stop = time.monotonic() + seconds

    def worker(slot):
        connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=10)
        while time.monotonic() < stop:
            connection.request("GET", url, headers={"Host": "localhost"})
            response = connection.getresponse()
            response.read()
            if response.status == 200:
                counts[slot] += 1
        connection.close()

    pool = [threading.Thread(target=worker, args=(n,)) for n in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    return sum(counts) / seconds


def wrk_load(url, seconds):
    output = subprocess.run(
        [
            "wrk",
            "-t2",
            "-c16",
            f"-d{seconds}s",
            "-H",
            "Host: localhost",
            f"http://127.0.0.1:{PORT}{url}",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    line = next(line for line in output.splitlines() if line.startswith("Requests/sec"))
    return float(line.split()[1])


def start_gunicorn(env, port, workers):
    """gunicorn serving the CMS with `env`'s settings (the caller terminates it)."""
    return subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "cms.wsgi", "--bind", f"127.0.0.1:{port}",
         "--workers", str(workers), "--log-level", "warning"],
        cwd=ROOT,
        env=env,
    )  # fmt: skip


def compare_with_bare_view(seconds=6):
    """Part 2: a cached GraphQL GET against a bare view returning the same bytes, over HTTP."""
    import urllib.request

    from django.conf import settings

    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings"}
    server = start_gunicorn(env, PORT, workers=2)
    try:
        url = persisted_get_url()
        for _ in range(100):
            try:
                request = urllib.request.Request(
                    f"http://127.0.0.1:{PORT}{url}", headers={"Host": "localhost"}
                )
                answer = urllib.request.urlopen(request, timeout=5).read()
                break
            except OSError:
                time.sleep(0.2)
        settings.BENCH_BARE_FILE.write_bytes(answer)
        load = wrk_load if shutil.which("wrk") else python_load
        tool = "wrk" if load is wrk_load else "python"
        rates = {"cached": [], "bare": []}
        for _ in range(2):
            rates["cached"].append(load(url, seconds))
            rates["bare"].append(load("/bench/bare/", seconds))
        cached, bare = max(rates["cached"]), max(rates["bare"])
        say(f"  cached GraphQL GET {cached:.0f} req/s, bare view {bare:.0f} req/s ({tool})")
        return {
            "cached_rps": cached,
            "bare_rps": bare,
            "load_tool": tool,
            "answer_bytes": len(answer),
        }
    finally:
        server.terminate()
        server.wait(timeout=10)


def postgres_scale():
    """Part 4, in a child process on a fresh PostgreSQL database; None when unreachable."""
    url = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    try:
        import psycopg

        with psycopg.connect(url, autocommit=True, connect_timeout=3) as admin:
            admin.execute("DROP DATABASE IF EXISTS bench_scale")
            admin.execute("CREATE DATABASE bench_scale")
    except Exception as error:  # noqa: BLE001 (any failure means: skip this part)
        say(f"  PostgreSQL not reachable ({error.__class__.__name__}); scale part skipped")
        return None
    scale_url = url.rsplit("/", 1)[0] + "/bench_scale"
    result = subprocess.run(
        [sys.executable, "-m", "bench.scale"],
        cwd=ROOT,
        env={
            **os.environ,
            "BENCH_DATABASE_URL": scale_url,
            "DJANGO_SETTINGS_MODULE": "bench.settings",
        },
        stdout=subprocess.PIPE,  # progress and timings go to stderr, as they come
        text=True,
    )
    if result.returncode:
        raise SystemExit("The scale benchmark failed.")
    return json.loads(result.stdout.strip().splitlines()[-1])


def publishing_hit_ratios():
    """Part 5, in a child process on its own SQLite database (2,000 guides)."""
    result = subprocess.run(
        [sys.executable, "-m", "bench.publishing"],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings"},
        capture_output=True,
        text=True,
    )
    sys.stderr.write(result.stderr[-3000:] if result.returncode else "")
    if result.returncode:
        raise SystemExit("The publishing benchmark failed.")
    return json.loads(result.stdout.strip().splitlines()[-1])


def main():
    VAR.mkdir(exist_ok=True)
    (VAR / "bench.sqlite3").unlink(missing_ok=True)
    setup_django()
    build_sqlite_data()
    say("1. Full role guide query, uncached: GraphQL vs Wagtail REST API v2")
    rest = compare_with_rest()
    say("3. SQL queries per request")
    counts = count_queries()
    say(f"  {counts}")
    say("2. Cached GET over HTTP (gunicorn, 2 workers): GraphQL vs a bare view")
    http = compare_with_bare_view()
    say("4. Scale on PostgreSQL: 100, 10,000 and 100,000 guides (BENCH_SCALE; generates them)")
    scale = postgres_scale()
    say("5. Cache hit ratio while publishing (2,000 guides, one publish a second for 60 s)")
    publishing = publishing_hit_ratios()
    report = {
        "graphql_vs_rest_ratio_demo": rest["demo"]["graphql_ms"] / rest["demo"]["rest_ms"],
        "graphql_vs_rest_ratio_large": rest["large"]["graphql_ms"] / rest["large"]["rest_ms"],
        "cached_vs_bare_ratio": http["cached_rps"] / http["bare_rps"],
        **counts,
        **publishing,
        "rest_comparison": rest,
        "http": http,
    }
    report.update(scale_keys(scale))
    report["targets"] = targets(report, scale)
    (VAR / "bench.json").write_text(json.dumps(report, indent=2) + "\n")
    from bench.table import markdown_table

    say("\n" + markdown_table(report))
    say("\nWrote var/bench.json (bench/table.py --readme puts its table into README.md)")


if __name__ == "__main__":
    main()
