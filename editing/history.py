"""Every change to an entry is kept as a version (django-reversion), so it can be compared and restored.

A project's version includes its members, datasets used and outputs, so restoring it brings
those back too. Changes made through the site and the admin are recorded; each editing view
wraps its save in `recorded(...)`.
"""

from dataclasses import dataclass

import reversion
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist
from django.core.paginator import Page, Paginator
from django.core.serializers.base import DeserializationError
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from reversion.errors import RevertError
from reversion.models import Version

# Entry models, with the rows that belong to them and are versioned with them.
VERSIONED = {
    "themes.Theme": (),
    "organisations.Organisation": (),
    "people.Researcher": (),
    "datasets.Dataset": ("access_steps", "observations"),
    "projects.Project": ("memberships", "usages", "outputs"),
    "collection.Collection": ("items",),
}
PARTS = (
    "datasets.AccessStep",
    "datasets.Observation",
    "projects.Membership",
    "projects.DatasetUsage",
    "projects.Output",
    "collection.CollectionItem",
)
# Not entries, but versioned when edited on the site: a data dictionary's variables and tables.
DICTIONARY = ("datasets.Variable", "datasets.DictionaryTable")


def register_versioned_models() -> None:
    # The admin registers the models it versions first, with its own guess at what to follow.
    for label, follow in [*VERSIONED.items(), *((label, ()) for label in (*PARTS, *DICTIONARY))]:
        model = apps.get_model(label)
        if reversion.is_registered(model):
            reversion.unregister(model)
        reversion.register(model, follow=follow)


# Fields that describe where an entry stands rather than what it says: restoring an earlier
# version leaves them as they are now, and they are not listed as changes.
KEPT_ON_RESTORE = ("status", "slug", "author", "account", "last_reviewed", "review_comment", "is_sample")
FIRST_VERSION = "As it was before the first change recorded here"
NOT_SHOWN = ("id", "created", "updated", "author", "review_comment")


@dataclass(frozen=True)
class Change:
    label: str
    old: str
    new: str


@dataclass
class Step:
    """One recorded version of an entry, and what changed since the version before it."""

    version: Version
    changes: list[Change]

    @property
    def revision(self):
        return self.version.revision


def versions_of(entry) -> QuerySet:
    """The entry's recorded versions, newest first."""
    return (
        Version.objects.get_for_object(entry)
        .select_related("revision__user")
        .order_by("-revision__date_created", "-pk")
    )


def numbered_page(entry, page_number) -> tuple[Page, list[tuple[int, Step]], int]:
    """A page of the entry's versions (20 a page, newest first), each numbered from the first (v1) so that
    two changes in the same minute are told apart, with what it changed; and how many there are."""
    page = Paginator(versions_of(entry), 20).get_page(page_number)
    older = versions_of(entry)[page.end_index() : page.end_index() + 1]
    found = steps(entry, list(page.object_list), next(iter(older), None))
    total = page.paginator.count
    return page, [(total - page.start_index() + 1 - index, step) for index, step in enumerate(found)], total


def ensure_first_version(entry) -> None:
    """Records the entry as it is before its first change on the site, so that change has an 'old' side."""
    if entry.pk and not versions_of(entry).exists():
        with reversion.create_revision():
            reversion.add_to_revision(entry)
            reversion.set_comment(FIRST_VERSION)


def steps(entry, versions: list[Version], older: Version | None) -> list[Step]:
    """Each of `versions` (newest first) with its changes; `older` is the version before the last one."""
    model = type(entry)
    chain = versions + ([older] if older else [])
    names = related_names(model, [version.field_dict for version in chain])
    parts = parts_by_revision([version.revision_id for version in chain], model)
    result = []
    for index, version in enumerate(versions):
        previous = chain[index + 1] if index + 1 < len(chain) else None
        result.append(Step(version, changes_between(model, previous, version, names, parts)))
    return result


def changes_between(model, old: Version | None, new: Version, names, parts) -> list[Change]:
    """What differs between two versions, field by field, in words."""
    if old is None:
        return []
    changes = []
    old_fields, new_fields = old.field_dict, new.field_dict
    for field in model._meta.get_fields():
        if field.name in NOT_SHOWN or not getattr(field, "concrete", False) or field.auto_created:
            continue
        before, after = old_fields.get(field.attname), new_fields.get(field.attname)
        if _comparable(before) != _comparable(after):
            changes.append(
                Change(
                    str(field.verbose_name).capitalize(),
                    in_words(field, before, names),
                    in_words(field, after, names),
                )
            )
    old_parts, new_parts = parts.get(old.revision_id, set()), parts.get(new.revision_id, set())
    if old_parts != new_parts and (old_parts or new_parts):
        changes.append(
            Change(
                "Linked rows (members, datasets used, outputs or items)",
                _listed(old_parts - new_parts),
                _listed(new_parts - old_parts),
            )
        )
    return changes


