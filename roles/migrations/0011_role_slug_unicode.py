from django.db import migrations, models
from django.utils.text import slugify


def fill_empty_role_slugs(apps, schema_editor):
    """Guides whose role name has no ASCII letters or digits ('数据工程师') got '' from
    0007's slugify: they get the slug of their name in its own script (one UPDATE per role)."""
    guides = apps.get_model("roles", "RoleGuidePage").objects
    empty = guides.filter(role_slug="")
    for role_name in empty.values_list("role_name", flat=True).distinct().iterator():
        role_slug = slugify(role_name, allow_unicode=True)[:120]
        if role_slug:
            empty.filter(role_name=role_name).update(role_slug=role_slug)


class Migration(migrations.Migration):
    dependencies = [
        ("roles", "0010_listing_order_indexes"),
    ]

    operations = [
        migrations.AlterField(
            model_name="roleguidepage",
            name="role_slug",
            field=models.SlugField(
                allow_unicode=True,
                blank=True,
                help_text="The role every edition of this guide shares, e.g. 'mlops-engineer'. "
                "Filled in from the role name if empty.",
                max_length=120,
            ),
        ),
        migrations.RunPython(fill_empty_role_slugs, migrations.RunPython.noop, elidable=True),
    ]
