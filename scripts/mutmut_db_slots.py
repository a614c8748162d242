"""pytest plugin for `make mutation` (pyproject.toml, [tool.mutmut]): makes every pytest session
mutmut starts see the project as a fresh process would, in a fraction of the time.

mutmut runs pytest once per mutant, in a process forked from one that has already started the
project (settings, apps, URLs, the GraphQL schema) and run the suite. Three things follow:

- The test database. Migrating one per mutant would cost more than most mutants' tests, and
  workers running at once must not share a file. The database is migrated once into a
  template (one per set of migrations); each session takes the first free slot (a lock held
  while it runs), copies the template to that slot's file and runs there with `--reuse-db`.
- Caches. Answers memoised by the parent (a parsed query and its limit checks, for instance)
  would hide a mutant: every `functools` cache of the project is emptied at session start.
- Start-up code. A function that runs once at start-up (an AppConfig.ready() registration,
  the schema's root fields, the URLs) already ran, unmutated, in the parent. Those functions
  are recorded while mutmut collects its stats, and tested by every test that reaches their
  module; a worker testing a mutant of one of them runs those tests in a new interpreter,
  which starts the project with the mutant active.
"""

import fcntl
import hashlib
import json
import os
import shutil
import subprocess
import sys
from importlib import import_module
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent.parent  # mutants/, where mutmut runs the tests
STATE = HERE / ".mutation-db"
STARTUP_FUNCTIONS = STATE / "startup-functions.json"
PROJECT_PACKAGES = ("cms", "roles", "faqs", "home")
IN_NEW_INTERPRETER = "MUTATION_NEW_INTERPRETER"
_held_lock = None


def _lock(path, blocking=True):
    lock = open(path, "w")  # noqa: SIM115 (held until released)
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB))
    except BlockingIOError:
        lock.close()
        return None
    return lock


def _environment_without_mutant(**extra):
    environment = {k: v for k, v in os.environ.items() if k != "MUTANT_UNDER_TEST"}
    environment.update(extra)
    return environment


def _migrations_digest():
    """Names, sizes and times of every migration: mutmut copies the project again on each run,
    and a migration added since must not meet a template migrated without it."""
    found = sorted(
        (str(path.relative_to(HERE)), path.stat().st_size, path.stat().st_mtime_ns)
        for package in PROJECT_PACKAGES
        for path in (HERE / package).glob("**/migrations/*.py")
    )
    return hashlib.sha256(repr(found).encode()).hexdigest()[:16]


def _migrated_template():
    """The template database for the current migrations, migrated once (by the first session
    that needs it)."""
    template = STATE / f"template-{_migrations_digest()}.sqlite3"
    lock = _lock(STATE / "template.lock")
    try:
        if not template.exists():
            environment = _environment_without_mutant(
                DJANGO_SETTINGS_MODULE="cms.settings.test", DATABASE_URL=f"sqlite:///{template}.new"
            )
            command = [sys.executable, "manage.py", "migrate", "--noinput", "--verbosity=0"]
            subprocess.run(command, cwd=HERE, env=environment, check=True)
            os.replace(f"{template}.new", template)
    finally:
        lock.close()
    return template


def _take_free_slot():
    global _held_lock
    slot = 0
    while (lock := _lock(STATE / f"slot{slot}.lock", blocking=False)) is None:
        slot += 1
    _held_lock = lock
    return STATE / f"slot{slot}.sqlite3"


def _release_slot():
    global _held_lock
    if _held_lock is not None:
        _held_lock.close()
        _held_lock = None


def _start_project():
    """What a request would start: the URLs (and with them the view) and the GraphQL schema."""
    from django.conf import settings

    import_module(settings.ROOT_URLCONF)
    import_module("cms.api.schema")


def _record_startup_functions(mutant):
    """While mutmut collects stats, what ran before any test is start-up code."""
    if mutant != "stats":
        return
    from mutmut.state import state

    ran = sorted(state()._stats)
    if ran:
        STARTUP_FUNCTIONS.write_text(json.dumps(ran, indent=1))


