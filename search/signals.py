"""Reindexes entries when they, or the entries and links their index rows show, change.

The reindexing runs when the change is committed, so a rolled-back edit never
reaches the index and a save stays quick. Receivers are connected per model
(see `connect`), so that deleting index rows themselves stays a fast bulk delete.
After `migrate`, published entries the index lacks are indexed (the seeded
themes, or everything after a migration that empties the index).
"""

from collections import defaultdict
from functools import partial

from django.apps import apps
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.migrations.executor import MigrationExecutor
from django.db.models import Model
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save, pre_delete

from datasets.models import Dataset
from involvement.models import Opportunity
from organisations.models import Organisation
from people.models import Researcher
from projects.models import DatasetUsage, Membership, Output, Project
from themes.models import Theme

from . import indexing

ENTRY_MODELS = (Researcher, Dataset, Project, Organisation, Theme, Opportunity)
LINK_MODELS = (Membership, DatasetUsage, Output)
MANY_TO_MANY = [
    Researcher.themes.through,
    Researcher.affiliations.through,
    Dataset.themes.through,
    Dataset.areas.through,
    Dataset.identifiers.through,
    Dataset.linked_datasets.through,
    Project.themes.through,
    Project.partner_organisations.through,
    # project.datasets.add() and project.members.add() make their links without saving them one by one.
    Project.datasets.through,
    Project.members.through,
]


def reindex_all(changes) -> None:
    by_model = defaultdict(set)
    for model, entry_ids in changes:
        if model in ENTRY_MODELS:
            by_model[model].update(entry_ids)
    for model, entry_ids in by_model.items():
        if entry_ids:
            transaction.on_commit(partial(indexing.reindex, model, sorted(entry_ids)))


def entry_saved(sender, instance, raw=False, **kwargs):
    if not raw and not indexing.is_paused():
        reindex_all([(sender, [instance.pk]), *indexing.dependants(instance)])


def remember_dependants(sender, instance, **kwargs):
    # After the delete, the links that lead to the dependants are gone.
    if not indexing.is_paused():
        instance._search_dependants = indexing.dependants(instance)


def entry_deleted(sender, instance, **kwargs):
    if not indexing.is_paused():
        reindex_all([(sender, [instance.pk]), *getattr(instance, "_search_dependants", [])])


def link_changed(sender, instance, raw=False, **kwargs):
    if not raw and not indexing.is_paused():
        reindex_all(indexing.link_owners(instance))


def links_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    """Both ends of the links change, and so do the entries that show either end."""
    if indexing.is_paused():
        return
    if action == "pre_clear":
        # A clear does not say which entries lose the link: they are read before it happens.
        other = linked_ids(sender, instance, reverse)
        instance._search_dependants = [
            *indexing.dependants(instance),
            (model, other),
            *indexing.dependants_of(model, other),
        ]
    elif action == "post_clear":
        reindex_all([(type(instance), [instance.pk]), *getattr(instance, "_search_dependants", [])])
    elif action in ("post_add", "post_remove"):
        other = list(pk_set or [])
        reindex_all(
            [
                (type(instance), [instance.pk]),
                *indexing.dependants(instance),
                (model, other),
                *indexing.dependants_of(model, other),
            ]
        )


def linked_ids(through: type[Model], instance: Model, reverse: bool) -> list[int]:
    """The ids of the entries `instance` is linked to through a many-to-many table."""
    field = next(
        field
        for owner in ENTRY_MODELS
        for field in owner._meta.many_to_many
        if field.remote_field.through is through
    )
    own, other = field.m2m_field_name(), field.m2m_reverse_field_name()
    if reverse:
        own, other = other, own
    return list(through.objects.filter(**{own: instance.pk}).values_list(f"{other}_id", flat=True))


def index_after_migrate(sender, using: str = DEFAULT_DB_ALIAS, plan=None, **kwargs) -> None:
    """Indexes the published entries the index lacks once every migration has been applied.

    Runs after `migrate` (not after `flush`, which leaves nothing to index), on the primary database
    only, and only when nothing is left unapplied: the builders read today's models.
    """
    if plan is None or using != DEFAULT_DB_ALIAS or indexing.is_paused():
        return
    executor = MigrationExecutor(connections[using])
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        return
    indexing.index_missing()


def connect() -> None:
    for model in ENTRY_MODELS:
        post_save.connect(entry_saved, sender=model)
        pre_delete.connect(remember_dependants, sender=model)
        post_delete.connect(entry_deleted, sender=model)
    for model in LINK_MODELS:
        post_save.connect(link_changed, sender=model)
        post_delete.connect(link_changed, sender=model)
    for through in MANY_TO_MANY:
        m2m_changed.connect(links_changed, sender=through)
    post_migrate.connect(index_after_migrate, sender=apps.get_app_config("search"))
