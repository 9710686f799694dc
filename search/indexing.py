"""Keeps the search index in step with the directory.

`reindex(model, ids)` rewrites the rows of those entries: published ones go
in, drafts, archived and deleted ones come out. `dependants(entry)` names the
other entries whose indexed text shows this one (a theme's name appears on
every entry tagged with it), so a rename reaches them too.
"""

import re
import threading
from collections.abc import Callable, Iterable
from contextlib import contextmanager

from django.db import transaction
from django.db.models import Model, Q

from datasets.models import Dataset
from organisations.models import Organisation
from people.models import Researcher
from projects.models import DatasetUsage, Membership, Output, Project
from themes.models import Theme

from .documents import BUILDERS, KIND_OF_MODEL, Document
from .models import Kind, SearchEntry, SearchFacet, SearchWord
from .query import normalise

VOCABULARY_WORD = re.compile(r"[^\W\d_]{3,40}")
BATCH_SIZE = 1000
_paused = threading.local()


@contextmanager
def paused():
    """Suspends indexing on save, for bulk loads that rebuild the index afterwards."""
    _paused.active = True
    try:
        yield
    finally:
        _paused.active = False


def is_paused() -> bool:
    return getattr(_paused, "active", False)


@transaction.atomic
def reindex(model: type[Model], ids: Iterable[int]) -> None:
    ids = list(set(ids))
    if not ids:
        return
    kind = KIND_OF_MODEL[model]
    SearchEntry.objects.filter(kind=kind, object_id__in=ids).delete()
    _, build = BUILDERS[kind]
    write(build(model.objects.published().filter(pk__in=ids)))


def write(documents: Iterable[Document]) -> int:
    """Writes documents to the index in batches; returns how many."""
    written, batch = 0, []
    for document in documents:
        batch.append(document)
        if len(batch) == BATCH_SIZE:
            written += write_batch(batch)
            batch = []
    return written + write_batch(batch)


def write_batch(documents: list[Document]) -> int:
    entries = SearchEntry.objects.bulk_create(
        [
            SearchEntry(
                kind=document.kind,
                object_id=document.object_id,
                url=document.url,
                title=document.title,
                keywords=" | ".join(text for text in document.keywords if text),
                linked=" | ".join(text for text in document.linked if text),
                body="\n".join(text for text in document.body if text),
                summary=document.summary[:500],
                facts=[[label, value] for label, value in document.facts if value],
                updated=document.updated,
            )
            for document in documents
        ]
    )
    facets = [
        SearchFacet(entry=entry, name=name, value=value, label=label)
        for entry, document in zip(entries, documents, strict=True)
        for name, value, label in {("kind", document.kind, Kind(document.kind).label), *document.facets}
    ]
    SearchFacet.objects.bulk_create(facets, batch_size=BATCH_SIZE)
    words = {word for entry in entries for word in vocabulary(entry)}
    SearchWord.objects.bulk_create([SearchWord(word=word) for word in words], ignore_conflicts=True)
    return len(entries)


def vocabulary(entry: SearchEntry) -> set[str]:
    text = normalise(f"{entry.title} {entry.keywords} {entry.linked}")
    return set(VOCABULARY_WORD.findall(text))


def rebuild(progress: Callable[[str, int, int], None] = lambda kind, done, total: None) -> int:
    """Empties the index and indexes every published entry again."""
    with transaction.atomic():
        SearchWord.objects.all().delete()
        SearchEntry.objects.all().delete()
        total = 0
        for kind, (model, build) in BUILDERS.items():
            ids = list(model.objects.published().order_by("pk").values_list("pk", flat=True))
            for start in range(0, len(ids), BATCH_SIZE):
                chunk = ids[start : start + BATCH_SIZE]
                total += write(build(model.objects.filter(pk__in=chunk).order_by("pk")))
                progress(kind, min(start + BATCH_SIZE, len(ids)), len(ids))
    return total


def dependants(entry: Model) -> list[tuple[type[Model], list[int]]]:
    """The entries whose indexed text mentions `entry`, as (model, ids) pairs."""
    if isinstance(entry, Theme):
        family = Q(themes=entry) | Q(themes__parent=entry)
        return [
            (Theme, list(entry.children.values_list("pk", flat=True))),
            (Dataset, ids(Dataset.objects.filter(family))),
            (Researcher, ids(Researcher.objects.filter(family))),
            (Project, ids(Project.objects.filter(family))),
        ]
    if isinstance(entry, Organisation):
        return [
            (Researcher, ids(Researcher.objects.filter(Q(organisation=entry) | Q(affiliations=entry)))),
            (Dataset, ids(Dataset.objects.filter(custodian=entry))),
            (
                Project,
                ids(Project.objects.filter(Q(partner_organisations=entry) | Q(members__organisation=entry))),
            ),
        ]
    if isinstance(entry, Dataset):
        return [
            (Project, ids(Project.objects.filter(usages__dataset=entry))),
            (Researcher, ids(Researcher.objects.filter(memberships__project__usages__dataset=entry))),
            (Dataset, ids(Dataset.objects.filter(linked_datasets=entry))),
        ]
    if isinstance(entry, Project):
        return [(Researcher, ids(Researcher.objects.filter(memberships__project=entry)))]
    if isinstance(entry, Researcher):
        return [(Project, ids(Project.objects.filter(memberships__researcher=entry)))]
    return []


def ids(queryset) -> list[int]:
    return list(queryset.values_list("pk", flat=True).distinct())


def link_owners(link: Model) -> list[tuple[type[Model], list[int]]]:
    """The entries whose index rows show a membership, a dataset usage or an output."""
    if isinstance(link, Membership):
        return [(Project, [link.project_id]), (Researcher, [link.researcher_id])]
    if isinstance(link, DatasetUsage):
        members = ids(Researcher.objects.filter(memberships__project_id=link.project_id))
        return [(Project, [link.project_id]), (Researcher, members)]
    if isinstance(link, Output):
        return [(Project, [link.project_id])]
    return []