def _is_startup_mutant(mutant):
    if "__mutmut_" not in mutant or os.environ.get(IN_NEW_INTERPRETER):
        return False
    if not STARTUP_FUNCTIONS.exists():
        return False
    return mutant.partition("__mutmut_")[0] in json.loads(STARTUP_FUNCTIONS.read_text())


def _run_in_new_interpreter(config, mutant):
    """Run this session's tests in a new interpreter with the mutant active from start-up,
    and end this process with its verdict (any failure, start-up included, kills)."""
    _release_slot()
    command = [sys.executable, "-m", "pytest", *config.invocation_params.args]
    environment = dict(os.environ, MUTANT_UNDER_TEST=mutant, **{IN_NEW_INTERPRETER: "1"})
    done = subprocess.run(command, cwd=config.invocation_params.dir, env=environment)
    os._exit({0: 0, 5: 5}.get(done.returncode, 1))


def _clear_project_caches():
    for name, module in list(sys.modules.items()):
        if module is None or name.split(".")[0] not in PROJECT_PACKAGES:
            continue
        for value in list(vars(module).values()):
            if callable(getattr(value, "cache_clear", None)):
                value.cache_clear()


@pytest.hookimpl(trylast=True)
def pytest_configure(config):
    from django.contrib.contenttypes.models import ContentType
    from django.db import connections

    STATE.mkdir(exist_ok=True)
    mutant = os.environ.get("MUTANT_UNDER_TEST", "")
    # Its collections at the end of every session cost more than most mutants' tests.
    unraisable = config.pluginmanager.get_plugin("unraisableexception")
    if unraisable is not None and "__mutmut_" in mutant:
        config.pluginmanager.unregister(unraisable)
    if _is_startup_mutant(mutant):
        _run_in_new_interpreter(config, mutant)
    _start_project()
    _record_startup_functions(mutant)
    _clear_project_caches()
    connections.close_all()  # never use a connection inherited through fork
    template = _migrated_template()
    database = _take_free_slot()
    for leftover in (f"{database}-wal", f"{database}-shm"):
        Path(leftover).unlink(missing_ok=True)
    shutil.copyfile(template, database)
    from django.conf import settings

    settings.DATABASES["default"]["TEST"]["NAME"] = str(database)
    # Content type ids cached by an earlier session in this process may not exist here.
    ContentType.objects.clear_cache()


# What start-up builds, checked whole: a start-up mutant that changes the schema (a field's
# description, an argument made optional) changes these, whatever test reaches its module.
STARTUP_OUTPUT_TESTS = (
    "tests/cms/api/test_contract.py::test_schema_snapshot_is_current",
    "tests/cms/api/test_contract.py::test_persisted_query_manifest_is_current",
)


def pytest_sessionfinish(session):
    """In the stats session: a start-up function serves its package at run time (it installs
    resolvers and handlers defined beside it: `replace_leaky_query_mixins` the filtered media
    fields of cms/api/media.py), so its mutants are tested by every test that reaches a
    function of its package, and by the tests of what start-up builds."""
    if os.environ.get("MUTANT_UNDER_TEST") != "stats" or not STARTUP_FUNCTIONS.exists():
        return
    from mutmut.state import state

    startup = set(json.loads(STARTUP_FUNCTIONS.read_text()))
    tests = state().tests_by_mangled_function_name
    ran = set(state().duration_by_test)
    for function in startup:
        package = function.rpartition(".")[0].rpartition(".")[0]  # cms.api.visibility: cms.api
        for name, reaching in list(tests.items()):
            if name not in startup and name.startswith(package + "."):
                tests[function] |= reaching
        tests[function] |= {test for test in STARTUP_OUTPUT_TESTS if test in ran}


def pytest_unconfigure(config):
    """Close the database and free the slot when a session ends in a process that goes on
    (mutmut's parent, which then forks the workers)."""
    from django.db import connections

    connections.close_all()
    _release_slot()
