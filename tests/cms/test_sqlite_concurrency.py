"""The embedded SQLite database takes the admin's real concurrency: an autosave, a preview and
a publish arriving at the same moment all succeed (WAL, IMMEDIATE transactions, busy timeout)."""

import threading

import pytest
from django.contrib.auth import get_user_model
from django.db import connection, connections

from roles.models import RoleGuidePage
from tests.factories import make_guide, make_site_tree

pytestmark = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="the settings under test are SQLite's"
)


def test_sqlite_runs_in_wal_with_immediate_transactions(db):
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
    assert connection.transaction_mode == "IMMEDIATE"
    assert not connection.is_in_memory_db()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_autosaves_previews_and_publishes_all_succeed(client):
    _, index = make_site_tree()
    guide = make_guide(index, "busy")
    user = get_user_model().objects.create_superuser("busy", "busy@example.com", "pw")
    before = guide.revisions.count()
    failures, rounds, threads = [], 10, 6

    def work(n):
        try:
            page = RoleGuidePage.objects.get(pk=guide.pk)
            for round_ in range(rounds):
                page.title = f"Edit {n}.{round_}"
                revision = page.save_revision(user=user)  # an autosave
                if n % 3 == 1:
                    page.get_latest_revision_as_object()  # a preview reads the draft
                if n % 3 == 2:
                    revision.publish(user=user)
        except Exception as error:  # noqa: BLE001 - every failure is the test's finding
            failures.append(repr(error))
        finally:
            connections.close_all()

    workers = [threading.Thread(target=work, args=(n,)) for n in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert failures == []
    guide.refresh_from_db()
    assert guide.revisions.count() == before + threads * rounds
