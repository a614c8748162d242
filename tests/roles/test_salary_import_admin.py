"""Import salaries in the admin: from a guide's editor, upload a CSV, see the diff against the
guide's table, apply it as a new draft (never published); bad files, stale previews, locks and
missing permissions are refused with a message, and nothing is saved."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import GroupPagePermission

from roles.models import RoleGuidePage
from roles.salary import table_rows
from roles.salary_import import MAX_FILE_BYTES, read_salary_csv
from tests.factories import make_guide
from tests.roles.salary_csv import NEW_ROWS, cells, csv_bytes, make_paid_guide

PAY_QUERY = """{ roleGuide(slug: "data-engineer-2026") { body {
  ... on SalaryTableBlock { asOfYear rows { level baseSalaryMin } } } } }"""


def edit_url(page):
    return f"/admin/pages/{page.pk}/edit/"


def import_url(page):
    return f"/admin/roles/guides/{page.pk}/import-salaries/"


def apply_url(page):
    return f"/admin/roles/guides/{page.pk}/import-salaries/apply/"


def upload(client, page, data, table="1", name="pay-2027.csv"):
    file = SimpleUploadedFile(name, data, content_type="text/csv")
    return client.post(import_url(page), {"file": file, "table": table})


def payload_of(response):
    match = re.search(r'name="payload" value="([^"]+)"', response.content.decode())
    assert match, "no Apply form in the preview"
    return match.group(1)


def served_pay(gql):
    body = gql(PAY_QUERY)["roleGuide"]["body"]
    (table,) = [block for block in body if block]
    return table["asOfYear"], [row["baseSalaryMin"] for row in table["rows"]]


def latest_table(guide):
    guide.refresh_from_db()
    body = guide.get_latest_revision_as_object().body
    return [block.value for block in body if block.block_type == "salary_table"][0]


@pytest.fixture
def guide(roles_index):
    return make_paid_guide(roles_index)


def test_the_guide_editor_offers_import_salaries_and_other_pages_do_not(editor, guide, roles_index):
    page = editor.get(edit_url(guide)).content.decode()
    assert f'href="{import_url(guide)}"' in page
    assert "Import salaries" in page
    assert import_url(roles_index) not in editor.get(edit_url(roles_index)).content.decode()
    assert editor.get(import_url(roles_index)).status_code == 404


def test_the_form_lists_the_guides_salary_tables(editor, roles_index):
    guide = make_paid_guide(roles_index, tables=2)
    page = editor.get(import_url(guide)).content.decode()
    assert "Table 1: Pay by level (2 rows, USD)" in page
    assert "Table 2: Pay 1 (2 rows, USD)" in page
    assert 'enctype="multipart/form-data"' in page


def test_preview_then_apply_saves_a_draft_and_the_api_serves_it_once_published(editor, guide, gql):
    revisions = guide.revisions.count()
    preview = upload(editor, guide, csv_bytes(*NEW_ROWS))
    assert preview.status_code == 200
    text = preview.content.decode()
    assert "<strong>pay-2027.csv</strong>" in text
    assert "data-salary-diff" in text
    assert "$100,000–$150,000" in text and "$110,000–$150,000" in text and "+10%" in text
    assert text.count("data-flagged") == 2  # Senior +40%, Intern new
    assert "Changed by more than 30%." in text and "New level: not in live." in text
    assert "Survey 2026." in text and "Survey 2027." in text  # the table's values
    assert guide.revisions.count() == revisions  # nothing saved by a preview

    applied = editor.post(apply_url(guide), {"payload": payload_of(preview)}, follow=True)
    assert applied.redirect_chain == [(edit_url(guide), 302)]
    assert "Salary table 1 updated from pay-2027.csv in a new draft." in applied.content.decode()

    guide.refresh_from_db()
    assert guide.revisions.count() == revisions + 1
    assert guide.latest_revision.user.username == "editor"
    table = latest_table(guide)
    assert table_rows(table) == read_salary_csv(csv_bytes(*NEW_ROWS)).rows
    assert table["heading"] == "Pay by level"
    assert served_pay(gql) == (2026, [100000, 200000])  # live until published

    guide.latest_revision.publish()
    assert served_pay(gql) == (2027, [110000, 280000, None])


def test_a_bad_file_lists_each_problem_by_line_and_column_and_saves_nothing(editor, guide):
    data = csv_bytes(
        cells("Junior", base_min="abc"), cells("Mid", base_min=300, base_max=200, currency="EUR")
    )
    response = upload(editor, guide, data)
    assert response.status_code == 200
    text = response.content.decode()
    assert "line 2, base_min: &#x27;abc&#x27; is not a whole number" in text
    assert "line 3, base_max: The base salary maximum (200) must not be below" in text
    assert "line 3, currency: &#x27;EUR&#x27; differs from &#x27;USD&#x27; on line 2" in text
    assert 'name="payload"' not in text
    guide.refresh_from_db()
    assert not guide.has_unpublished_changes


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"x" * (MAX_FILE_BYTES + 1), "The file is larger than 64 KB."),
        (b"level,pay\r\n", "line 1: unknown column &#x27;pay&#x27;."),
        (b"", "The submitted file is empty."),
    ],
)
def test_file_problems_are_form_errors(editor, guide, data, message):
    response = upload(editor, guide, data)
    assert response.status_code == 200
    assert message in response.content.decode()


def test_a_table_the_guide_does_not_have_is_refused(editor, guide):
    response = upload(editor, guide, csv_bytes(*NEW_ROWS), table="2")
    assert "Select a valid choice. 2 is not one of the available choices." in (
        response.content.decode()
    )


def test_a_guide_without_a_salary_table_says_so(editor, roles_index):
    guide = make_guide(roles_index, "plain", body=[])
    page = editor.get(import_url(guide)).content.decode()
    assert "This guide has no salary table yet" in page
    assert 'type="file"' not in page


def test_a_preview_is_refused_once_the_guide_has_a_newer_revision(editor, guide):
    preview = upload(editor, guide, csv_bytes(*NEW_ROWS))
    draft = guide.get_latest_revision_as_object()
    draft.title = "Edited meanwhile"
    newer = draft.save_revision()

    response = editor.post(apply_url(guide), {"payload": payload_of(preview)})

    assert response.status_code == 409
    assert "was changed since this import was prepared" in response.content.decode()
    guide.refresh_from_db()
    assert guide.latest_revision_id == newer.pk
    assert table_rows(latest_table(guide))[0].base_salary_min == 100000


def test_an_altered_or_foreign_preview_is_refused(editor, guide, roles_index):
    other = make_paid_guide(roles_index, "other-2026")
    payload = payload_of(upload(editor, other, csv_bytes(*NEW_ROWS)))
    altered = payload[:-2] + ("AA" if not payload.endswith("AA") else "BB")
    for sent in (payload, altered, "", "not signed"):
        response = editor.post(apply_url(guide), {"payload": sent})
        assert response.status_code == 409
        assert "This preview has expired or was altered" in response.content.decode()
    for page in (guide, other):
        page.refresh_from_db()
        assert not page.has_unpublished_changes


def make_user(username, *, page=None, permissions=()):
    """An admin user with `permissions` ('view', 'change', …) on `page` and its subtree."""
    user = get_user_model().objects.create_user(username, f"{username}@example.com", "pw")
    group = Group.objects.create(name=f"{username}s")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    for permission in permissions:
        GroupPagePermission.objects.create(group=group, page=page, permission_type=permission)
    client = Client()
    client.force_login(user)
    return client


def test_a_user_who_may_not_edit_the_guide_cannot_import(guide, editor):
    preview = upload(editor, guide, csv_bytes(*NEW_ROWS))
    reader = make_user("reader", page=guide, permissions=["view"])
    assert import_url(guide) not in reader.get(edit_url(guide)).content.decode()
    for response in (
        reader.get(import_url(guide)),
        upload(reader, guide, csv_bytes(*NEW_ROWS)),
        reader.post(apply_url(guide), {"payload": payload_of(preview)}),
    ):
        assert response.status_code == 302
        assert response.url == "/admin/"
    guide.refresh_from_db()
    assert not guide.has_unpublished_changes


def test_an_editor_with_page_permissions_can_import(guide, roles_index):
    author = make_user("author", page=roles_index, permissions=["change"])
    assert f'href="{import_url(guide)}"' in author.get(edit_url(guide)).content.decode()
    preview = upload(author, guide, csv_bytes(*NEW_ROWS))
    response = author.post(apply_url(guide), {"payload": payload_of(preview)})
    assert response.status_code == 302
    assert latest_table(guide)["as_of_year"] == 2027


def test_a_guide_locked_by_someone_else_cannot_take_an_import(editor, guide):
    preview = upload(editor, guide, csv_bytes(*NEW_ROWS))
    owner = get_user_model().objects.create_superuser("owner", "o@example.com", "pw")
    RoleGuidePage.objects.filter(pk=guide.pk).update(locked=True, locked_by=owner)
    locked = "is locked by owner (unlock it in the editor first)"

    form = editor.get(import_url(guide)).content.decode()
    assert "data-salary-import-refusal" in form and locked in form
    assert locked in upload(editor, guide, csv_bytes(*NEW_ROWS)).content.decode()
    applied = editor.post(apply_url(guide), {"payload": payload_of(preview)})
    assert applied.status_code == 409 and locked in applied.content.decode()
    guide.refresh_from_db()
    assert not guide.has_unpublished_changes

    owners = Client()
    owners.force_login(owner)  # the lock's holder imports as usual
    payload = payload_of(upload(owners, guide, csv_bytes(*NEW_ROWS)))
    assert owners.post(apply_url(guide), {"payload": payload}).status_code == 302


def test_csrf_is_checked(guide):
    user = get_user_model().objects.create_superuser("csrf", "c@example.com", "pw")
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    assert upload(client, guide, csv_bytes(*NEW_ROWS)).status_code == 403
    assert client.post(apply_url(guide), {"payload": "x"}).status_code == 403


def test_an_unchanged_file_offers_nothing_to_apply(editor, guide):
    payload = payload_of(upload(editor, guide, csv_bytes(*NEW_ROWS)))
    editor.post(apply_url(guide), {"payload": payload})
    again = upload(editor, guide, csv_bytes(*NEW_ROWS)).content.decode()
    assert "there is nothing to apply" in again
    assert 'name="payload"' not in again
    assert "Draft" in again  # the diff is against the draft now


def test_the_queries_of_a_preview_and_an_apply_do_not_grow_with_the_rows(editor, roles_index):
    editor.get("/admin/")  # the session's first request has queries of its own
    counts = []
    for slug, rows in (
        ("small", NEW_ROWS),
        ("full", [cells(f"Level {n}", base_min=n * 1000, base_max=n * 2000) for n in range(15)]),
    ):
        guide = make_paid_guide(roles_index, slug)
        with CaptureQueriesContext(connection) as preview_queries:
            preview = upload(editor, guide, csv_bytes(*rows))
        with CaptureQueriesContext(connection) as apply_queries:
            editor.post(apply_url(guide), {"payload": payload_of(preview)})
        assert len(table_rows(latest_table(guide))) == len(rows)
        counts.append((len(preview_queries), len(apply_queries)))
    assert counts[0] == counts[1]
