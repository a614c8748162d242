"""Indexes for every order and filter roleGuides offers, each ending in the page id so that a
page after a cursor (cms/api/cursors.py) is a range read in the index's order.

TITLE and NEWEST/OLDEST sort on Wagtail's page table: (title, id) and (first_published_at, id)
there, made here (Wagtail's own migrations never touch them), on every database."""

from django.conf import settings
from django.db import migrations, models

PAGE_INDEXES = {
    "roles_page_title_id_idx": "title, id",
    "roles_page_published_id_idx": "first_published_at, id",
}
# NEWEST lists undated guides last: PostgreSQL reads that order (DESC NULLS LAST) from an index
# of its own (SQLite sorts nulls first in ascending order, so reads the index above backwards).
POSTGRES_PAGE_INDEXES = {
    "roles_page_newest_id_idx": "first_published_at DESC NULLS LAST, id DESC",
}


def create_page_indexes(apps, schema_editor):
    indexes = dict(PAGE_INDEXES)
    if schema_editor.connection.vendor == "postgresql":
        indexes.update(POSTGRES_PAGE_INDEXES)
    for name, columns in indexes.items():
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS {name} ON "wagtailcore_page" ({columns})'
        )


def drop_page_indexes(apps, schema_editor):
    for name in [*PAGE_INDEXES, *POSTGRES_PAGE_INDEXES]:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("roles", "0009_fill_cross_role_facts"),
        ("wagtailimages", "0027_image_description"),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="roleguidepage",
            name="roles_roleg_year_8fed6e_idx",
        ),
        migrations.RemoveIndex(
            model_name="roleguidepage",
            name="roles_roleg_categor_91370f_idx",
        ),
        migrations.AddIndex(
            model_name="roleguidepage",
            index=models.Index(fields=["year", "page_ptr"], name="roles_guide_year_id_idx"),
        ),
        migrations.AddIndex(
            model_name="roleguidepage",
            index=models.Index(
                fields=["category", "year", "page_ptr"], name="roles_guide_cat_year_id_idx"
            ),
        ),
        migrations.AddIndex(
            model_name="roleguidepage",
            index=models.Index(fields=["category", "page_ptr"], name="roles_guide_cat_id_idx"),
        ),
        migrations.RunPython(create_page_indexes, drop_page_indexes),
    ]
