"""Part 4 of `make bench`, run in its own process on a fresh PostgreSQL database: listing and
page-by-path, uncached, at 100 and at 10,000 guides. Prints one JSON line."""

import json
import os
import sys
import time

from bench.run import graphql_body, median_ms, setup_django


def measure(client, rounds=90):
    from roles.models import RoleGuidePage

    listing = graphql_body("RoleGuides", {"category": "data", "year": 2026, "perPage": 20})
    sample = RoleGuidePage.objects.order_by("-pk").first()
    page = graphql_body("RoleGuideByPath", {"path": "/roles/" + sample.slug + "/"})
    timings = {}
    for name, body in (("listing", listing), ("page", page)):

        def request(body=body):
            response = client.post("/graphql/", data=body, content_type="application/json")
            assert response.status_code == 200 and b'"errors"' not in response.content

        for _ in range(5):
            request()
        # The best of several batch medians: a busy moment on a shared machine skews one
        # batch, not all of them.
        timings[name] = min(median_ms(request, rounds // 5) for _ in range(5))
    return timings


def main():
    setup_django()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client, override_settings

    quiet = open(os.devnull, "w")  # noqa: SIM115
    call_command("migrate", verbosity=0)
    call_command("load_demo_content", stdout=quiet)
    call_command("generate_role_guides", count=99, seed=3, stdout=quiet)
    client = Client(HTTP_HOST="localhost")
    result = {}
    with override_settings(API_RESPONSE_CACHE=False):
        small = measure(client)
        started = time.monotonic()
        call_command("generate_role_guides", count=9900, seed=4, stdout=sys.stderr)
        result["generate_9900_seconds"] = time.monotonic() - started
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")  # what autovacuum does after a bulk load
        large = measure(client)
    result.update(
        listing_ms_100=small["listing"],
        page_ms_100=small["page"],
        listing_ms_10000=large["listing"],
        page_ms_10000=large["page"],
    )
    print(json.dumps(result))


if __name__ == "__main__":
    main()
