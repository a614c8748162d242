"""`make bench`, part 5: the response cache's hit ratio while editors publish.

2,000 generated guides (`roles/generation.py`) are read through `/graphql/` (the contract's
`RoleGuideByPath`, POST, in-process: Django's test client) in a Zipf-like pattern (the guide
of popularity rank r is asked with probability ∝ 1/r), while one guide, chosen at random, is
published every second for 60 seconds.

The clock is simulated: each second is READS_PER_SECOND reads (100: a busy site's API traffic
behind a CDN) followed by one publish, with no sleeping, so the ratio does not depend on this
machine's speed. Before the 60 s the cache is warmed by reading every guide once (the steady
state of a site that has been up for a while); only the 60 s are counted, by `X-Cache-Status`.

The same trace (same seed: same reads, same guides published) runs twice in this process:
with invalidation by tag (what the API does), and with every publish also moving `all`, which
is what the old single global content version did (every publish emptied the whole cache).

The cache is local memory with room for every answer (LocMem's default keeps 300 entries), or
Redis when REDIS_URL is set. `BENCH_SCALE` (default 1) scales the number of guides, the
seconds and the reads per second, e.g. `BENCH_SCALE=0.25` for a quick run.

Run alone: `python -m bench.publishing` (builds var/bench-publishing.sqlite3; prints JSON on
its last line).
"""

import json
import os
import random
import sys
from bisect import bisect
from itertools import accumulate
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCALE = float(os.environ.get("BENCH_SCALE", "1"))
GUIDES = max(int(2000 * SCALE), 20)
SECONDS = max(int(60 * SCALE), 5)
READS_PER_SECOND = max(int(100 * SCALE), 10)
ZIPF_EXPONENT = 1.0
SEED = 10


def say(message):
    print(message, file=sys.stderr, flush=True)


def build():
    from django.core.management import call_command

    from roles.generation import generate
    from roles.models import RoleIndexPage

    call_command("migrate", verbosity=0)
    call_command("load_demo_content", stdout=open(os.devnull, "w"))  # noqa: SIM115
    generate(RoleIndexPage.objects.get(), GUIDES - 1, seed=SEED)


def zipf_picker(count, rng):
    """A function giving an index in [0, count): rank r with probability ∝ 1/r^s."""
    weights = [1 / (rank**ZIPF_EXPONENT) for rank in range(1, count + 1)]
    cumulative = list(accumulate(weights))
    total = cumulative[-1]
    return lambda: min(bisect(cumulative, rng.random() * total), count - 1)


def run_trace(client, guides, global_version):
    """Warm the cache, then SECONDS × (READS_PER_SECOND reads, one publish); the hit ratio."""
    from django.core.cache import cache

    from cms.api import response_cache
    from cms.cache_tags import ALL

    cache.clear()
    response_cache._tags_of.clear()
    rng = random.Random(SEED)
    order = guides[:]
    rng.shuffle(order)  # popularity rank → guide
    pick = zipf_picker(len(order), rng)
    query = operation_text()

    def read(guide):
        body = json.dumps({"query": query, "variables": {"path": guide["path"]}})
        response = client.post("/graphql/", data=body, content_type="application/json")
        assert response.status_code == 200 and b'"errors"' not in response.content
        return response["X-Cache-Status"]

    for guide in order:
        read(guide)
    hits = reads = 0
    for second in range(SECONDS):
        for _ in range(READS_PER_SECOND):
            hits += read(order[pick()]) == "HIT"
            reads += 1
        publish(rng.choice(order)["pk"], second)
        if global_version:
            response_cache.tags_changed({ALL})  # the old behaviour: every publish moves all
    return hits / reads, reads


def publish(pk, second):
    from roles.models import RoleGuidePage

    page = RoleGuidePage.objects.get(pk=pk)
    page.intro = f"{page.intro.split(' (edit')[0]} (edit {second})"
    page.save_revision().publish()


def operation_text():
    from cms.api.operations import operations

    return operations()["RoleGuideByPath"].text


def measure():
    from django.test import Client, override_settings

    from roles.models import RoleGuidePage

    guides = [
        {"pk": page.pk, "path": "/" + page.url_path.split("/", 2)[2]}
        for page in RoleGuidePage.objects.live().order_by("pk")
    ]
    caches = None
    if not os.environ.get("REDIS_URL"):
        caches = {
            "default": {
                "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                "OPTIONS": {"MAX_ENTRIES": 1_000_000},
            }
        }
    client = Client(HTTP_HOST="localhost")
    with override_settings(**({"CACHES": caches} if caches else {})):
        say(f"  {len(guides)} guides, {SECONDS} s × {READS_PER_SECOND} reads, one publish a second")
        tagged, reads = run_trace(client, guides, global_version=False)
        say(f"  invalidation by tag: hit ratio {tagged:.3f}")
        global_ratio, _ = run_trace(client, guides, global_version=True)
        say(f"  one global version (old): hit ratio {global_ratio:.3f}")
    return {
        "cache_hit_ratio_publishing": tagged,
        "cache_hit_ratio_publishing_global_version": global_ratio,
        "publishing": {
            "guides": len(guides),
            "seconds": SECONDS,
            "reads_per_second": READS_PER_SECOND,
            "reads": reads,
            "publishes": SECONDS,
            "zipf_exponent": ZIPF_EXPONENT,
            "cache": "redis" if not caches else "locmem",
        },
    }


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    database = ROOT / "var" / "bench-publishing.sqlite3"
    if not os.environ.get("BENCH_DATABASE_URL"):
        database.unlink(missing_ok=True)
        os.environ["BENCH_DATABASE_URL"] = f"sqlite:///{database}"
    import django

    django.setup()
    say("Building the publishing benchmark's database…")
    build()
    print(json.dumps(measure()))


if __name__ == "__main__":
    main()
