"""Versions of many entries at once, recorded as django-reversion records them one at a time.

Reversion's `add_to_revision` serializes an entry with a query for each of its many-to-many fields
and keeps it in memory until the revision ends; for tens of thousands of imported entries that was
most of the import's time. Here a batch of entries becomes one Revision (who imported which file) and
one bulk insert of Versions, in the same JSON format (Django's serializer, links as lists of ids), so
the history pages, comparisons and restores read them like any other.
"""

import json
from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.core.serializers.python import Serializer
from django.db import models
from django.db.models import prefetch_related_objects
from django.utils import timezone
from reversion.models import Revision, Version

from editing.history import VERSIONED

from .bulk import insert_values


class LinkedSerializer(Serializer):
    """Django's serializer, taking many-to-many links from `links` ({(model, pk): {field: ids}})."""

    def __init__(self, links: dict[tuple[type, int], dict[str, list[int]]]):
        super().__init__()
        self.links = links

    def handle_m2m_field(self, obj, field):
        if field.remote_field.through._meta.auto_created:
            self._current[field.name] = list(self.links.get((type(obj), obj.pk), {}).get(field.name, []))


def save_revision(
    entries: list[models.Model], links: dict[int, dict[str, list[int]]], user, comment: str
) -> Revision | None:
    """Records one version of each entry (saved already, all of one model) and of the rows it follows
    (a project's memberships), as one revision. `links` gives each entry's many-to-many links by field,
    where known; the others are read here, for all the entries at once."""
    if not entries:
        return None
    model = type(entries[0])
    linked = [f for f in model._meta.many_to_many if f.remote_field.through._meta.auto_created]
    unknown = [f.name for f in linked if any(f.name not in links.get(e.pk, {}) for e in entries)]
    known = {(model, entry.pk): dict(links.get(entry.pk, {})) for entry in entries}
    if unknown:
        prefetch_related_objects(entries, *unknown)
        for entry in entries:
            for name in unknown:
                known[(model, entry.pk)].setdefault(name, [other.pk for other in getattr(entry, name).all()])
    follow = VERSIONED.get(model._meta.label, ())
    followed: list[models.Model] = []
    if follow:
        prefetch_related_objects(entries, *follow)
        followed = [row for entry in entries for name in follow for row in getattr(entry, name).all()]
    for entry in entries:
        entry.__dict__.pop("_prefetched_objects_cache", None)
    revision = Revision.objects.create(date_created=timezone.now(), user=user, comment=comment)
    insert_values(Version, COLUMNS, versions(revision, [*entries, *followed], LinkedSerializer(known)))
    return revision


COLUMNS = ["revision_id", "object_id", "content_type_id", "db", "format", "serialized_data", "object_repr"]


def versions(revision: Revision, rows: Iterable[models.Model], serializer: LinkedSerializer) -> list[tuple]:
    """Each row's Version, as values for COLUMNS."""
    made = []
    for row, data in zip(rows, serializer.serialize(rows), strict=True):
        content_type = ContentType.objects.get_for_model(row)
        serialized = json.dumps([data], cls=DjangoJSONEncoder)
        made.append(
            (
                revision.pk,
                str(row.pk),
                content_type.pk,
                row._state.db or "default",
                "json",
                serialized,
                str(row),
            )
        )
    return made
