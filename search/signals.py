"""Reindexes entries when they, or the entries and links their index rows show, change.

The reindexing runs when the change is committed, so a rolled-back edit never
reaches the index and a save stays quick. Receivers are connected per model
(see `connect`), so that deleting index rows themselves stays a fast bulk delete.
"""

from functools import partial

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

from datasets.models import Dataset
from organisations.models import Organisation
from people.models import Researcher
from projects.models import DatasetUsage, Membership, Output, Project
from themes.models import Theme

from . import indexing

ENTRY_MODELS = (Researcher, Dataset, Project, Organisation, Theme)
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
]


def reindex_all(changes) -> None:
    for model, entry_ids in changes:
        if model in ENTRY_MODELS and entry_ids:
            transaction.on_commit(partial(indexing.reindex, model, list(entry_ids)))


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
    if indexing.is_paused():
        return
    if action == "pre_clear":
        # A clear does not say which entries lost the link; those that show this one are them.
        instance._search_dependants = indexing.dependants(instance)
    elif action == "post_clear":
        reindex_all([(type(instance), [instance.pk]), *getattr(instance, "_search_dependants", [])])
    elif action in ("post_add", "post_remove"):
        reindex_all([(type(instance), [instance.pk]), (model, list(pk_set or []))])


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
