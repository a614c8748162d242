"""`make load`: 60 seconds of mixed traffic against gunicorn (4 workers) on PostgreSQL and Redis.

Mixes the full guide, listings and FAQ entries; a fixed set of persisted GETs (answered from
the shared cache after the first request) and page-by-path requests spread over many guides
(mostly computed afresh). Reports requests/s, p50/p95/p99 latency, errors (must be 0) and the
workers' memory after the run; writes var/load.json. Needs wrk (`apt-get install wrk`) and the
PostgreSQL database `make bench` builds (it builds a smaller one if that is missing).
"""

import json
import os
import random
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

from bench.run import start_gunicorn

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "var"
PORT = int(os.environ.get("LOAD_PORT", "8932"))
SECONDS = int(os.environ.get("LOAD_SECONDS", "60"))
WORKERS = int(os.environ.get("LOAD_WORKERS", "4"))
PG = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")
DB_URL = PG.rsplit("/", 1)[0] + "/bench_scale"
REDIS_URL = os.environ.get("LOAD_REDIS_URL", "redis://127.0.0.1:6379/13")

WRK_SCRIPT = """
local paths = {%s}
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1], {["Host"] = "localhost"})
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT %%d %%d %%d %%d %%d %%d %%d\\n", summary.requests,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), summary.duration))
end
"""


def ensure_database():
    import psycopg

    with psycopg.connect(DB_URL.rsplit("/", 1)[0] + "/postgres", autocommit=True) as admin:
        exists = admin.execute("SELECT 1 FROM pg_database WHERE datname='bench_scale'").fetchone()
        if not exists:
            admin.execute("CREATE DATABASE bench_scale")
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings", "BENCH_DATABASE_URL": DB_URL}

    def run(*args):
        subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)

    run("migrate", "-v0")
    count = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            "from roles.models import RoleGuidePage; print(RoleGuidePage.objects.count())",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()[-1]
    if int(count) < 1000:
        run("load_demo_content")
        run("generate_role_guides", "--count", "2000")


def guide_paths(env, limit=3000):
    out = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            "from roles.models import RoleGuidePage as P; "
            f"print(' '.join(P.objects.live().values_list('slug', flat=True)[:{limit}]))",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return out


def urls(slugs):
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()
    from cms.api.operations import operations

    def persisted(name, variables):
        return "/graphql/?" + urlencode(
            {
                "variables": json.dumps(variables),
                "extensions": json.dumps(
                    {"persistedQuery": {"version": 1, "sha256Hash": operations()[name].sha256}}
                ),
            }
        )

    cached = [
        persisted("RoleGuideByPath", {"path": "/roles/mlops-engineer-2026/"}),
        persisted("RoleGuides", {"perPage": 20}),
        persisted("RoleGuides", {"category": "data", "year": 2026, "perPage": 20}),
        persisted("FaqEntries", {}),
    ]
    rng = random.Random(5)
    spread = [
        persisted("RoleGuideByPath", {"path": f"/roles/{slug}/"})
        for slug in rng.sample(slugs, min(len(slugs), 3000))
    ]
    spread += [persisted("RoleGuides", {"page": n, "perPage": 20}) for n in range(1, 200)]
    rng.shuffle(spread)
    # Seven cached requests for every three spread over the site.
    mixed = []
    for index, url in enumerate(spread):
        mixed += [
            cached[index % len(cached)],
            cached[(index + 1) % len(cached)],
            cached[(index + 2) % len(cached)],
            url,
        ]
    return mixed


def worker_memory_mb(master_pid):
    children = subprocess.run(["pgrep", "-P", str(master_pid)], capture_output=True, text=True)
    pids = children.stdout.split()
    rss = []
    for pid in pids:
        status = Path(f"/proc/{pid}/status").read_text()
        line = next(line for line in status.splitlines() if line.startswith("VmRSS"))
        rss.append(int(line.split()[1]) / 1024)
    return rss


def main():
    if not shutil.which("wrk"):
        raise SystemExit("The load test needs wrk: apt-get install wrk")
    VAR.mkdir(exist_ok=True)
    print("Preparing PostgreSQL database bench_scale…", flush=True)
    ensure_database()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "BENCH_DATABASE_URL": DB_URL,
        "REDIS_URL": REDIS_URL,
        "CACHE_KEY_PREFIX": f"load-{int(time.time())}",
    }
    paths = urls(guide_paths(env))
    script = VAR / "load.lua"
    script.write_text(WRK_SCRIPT % ", ".join(json.dumps(p) for p in paths))
    server = start_gunicorn(env, PORT, workers=WORKERS)
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(
                    urllib.request.Request(
                        f"http://127.0.0.1:{PORT}{paths[0]}", headers={"Host": "localhost"}
                    ),
                    timeout=5,
                )
                break
            except OSError:
                time.sleep(0.2)
        print(f"Running {SECONDS}s of mixed traffic ({WORKERS} gunicorn workers)…", flush=True)
        output = subprocess.run(
            [
                "wrk",
                "-t2",
                "-c32",
                f"-d{SECONDS}s",
                "--timeout",
                "10s",
                "-s",
                str(script),
                f"http://127.0.0.1:{PORT}/",
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        fields = next(line for line in output.splitlines() if line.startswith("RESULT")).split()[1:]
        requests, socket_errors, status_errors, p50, p95, p99, duration = map(int, fields)
        memory = worker_memory_mb(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=10)
    report = {
        "seconds": duration / 1e6,
        "requests": requests,
        "rps": requests / (duration / 1e6),
        "errors": socket_errors + status_errors,
        "p50_ms": p50 / 1000,
        "p95_ms": p95 / 1000,
        "p99_ms": p99 / 1000,
        "worker_rss_mb": memory,
        "workers": WORKERS,
    }
    (VAR / "load.json").write_text(json.dumps(report, indent=2) + "\n")
    print(
        f"{report['rps']:.0f} req/s over {report['seconds']:.0f}s, errors {report['errors']}, "
        f"p50 {report['p50_ms']:.1f} ms, p95 {report['p95_ms']:.1f} ms, "
        f"p99 {report['p99_ms']:.1f} ms, "
        f"worker memory {', '.join(f'{m:.0f}' for m in memory)} MB"
    )
    print("Wrote var/load.json")
    if report["errors"]:
        raise SystemExit("The load test saw errors.")


if __name__ == "__main__":
    main()
