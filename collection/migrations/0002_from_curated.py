"""Finishes the move from the app's old name, "curated": the tables take the new name, and the
content types (so the admin log, permissions and curation records stay attached) and the
django-reversion versions (whose stored rows name their model) move to the "collection" label.

On a new database there are no content types or versions yet, and only the tables are renamed.
"""

import json

from django.db import migrations

MODELS = ("collection", "collectionitem")


def _is_used(obj, ignoring=()) -> bool:
    """Whether any row points at obj, through a foreign key or a many-to-many, other than rows of `ignoring`."""
    return any(
        relation.related_model._default_manager.filter(**{relation.field.name: obj}).exists()
        for relation in obj._meta.related_objects
        if relation.related_model not in ignoring
    )


def _make_way(ContentType, Permission, app_label: str, model: str) -> None:
    """Removes a content type the new code made before this migration ran, if nothing uses it yet.

    Running `migrate collection 0001`, or a request served by the new code before migrating,
    makes one (with its permissions); renaming the old one onto it would break the unique
    (app_label, model).
    """
    early = ContentType.objects.filter(app_label=app_label, model=model).first()
    if early is None:
        return
    permissions = Permission.objects.filter(content_type=early)
    if _is_used(early, ignoring=[Permission]) or any(_is_used(permission) for permission in permissions):
        raise RuntimeError(
            f"Content types {app_label}.{model} and the old curated.{model} are both in use: "
            "move what points at one of them to the other, delete it, and migrate again."
        )
    permissions.delete()
    early.delete()


def _relabel(apps, old: str, new: str) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Version = apps.get_model("reversion", "Version")
    for model in MODELS:
        content_type = ContentType.objects.filter(app_label=old, model=model).first()
        if content_type is None:
            continue
        _make_way(ContentType, Permission, new, model)
        content_type.app_label = new
        content_type.save(update_fields=["app_label"])

        versions = Version.objects.filter(content_type=content_type)
        if versions.exclude(format="json").exists():
            raise RuntimeError(f"Versions of {old}.{model} stored in a format other than JSON are not moved.")
        # A version stores its row as Django serializes it, model label included; it is read back
        # (to show changes and to restore) by that label.
        changed = []
        for version in versions.only("pk", "serialized_data").iterator(chunk_size=500):
            rows = json.loads(version.serialized_data)
            for row in rows:
                if row.get("model") == f"{old}.{model}":
                    row["model"] = f"{new}.{model}"
            # As Django's JSON serializer writes it, so a version that did not change still compares equal.
            version.serialized_data = json.dumps(rows, ensure_ascii=False)
            changed.append(version)
        Version.objects.bulk_update(changed, ["serialized_data"], batch_size=500)


def forwards(apps, schema_editor) -> None:
    _relabel(apps, "curated", "collection")


def backwards(apps, schema_editor) -> None:
    _relabel(apps, "collection", "curated")


class Migration(migrations.Migration):
    dependencies = [
        ("collection", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("reversion", "0002_add_index_on_version_for_content_type_and_db"),
    ]

    operations = [
        migrations.AlterModelTable(name="collection", table=None),
        migrations.AlterModelTable(name="collectionitem", table=None),
        migrations.RunPython(forwards, backwards),
    ]
