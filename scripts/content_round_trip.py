"""Content round trip across databases: SQLite → PostgreSQL → SQLite, compared byte for byte.

    .venv/bin/python scripts/content_round_trip.py \
        --postgres postgres://postgres@127.0.0.1:5432/content_round_trip [--guides 200]

1. A new SQLite database gets the demo content, N generated guides and the references the
   generator leaves out (images with focal points, company logos, rich text links, a page
   chosen further down the tree, site settings, an FAQ entry with an unpublished draft);
   it is exported.
2. A new PostgreSQL database (created here, dropped at the end) imports that dump with
   --publish and is exported again.
3. A new SQLite database imports the second dump with --publish and is exported a third time.

Every guide's answers to the contract's RoleGuideByPath and RoleGuideEditions (with every
field but database ids, `cms/content_transfer/round_trip.py`) must be the same bytes in the
three databases, and the three dumps the same but for `exported_at`. Each database is driven
by its own process of this script (`stage`), as one Django process talks to one database.
Exits 1 on any difference.
"""

import argparse
import difflib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
GUIDE_TYPE = "roles.roleguidepage"
# The guide as a frontend renders it, and its editions with their salary changes.
OPERATIONS = ("RoleGuideByPath", "RoleGuideEditions")


# What the generator leaves out -------------------------------------------------------------


def add_cross_references():
    """Give the demo content what generated guides lack, so every kind of reference makes the
    trip: hero and social images (a focal point, a collection, tags), companies with logos, a
    rich text link to a page, a page chosen by a later page and a later page chosen by an
    earlier one, the demo guide's next edition (published, one salary changed), the site's
    settings with a default image, and an FAQ entry with a draft."""
    import io

    from django.core.files.images import ImageFile
    from PIL import Image as PILImage
    from wagtail.images import get_image_model
    from wagtail.models import Collection, Site

    from cms.models import SeoSettings
    from faqs.models import FaqEntry
    from roles import block_values as values
    from roles.demo.companies import ensure_demo_companies
    from roles.editions import start_next_edition
    from roles.models import RoleGuidePage, RoleIndexPage

    def image(title, width, height, **fields):
        buffer = io.BytesIO()
        PILImage.new("RGB", (width, height), (200, 90, 40)).save(buffer, "PNG")
        made = get_image_model()(title=title, **fields)
        made.file = ImageFile(io.BytesIO(buffer.getvalue()), name=f"round-trip-{title}.png")
        made._set_image_file_metadata()
        made.save()
        return made

    guides = Collection.get_first_root_node().add_child(name="Guides")
    hero = image("hero", 1200, 900, collection=guides, focal_point_x=600, focal_point_y=300)
    hero.focal_point_width = hero.focal_point_height = 200
    hero.save()
    hero.tags.add("round trip", "hero")
    social = image("social", 1200, 630, description="A social card")
    index = RoleIndexPage.objects.get()
    guides_in_order = list(RoleGuidePage.objects.live().order_by("path"))
    demo = RoleGuidePage.objects.get(slug="mlops-engineer-2026")
    first, last = guides_in_order[1], guides_in_order[-1]

    draft = demo.get_latest_revision_as_object()
    draft.hero_image, draft.social_image = hero, social
    draft.previous_edition = last  # a page further down the tree: filled in by the 2nd pass
    body = list(draft.body.raw_data)
    body.append(
        values.section(
            "Where to start", f'<p>Read <a linktype="page" id="{index.pk}">every guide</a>.</p>'
        )
    )
    body.append(values.companies_hiring("Companies", [c.pk for c in ensure_demo_companies()]))
    body.append(values.call_to_action("Next", "Read on.", "Go", link_page_id=last.pk))
    draft.body = body
    draft.save_revision().publish()

    later = last.get_latest_revision_as_object()
    later.previous_edition = first
    later.save_revision().publish()

    next_edition = start_next_edition(RoleGuidePage.objects.get(pk=demo.pk), user=None)
    body = list(next_edition.body.raw_data)
    table = next(block for block in body if block["type"] == "salary_table")
    paid = next(row for row in table["value"]["rows"] if row["base_salary_max"])
    paid["base_salary_max"] += 10_000
    next_edition.body = body
    next_edition.save_revision().publish()

    entry = FaqEntry.objects.live().order_by("question").first()
    entry.answer = f'<p>See <a linktype="page" id="{demo.pk}">the MLOps guide</a>.</p>'
    entry.save_revision().publish()
    entry.answer = "<p>An unpublished draft: never exported.</p>"
    entry.save_revision()

    settings = SeoSettings.for_site(Site.objects.get(is_default_site=True))
    settings.site_name = "Role guides (round trip)"
    settings.default_social_image = social
    settings.save()


# One database, in its own process ----------------------------------------------------------


