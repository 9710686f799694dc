"""A database from before the app took its name ("curated") upgrades with `migrate`, history included.

Migrating back to collection 0001 and forgetting that it was applied leaves the database as the old
app left it: curated's migration recorded, tables curated_*, content types labelled "curated".
"""

import json

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone
from reversion.models import Revision, Version

from collection.models import Collection

# Migrating changes tables, which a test's transaction cannot hold; the rows migrations add come back afterwards.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

FIRST = ("collection", "0001_initial")
LAST = ("collection", "0002_from_curated")


def migrate(target: tuple[str, str]) -> None:
    MigrationExecutor(connection).migrate([target])
    ContentType.objects.clear_cache()


@pytest.fixture
def old_collection(django_user_model):
    """A collection as the old app stored it, with one version and one admin log entry."""
    migrate(FIRST)
    MigrationRecorder(connection).record_unapplied(*FIRST)
    old_models = MigrationExecutor(connection).loader.project_state(FIRST).apps
    collection = old_models.get_model("collection", "Collection").objects.create(
        title="Start here", slug="start-here", introduction="Where to begin.", status="published"
    )
    content_type = ContentType.objects.get(app_label="curated", model="collection")
    row = {"model": "curated.collection", "pk": collection.pk, "fields": {"title": "Start here, first draft"}}
    Version.objects.create(
        revision=Revision.objects.create(date_created=timezone.now()),
        content_type=content_type,
        object_id=str(collection.pk),
        db="default",
        format="json",
        serialized_data=json.dumps([row]),
        object_repr="Start here, first draft",
    )
    LogEntry.objects.create(
        user=django_user_model.objects.create_user("curator"),
        content_type=content_type,
        object_id=str(collection.pk),
        object_repr="Start here",
        action_flag=CHANGE,
    )
    yield content_type
    # Whatever the test did, the next one starts from the latest schema.
    migrate(LAST)


def test_the_old_database_upgrades_with_its_rows_versions_and_log_entries(old_collection):
    assert FIRST in MigrationExecutor(connection).loader.applied_migrations
    migrate(LAST)
    collection = Collection.objects.get(slug="start-here")
    assert ContentType.objects.get_for_model(Collection).pk == old_collection.pk
    assert not ContentType.objects.filter(app_label="curated").exists()
    assert Version.objects.get_for_object(collection).get().field_dict["title"] == "Start here, first draft"
    assert LogEntry.objects.get().get_edited_object() == collection
    assert Collection._meta.db_table in connection.introspection.table_names()


def test_a_content_type_the_new_code_made_early_gives_way_if_unused(old_collection):
    early = ContentType.objects.create(app_label="collection", model="collection")
    Permission.objects.create(content_type=early, codename="view_collection", name="Can view collection")
    migrate(LAST)
    assert ContentType.objects.get_for_model(Collection).pk == old_collection.pk
    assert Permission.objects.filter(content_type=old_collection, codename="view_collection").exists()


def test_the_upgrade_stops_if_both_content_types_are_in_use(old_collection):
    early = ContentType.objects.create(app_label="collection", model="collection")
    LogEntry.objects.update(content_type=early)
    LogEntry.objects.create(
        user=LogEntry.objects.get().user, content_type=old_collection, object_id="1", action_flag=CHANGE
    )
    with pytest.raises(RuntimeError, match="both in use"):
        migrate(LAST)
    # Nothing was half done.
    assert ContentType.objects.filter(app_label="curated").count() == 2
    assert "curated_collection" in connection.introspection.table_names()
    LogEntry.objects.filter(content_type=early).delete()
    early.delete()