def _comparable(value):
    return sorted(value) if isinstance(value, list) else value


def _listed(items) -> str:
    return "; ".join(sorted(items)) if items else "—"


def in_words(field, value, names) -> str:
    """A field's value as a reader would want to see it."""
    if value in (None, "", []):
        return "(empty)"
    if field.many_to_many:
        return "; ".join(sorted(names.get((field.related_model, pk), f"#{pk}") for pk in value))
    if field.is_relation:
        return names.get((field.related_model, value), f"#{value}")
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return "Yes" if value else "No"
    return str(value)


def related_names(model, field_dicts: list[dict]) -> dict:
    """(related model, primary key) → name, for every relation in `field_dicts`: one query per relation."""
    names = {}
    for field in model._meta.get_fields():
        if not (getattr(field, "concrete", False) and field.is_relation) or field.name in NOT_SHOWN:
            continue
        keys = set()
        for fields in field_dicts:
            value = fields.get(field.attname)
            keys.update(value if isinstance(value, list) else [value] if value is not None else [])
        if keys:
            for pk, related in field.related_model._default_manager.in_bulk(keys).items():
                names[(field.related_model, pk)] = str(related)
    return names


def parts_by_revision(revision_ids: list[int], model) -> dict[int, set[str]]:
    """A project's members, datasets used and outputs in each revision, in words (one query)."""
    if not VERSIONED.get(model._meta.label):
        return {}
    part_types = list(
        ContentType.objects.get_for_models(*(apps.get_model(label) for label in PARTS)).values()
    )
    parts: dict[int, set[str]] = {revision_id: set() for revision_id in revision_ids}
    rows = Version.objects.filter(revision_id__in=revision_ids, content_type__in=part_types)
    for revision_id, text in rows.values_list("revision_id", "object_repr"):
        parts[revision_id].add(text)
    return parts


def changes_since(entry, moment: str) -> list[Step]:
    """What was saved after `moment` (an ISO timestamp), newest first: for refusing a stale form."""
    recorded = list(versions_of(entry)[:50])
    newer = [
        v
        for v in recorded
        if v.revision.date_created.isoformat() > moment and v.revision.comment != FIRST_VERSION
    ]
    older = next((v for v in recorded if v not in newer), None)
    return steps(entry, newer, older)


class RestoreFailed(Exception):
    """An earlier version could not be brought back, for example because something it links to is gone."""


def restore(entry, version: Version, user) -> None:
    """Brings back the entry (and a project's parts) as it was in `version`; where it stands is kept.

    Only this entry's own rows are touched, even when the version was saved together with others
    (the admin saves a researcher with their memberships of other people's projects).
    """
    kept = {name: getattr(entry, name) for name in KEPT_ON_RESTORE if hasattr(entry, name)}
    try:
        with transaction.atomic(), reversion.create_revision():
            restore_parts(entry, version)
            version.revert()
            restored = type(entry)._default_manager.get(pk=entry.pk)
            for name, value in kept.items():
                setattr(restored, name, value)
            restored.save()
            reversion.set_user(user)
            reversion.set_comment(f"Restored the version of {version.revision.date_created:%d %B %Y, %H:%M}")
    except (IntegrityError, ObjectDoesNotExist, DeserializationError, RevertError) as error:
        raise RestoreFailed(
            "That version links to entries that no longer exist or clash with others, so it cannot be "
            f"restored as it was. Copy what you need from it instead. ({error})"
        ) from error


def restore_parts(entry, version: Version) -> None:
    """The entry's own rows (a project's members, datasets used and outputs; a collection's items)
    as they were in `version`'s revision."""
    follows = VERSIONED.get(entry._meta.label)
    if not follows:
        return
    for relation in follows:
        rows = getattr(entry, relation)
        owner = rows.field.attname
        part_type = ContentType.objects.get_for_model(rows.model)
        then = [
            part
            for part in version.revision.version_set.filter(content_type=part_type)
            if part.field_dict.get(owner) == entry.pk
        ]
        rows.exclude(pk__in=[part.object_id for part in then]).delete()
        for part in sorted(then, key=lambda part: part.field_dict.get("role") == "lead"):
            part.revert()


def changes_since_published(entry) -> tuple[bool, list[Change]]:
    """What the entry's latest version changes from its last published one, for its reviewer:
    (whether it was ever published, the changes). A new entry has nothing to compare with."""
    recorded = list(versions_of(entry)[:50])
    published = next((v for v in recorded[1:] if v.field_dict.get("status") == "published"), None)
    if published is None:
        return False, []
    latest, model = recorded[0], type(entry)
    names = related_names(model, [published.field_dict, latest.field_dict])
    parts = parts_by_revision([published.revision_id, latest.revision_id], model)
    # Its move to "submitted" is not news to its reviewer.
    changes = changes_between(model, published, latest, names, parts)
    return True, [change for change in changes if change.label.lower() != "status"]