def stage(args):
    """Run in a process of its own, on a migrated database: fill it (--build) or import a
    dump (--import), export it (--export) and write every guide's answer (--answers)."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.test"
    sys.path.insert(0, str(BASE_DIR))
    warnings.filterwarnings("ignore", "No directory at")  # static files: not collected here
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    from cms.content_transfer.round_trip import page_answers

    timings = []

    def timed(name, run):
        started = time.monotonic()
        run()
        timings.append(f"{name} {time.monotonic() - started:.1f}s")

    quiet = io.StringIO()
    try:
        if args.build:
            timed(
                "build",
                lambda: (
                    call_command("load_demo_content", verbosity=0, stdout=quiet),
                    call_command("generate_role_guides", count=args.build, stdout=quiet),
                    add_cross_references(),
                ),
            )
        if args.import_dump:
            timed(
                "import",
                lambda: call_command(
                    "import_content", args.import_dump, publish=True, verbosity=0, stdout=quiet
                ),
            )
        timed("export", lambda: call_command("export_content", output=args.export, verbosity=0))
        dump = json.loads(Path(args.export).read_text(encoding="utf-8"))
        paths = [page["path"] for page in dump["pages"] if page["type"] == GUIDE_TYPE]
        client = Client(HTTP_HOST="localhost")
        found = {}
        timed("answers", lambda: found.update(page_answers(client, paths, OPERATIONS)))
        Path(args.answers).write_text(json.dumps(found, indent=1), encoding="utf-8")
        print(f"  {args.name}: {len(paths)} guides; {', '.join(timings)}", flush=True)
    finally:
        shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)


def environment(database_url):
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
    }
    env.pop("REDIS_URL", None)  # each process its own local memory cache
    return env


def start_migrate(database_url):
    """`manage.py migrate` on a new database, in the background (a Popen)."""
    command = [sys.executable, str(BASE_DIR / "manage.py"), "migrate", "--noinput", "-v0"]
    return subprocess.Popen(command, env=environment(database_url), cwd=BASE_DIR)


def wait(*processes):
    for process in processes:
        if process.wait() != 0:
            raise SystemExit(f"Round trip FAILED: {' '.join(map(str, process.args))}")


def run_stage(workdir, name, database_url, *, build=0, import_dump=None):
    """One stage in its own process; returns (its export, its answers)."""
    export, answers = workdir / f"{name}.json", workdir / f"{name}.answers.json"
    command = [sys.executable, __file__, "stage", "--name", name, "--export", str(export)]
    command += ["--answers", str(answers)]
    if build:
        command += ["--build", str(build)]
    if import_dump:
        command += ["--import", str(import_dump)]
    if subprocess.run(command, env=environment(database_url), cwd=BASE_DIR).returncode != 0:
        raise SystemExit(f"Round trip FAILED: the {name} stage stopped (its error is above).")
    return export, json.loads(answers.read_text(encoding="utf-8"))


# Comparing ---------------------------------------------------------------------------------


def without_exported_at(path):
    text = Path(path).read_text(encoding="utf-8")
    return re.sub(r'^\{"exported_at": "[^"]*"', '{"exported_at": ""', text, count=1)


def dump_differences(expected, found):
    a, b = without_exported_at(expected), without_exported_at(found)
    if a == b:
        return []
    diff = difflib.unified_diff(a.splitlines(), b.splitlines(), str(expected), str(found), n=0)
    return [line[:300] for line in list(diff)[:20]]


def answer_differences(expected, found, name):
    problems = []
    if sorted(expected) != sorted(found):
        problems.append(f"{name}: other answers ({len(found)} against {len(expected)})")
    for asked, answer in expected.items():  # "<operation> <path>"
        if found.get(asked) != answer:
            problems.append(f"{name}: {asked} answers differently")
    return problems


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command")
    one = commands.add_parser("stage", help="(internal) one database, in its own process")
    one.add_argument("--name", required=True)
    one.add_argument("--export", required=True)
    one.add_argument("--answers", required=True)
    one.add_argument("--build", type=int, default=0)
    one.add_argument("--import", dest="import_dump")
    parser.add_argument("--postgres", help="A PostgreSQL URL; the database is created and dropped.")
    parser.add_argument("--guides", type=int, default=200, help="Generated guides (default 200).")
    parser.add_argument("--keep", action="store_true", help="Keep the dumps (prints where).")
    args = parser.parse_args(argv)
    if args.command == "stage":
        stage(args)
        return 0
    if not args.postgres:
        parser.error("--postgres is required")
    return round_trip(args)


def round_trip(args):
    started = time.monotonic()
    workdir = Path(tempfile.mkdtemp(prefix="content-round-trip-"))
    problems = []
    create_database(args.postgres)
    try:
        print("SQLite (demo content and generated guides) → PostgreSQL → SQLite", flush=True)
        # The three databases are migrated at once: SQLite once, copied for the last stage.
        template = workdir / "empty.sqlite3"
        wait(start_migrate(f"sqlite:///{template}"), start_migrate(args.postgres))
        for name in ("source", "again"):
            shutil.copyfile(template, workdir / f"{name}.sqlite3")
        print(f"  databases migrated in {time.monotonic() - started:.1f}s", flush=True)
        first, source = run_stage(
            workdir, "sqlite-source", f"sqlite:///{workdir / 'source.sqlite3'}", build=args.guides
        )
        second, on_postgres = run_stage(workdir, "postgres", args.postgres, import_dump=first)
        third, back = run_stage(
            workdir, "sqlite-again", f"sqlite:///{workdir / 'again.sqlite3'}", import_dump=second
        )
        problems += answer_differences(source, on_postgres, "PostgreSQL")
        problems += answer_differences(source, back, "SQLite again")
        problems += dump_differences(first, second)
        problems += dump_differences(first, third)
    finally:
        drop_database(args.postgres)
        if args.keep:
            print(f"Dumps kept in {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    elapsed = time.monotonic() - started
    if problems:
        print("\n".join(["Round trip FAILED:", *problems]))
        return 1
    print(
        f"Round trip OK: {len(source) // len(OPERATIONS)} guides answer "
        f"{' and '.join(OPERATIONS)} byte for byte the same in the three "
        f"databases; the three dumps are equal ({elapsed:.0f}s)."
    )
    return 0


def admin_connection(url):
    import psycopg

    base, name = url.rsplit("/", 1)
    return psycopg.connect(f"{base}/postgres", autocommit=True), name


def create_database(url):
    connection, name = admin_connection(url)
    with connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def drop_database(url):
    connection, name = admin_connection(url)
    with connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    sys.exit(main())
