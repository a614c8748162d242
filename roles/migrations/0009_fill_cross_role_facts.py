"""Fill the cross-role facts of the guides that are live (roles/facts.py)."""

from django.db import migrations

BATCH = 500


def fill(apps, schema_editor):
    from roles.facts import live_guides_for_facts, rebuild_facts

    models = {
        "tool_model": apps.get_model("roles", "GuideTool"),
        "skill_model": apps.get_model("roles", "GuideSkill"),
        "salary_model": apps.get_model("roles", "GuideSalary"),
    }
    guides = live_guides_for_facts(apps.get_model("roles", "RoleGuidePage"))
    last = 0
    while batch := list(guides.filter(pk__gt=last)[:BATCH]):
        rebuild_facts(batch, **models)
        last = batch[-1].pk


class Migration(migrations.Migration):
    dependencies = [("roles", "0008_cross_role_facts")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
