"""Bulk search indexing (`cms/search_bulk.py`): on PostgreSQL, the entries computed in SQL are
the ones Wagtail's database backend writes itself, so search answers alike either way."""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from wagtail.search.backends import get_search_backend

from cms.search_bulk import BulkIndexer
from roles.models import RoleGuidePage
from tests.factories import make_guide

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the SQL path is PostgreSQL's"
)

# Titles and intros that test the edges: surrounding whitespace and newlines, doubled spaces,
# stemming, punctuation, non-Latin scripts.
GUIDES = [
    ("Data Engineer 2026", "Data Engineer", "  Builds pipelines.\n"),
    ("Engineering Managers", "Engineering Manager", "\n Leads  the teams that build. "),
    ("数据工程师 2026", "数据工程师", "管道和仓库。"),
    ("C++ / Rust — Systems", "Systems Engineer", "Writes\tfast, safe code; runs it."),
    # Pasted text: no-break and ideographic spaces, which Python strips and PostgreSQL's \s
    # does not.
    ("\u00a0Platform Engineer 2026\u00a0", "Platform Engineer\u3000", "Keeps the lights on.\u00a0"),
]


def entries(guides):
    from wagtail.search.models import IndexEntry

    columns = ("title", "autocomplete", "body", "title_norm", "title_text", "body_text")
    rows = IndexEntry.objects.filter(object_id__in=[str(g.pk) for g in guides]).values_list(
        "object_id", *columns
    )
    return {
        row[0]: dict(zip(columns, (str(value) for value in row[1:]), strict=True)) for row in rows
    }


@pytest.fixture
def guides(roles_index):
    made = [
        make_guide(roles_index, f"guide-{n}", title=title, role_name=role, intro=intro)
        for n, (title, role, intro) in enumerate(GUIDES)
    ]
    return list(RoleGuidePage.objects.filter(pk__in=[g.pk for g in made]).order_by("pk"))


def test_entries_written_in_sql_are_the_backends_own(guides):
    backend = get_search_backend()
    backend.add_bulk(RoleGuidePage, guides)  # the backend's own entries (and title norms)
    by_backend = entries(guides)
    assert len(by_backend) == len(GUIDES)

    from wagtail.search.models import IndexEntry

    IndexEntry.objects.filter(object_id__in=list(by_backend)).delete()
    indexer = BulkIndexer(RoleGuidePage)
    assert indexer.in_sql, "the PostgreSQL backend is written in SQL"
    indexer.add(guides)
    indexer.finish()
    assert entries(guides) == by_backend


def test_generated_guides_are_found_by_search(client, roles_index):
    call_command("generate_role_guides", count=30, seed=5, stdout=io.StringIO())
    guide = RoleGuidePage.objects.order_by("-pk").first()
    found = list(get_search_backend().search(guide.role_name, RoleGuidePage))
    assert guide.pk in {page.pk for page in found}
    # Title norms were refreshed after the load: a full refresh changes none of them.
    from wagtail.search.models import IndexEntry

    norms = dict(IndexEntry.objects.values_list("object_id", "title_norm"))
    get_search_backend().get_index_for_model(RoleGuidePage)._refresh_title_norms(full=True)
    assert dict(IndexEntry.objects.values_list("object_id", "title_norm")) == pytest.approx(norms)
