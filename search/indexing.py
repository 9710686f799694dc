"""Keeps the search index in step with the directory.

`reindex(model, ids)` rewrites the rows of those entries: published ones go
in, drafts, archived and deleted ones come out. `dependants(entry)` names the
other entries whose index rows show this one (a theme's name appears on
every entry tagged with it, a dataset's areas are places of the projects
that use it and of their members), so a change reaches them too.

Rows are written here and nowhere else: the full-text index is fed the
text of each row in the form both engines read alike (search.text), while
the row keeps the original text for snippets. `index_missing()` adds the
published entries the index lacks; it runs after every `migrate`, so the
seeded themes are searchable at once and a migration that empties the index
has it refilled.
"""

import re
import threading
from collections.abc import Callable, Iterable
from contextlib import contextmanager

from django.db import connection, transaction
from django.db.models import Model, Q, QuerySet

from datasets.models import Dataset
from involvement.models import Opportunity
from organisations.models import Organisation
from people.models import Researcher
from projects.models import DatasetUsage, Membership, Output, Project
from themes.models import Theme

from .cache import forget_searches
from .documents import BUILDERS, KIND_OF_MODEL, PLACE, Document
from .engines import current_engine
from .models import Kind, SearchEntry, SearchFacet, SearchPlace, SearchWord
from .text import index_text

VOCABULARY_WORD = re.compile(r"[^\W\d_]{3,40}")
BATCH_SIZE = 1000
# Enough of a summary for a snippet around its first match (a researcher's holds biography and expertise).
SUMMARY_LENGTH = 2000
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
    forget_searches()


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
                summary=document.summary[:SUMMARY_LENGTH],
                facts=[[label, value] for label, value in document.facts if value],
                updated=document.updated,
                age_from=document.age_from,
                age_to=document.age_to,
            )
            for document in documents
        ]
    )
    if entries:
        current_engine().index(
            [
                (
                    entry.pk,
                    *(index_text(text) for text in (entry.title, entry.keywords, entry.linked, entry.body)),
                )
                for entry in entries
            ]
        )
    facets, places = [], []
    for entry, document in zip(entries, documents, strict=True):
        for name, value, label in {("kind", document.kind, Kind(document.kind).label), *document.facets}:
            if name == PLACE:
                places.append(SearchPlace(entry=entry, value=value))
            else:
                facets.append(SearchFacet(entry=entry, name=name, value=value, label=label))
    SearchFacet.objects.bulk_create(facets, batch_size=BATCH_SIZE)
    SearchPlace.objects.bulk_create(places, batch_size=BATCH_SIZE)
    words = {word for entry in entries for word in vocabulary(entry)}
    SearchWord.objects.bulk_create([SearchWord(word=word) for word in words], ignore_conflicts=True)
    return len(entries)


def vocabulary(entry: SearchEntry) -> set[str]:
    text = index_text(f"{entry.title} {entry.keywords} {entry.linked}")
    return set(VOCABULARY_WORD.findall(text))


Progress = Callable[[str, int, int], None]


def rebuild(progress: Progress = lambda kind, done, total: None) -> int:
    """Empties the index and indexes every published entry again."""
    with transaction.atomic():
        SearchWord.objects.all().delete()
        SearchEntry.objects.all().delete()
        forget_searches()
        return sum(
            index_all(kind, model.objects.published(), progress) for kind, (model, _) in BUILDERS.items()
        )


def tidy() -> None:
    """After a rebuild: on PostgreSQL, reclaims the rows the index's vector updates left behind and
    refreshes the planner's statistics (a fresh index is otherwise read as twice its size)."""
    if connection.vendor == "postgresql" and not connection.in_atomic_block:
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE search_searchentry, search_searchfacet, search_searchword")


def index_missing(progress: Progress = lambda kind, done, total: None) -> int:
    """Indexes every published entry that has no index row yet; returns how many."""
    with transaction.atomic():
        total = 0
        for kind, (model, _) in BUILDERS.items():
            indexed = SearchEntry.objects.filter(kind=kind).values("object_id")
            total += index_all(kind, model.objects.published().exclude(pk__in=indexed), progress)
        if total:
            forget_searches()
        return total


def index_all(kind: str, queryset: QuerySet, progress: Progress) -> int:
    model, build = BUILDERS[kind]
    entry_ids = list(queryset.order_by("pk").values_list("pk", flat=True))
    written = 0
    for start in range(0, len(entry_ids), BATCH_SIZE):
        chunk = entry_ids[start : start + BATCH_SIZE]
        written += write(build(model.objects.filter(pk__in=chunk).order_by("pk")))
        progress(kind, min(start + BATCH_SIZE, len(entry_ids)), len(entry_ids))
    return written


def dependants(entry: Model) -> list[tuple[type[Model], list[int]]]:
    """The entries whose index rows show `entry`, as (model, ids) pairs."""
    return dependants_of(type(entry), [entry.pk])


def dependants_of(model: type[Model], pks: list[int]) -> list[tuple[type[Model], list[int]]]:
    """The entries whose index rows show any of these entries of `model`: their names or their places.

    Places travel from a dataset's areas and an organisation's area to the projects that use the
    data or work with the organisation, and from a project to its members (search.documents).
    """
    if not pks:
        return []
    if model is Theme:
        family = Q(themes__in=pks) | Q(themes__parent__in=pks)
        return [
            (Theme, ids(Theme.objects.filter(parent__in=pks))),
            (Dataset, ids(Dataset.objects.filter(family))),
            (Researcher, ids(Researcher.objects.filter(family))),
            (Project, ids(Project.objects.filter(family))),
        ]
    if model is Organisation:
        projects = Project.objects.filter(Q(partner_organisations__in=pks) | Q(members__organisation__in=pks))
        people = Q(organisation__in=pks) | Q(affiliations__in=pks) | Q(memberships__project__in=projects)
        return [
            (Researcher, ids(Researcher.objects.filter(people))),
            (Dataset, ids(Dataset.objects.filter(custodian__in=pks))),
            (Project, ids(projects)),
            (Opportunity, ids(Opportunity.objects.filter(organisation__in=pks))),
        ]
    if model is Dataset:
        projects = Project.objects.filter(usages__dataset__in=pks)
        return [
            (Project, ids(projects)),
            (Researcher, ids(Researcher.objects.filter(memberships__project__in=projects))),
            (Dataset, ids(Dataset.objects.filter(linked_datasets__in=pks))),
        ]
    if model is Project:
        return [
            (Researcher, ids(Researcher.objects.filter(memberships__project__in=pks))),
            (Opportunity, ids(Opportunity.objects.filter(project__in=pks))),
        ]
    if model is Researcher:
        # A researcher's organisation is a place of their projects, and so of everyone on them.
        projects = Project.objects.filter(memberships__researcher__in=pks)
        return [
            (Project, ids(projects)),
            (Researcher, ids(Researcher.objects.filter(memberships__project__in=projects))),
        ]
    return []


def ids(queryset) -> list[int]:
    return list(queryset.values_list("pk", flat=True).distinct())


def link_owners(link: Model) -> list[tuple[type[Model], list[int]]]:
    """The entries whose index rows show a membership, a dataset usage or an output.

    Everyone on a project shows its data and its members' organisations as places, so a member or a
    dataset joining or leaving reaches them all.
    """
    if isinstance(link, Membership | DatasetUsage):
        members = ids(Researcher.objects.filter(memberships__project_id=link.project_id))
        if isinstance(link, Membership):
            members.append(link.researcher_id)
        return [(Project, [link.project_id]), (Researcher, members)]
    if isinstance(link, Output):
        return [(Project, [link.project_id])]
    return []
