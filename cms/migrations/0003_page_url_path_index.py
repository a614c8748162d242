"""An index on Wagtail's `wagtailcore_page.url_path`, which the API looks pages up by
(`roleGuide(urlPath:)`, `page(urlPath:)`, cms/api/paths.py). Wagtail routes by tree path and
has none: at 100,000 guides every lookup read the whole page table (17 ms).

A hash index on PostgreSQL: equality is all the lookup needs, and a B-tree entry has a size
limit a deep tree's url_path could pass (the save would fail). A B-tree elsewhere.
"""

from django.db import migrations

INDEX = "cms_page_url_path"


def create(apps, schema_editor):
    method = "USING hash " if schema_editor.connection.vendor == "postgresql" else ""
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailcore_page {method}(url_path)"
    )


def drop(apps, schema_editor):
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("cms", "0002_search_entries_text_index")]  # 0001: Wagtail's tables

    operations = [migrations.RunPython(create, drop, elidable=False)]
