"""The Curators group: its members may do everything in the directory (see accounts/policy.py)."""

from django.db import migrations

CURATORS = "Curators"


def create(apps, schema_editor):
    apps.get_model("auth", "Group").objects.get_or_create(name=CURATORS)


def remove(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=CURATORS).delete()


class Migration(migrations.Migration):
    dependencies = [("auth", "0012_alter_user_first_name_max_length")]

    operations = [migrations.RunPython(create, remove)]
