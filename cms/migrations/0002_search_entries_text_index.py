"""PostgreSQL: a GIN index on the text Wagtail's database search backend matches.

The backend matches `title || body` (one tsvector of both), while its own migrations index
`title` and `body` apart, which that expression cannot use: every search read every entry.
Only PostgreSQL has this backend and these columns' types; elsewhere this does nothing.
"""

from django.db import migrations

INDEX = "cms_search_title_body_gin"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry "
            "USING gin ((title || body))"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0001_initial"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
