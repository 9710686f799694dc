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

import io
import queue
import re
import threading
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass

from django.db import connection, transaction
from django.db.models import Exists, Model, OuterRef, Q, QuerySet

from datasets.models import Dataset
from involvement.models import Opportunity
from organisations.models import Organisation
from people.models import Researcher
from projects.models import DatasetUsage, Membership, Output, Project
from themes.models import Theme
from transfer import bulk

from .batches import Batches
from .cache import forget_searches
from .documents import BUILDERS, KIND_OF_MODEL, PLACE, Document
from .engines import current_engine
from .models import Kind, SearchEntry, SearchFacet, SearchPlace, SearchWord
from .tags import entry_tags
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


# An index row's columns, in the order `entry_values` gives them.
ENTRY_FIELDS = (
    "kind", "object_id", "url", "title", "keywords", "linked", "body", "summary", "facts", "updated", "age_from",
    "age_to",
)  # fmt: skip
TEXT_COLUMNS = slice(3, 7)  # title, keywords, linked and body: the full-text columns


def entry_values(document: Document) -> tuple:
    return (
        document.kind,
        document.object_id,
        document.url,
        document.title,
        " | ".join(text for text in document.keywords if text),
        " | ".join(text for text in document.linked if text),
        "\n".join(text for text in document.body if text),
        document.summary[:SUMMARY_LENGTH],
        [[label, value] for label, value in document.facts if value],
        document.updated,
        document.age_from,
        document.age_to,
    )


@dataclass
class Prepared:
    """A batch of documents as the index's tables take them, made without the database: the entries' rows
    and full-text texts, and the facets, places and vocabulary words, the first two by the position of
    their entry in the batch (its id is known once written)."""

    rows: list[tuple]
    texts: list[tuple]
    facets: list[tuple]
    places: list[tuple]
    words: set[str]
    # Each row's tags (search.tags), in the order of the rows.
    tags: list[list[str]]


def prepare(documents: list[Document]) -> Prepared:
    rows = [entry_values(document) for document in documents]
    texts = [tuple(index_text(text) for text in row[TEXT_COLUMNS]) for row in rows]
    facets, places = [], []
    for position, document in enumerate(documents):
        for name, value, label in {("kind", document.kind, Kind(document.kind).label), *document.facets}:
            if name == PLACE:
                places.append((position, value))
            else:
                facets.append((position, name, value, label))
    # The vocabulary: the words of the title, keywords and linked names.
    words = {word for text in texts for word in VOCABULARY_WORD.findall(" ".join(text[:3]))}
    tags = [entry_tags({("kind", d.kind, ""), *d.facets}, d.age_from, d.age_to) for d in documents]
    return Prepared(rows, texts, facets, places, words, tags)


def store(batch: Prepared) -> int:
    """Writes a prepared batch: each table with one statement (COPY on PostgreSQL), the full-text index fed
    with the text as search.text gives it. Returns how many entries."""
    if not batch.rows:
        return 0
    ids = current_engine().insert(ENTRY_FIELDS, batch.rows, batch.texts, batch.tags)
    insert_rows(
        SearchFacet, ["entry_id", "name", "value", "label"], [(ids[p], *rest) for p, *rest in batch.facets]
    )
    insert_rows(SearchPlace, ["entry_id", "value"], [(ids[p], value) for p, value in batch.places])
    SearchWord.objects.bulk_create([SearchWord(word=word) for word in batch.words], ignore_conflicts=True)
    return len(ids)


def write_batch(documents: list[Document]) -> int:
    """Writes one batch of documents; returns how many."""
    return store(prepare(documents)) if documents else 0


def insert_rows(model: type[Model], names: list[str], rows: list[tuple]) -> None:
    """Inserts rows of ids and text: with COPY on PostgreSQL, one prepared statement on SQLite."""
    columns = ", ".join(model._meta.get_field(name).column for name in names)
    with connection.cursor() as cursor:
        if connection.vendor != "postgresql":
            marks = ", ".join(["%s"] * len(names))
            cursor.executemany(f"INSERT INTO {model._meta.db_table} ({columns}) VALUES ({marks})", rows)
            return
        text = io.StringIO()
        for row in rows:
            text.write(
                "\t".join(
                    value.translate(bulk.ESCAPES) if type(value) is str else str(value) for value in row
                )
            )
            text.write("\n")
        text.seek(0)

        def copy_in(sql, params, many, context):
            return context["cursor"].copy_expert(sql, text)

        # Through Django's execute wrappers, as any query goes, so that they see it (logging, tests).
        statement = f"COPY {model._meta.db_table} ({columns}) FROM STDIN"
        cursor._execute_with_wrappers(statement, None, False, executor=copy_in)


Progress = Callable[[str, int, int], None]


def rebuild(progress: Progress = lambda kind, done, total: None) -> int:
    """Empties the index and indexes every published entry again.

    In one transaction, so that searches see the old index until the new one is complete. On PostgreSQL,
    run outside a transaction, a thread writes each batch on a connection of its own (that transaction)
    while the next batch is built (`Writer`): each side takes about half the time.
    """
    if connection.vendor == "postgresql" and not connection.in_atomic_block:
        with Writer() as writer:
            return fill(progress, writer.put)
    with transaction.atomic():
        if connection.vendor == "sqlite":
            # SQLite keeps no statistics until asked: without them it may join a batch's links through
            # every published entry instead of through the batch's ids.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        empty()
        forget_searches()
        return fill(progress, store)


def fill(progress: Progress, write_prepared: Callable[[Prepared], object]) -> int:
    """Builds the documents of every published entry, batch by batch, handing each to `write_prepared`."""
    batches = Batches()
    return sum(
        index_all(kind, model.objects.published(), progress, batches, write_prepared)
        for kind, (model, _) in BUILDERS.items()
    )


class Writer:
    """Writes prepared batches (`put`) in a thread of its own, on its own connection, in one transaction
    that first empties the index: searches see the old index until it commits, on leaving the `with`
    block. If the block fails, the transaction is rolled back and the old index stays; if writing fails,
    the next `put` (or leaving the block) raises the writer's error, and nothing is committed either.
    """

    DONE, ABORT = object(), object()

    def __init__(self, waiting: int = 2):
        # A bounded queue: the builder stays at most `waiting` batches ahead, so memory stays flat.
        self.queue: queue.Queue = queue.Queue(maxsize=waiting)
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self.run, name="search-index-writer", daemon=True)

    def __enter__(self) -> "Writer":
        self.thread.start()
        return self

    def put(self, batch: Prepared) -> None:
        self.send(batch)

    def send(self, item) -> None:
        while True:
            if self.error is not None:
                raise self.error
            if not self.thread.is_alive():
                raise RuntimeError("The search index writer stopped.")
            try:
                self.queue.put(item, timeout=0.5)
                return
            except queue.Full:
                continue

    def __exit__(self, kind, error, traceback) -> None:
        if self.thread.is_alive():
            try:
                self.send(self.DONE if error is None else self.ABORT)
            except BaseException:
                if error is None:
                    raise
        self.thread.join()
        if error is None and self.error is not None:
            raise self.error

    def run(self) -> None:
        try:
            with transaction.atomic():
                empty()
                forget_searches()
                while (item := self.queue.get()) is not self.DONE:
                    if item is self.ABORT:
                        raise RebuildAbandoned
                    store(item)
        except BaseException as error:  # handed to the building thread, which raises it
            self.error = error
        finally:
            connection.close()


class RebuildAbandoned(Exception):
    """The building of the new index failed: its writer rolls back, leaving the old index."""


def empty() -> None:
    """Deletes every index row, table by table (a model's delete would fetch them all first)."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            # The full-text tables first: their delete triggers would otherwise look up each row.
            cursor.execute("DELETE FROM search_fts")
            cursor.execute("DELETE FROM search_word_trigrams")
        for model in (SearchPlace, SearchFacet, SearchEntry, SearchWord):
            cursor.execute(f"DELETE FROM {model._meta.db_table}")


def tidy() -> None:
    """After a rebuild: refreshes the planner's statistics of the index (on PostgreSQL a fresh index is
    otherwise read as twice its size; SQLite has none until asked), and on PostgreSQL reclaims the rows
    the rebuild deleted."""
    if connection.in_atomic_block:
        return
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            tables = "search_searchentry, search_searchfacet, search_searchplace, search_searchword"
            cursor.execute(f"VACUUM ANALYZE {tables}")
        else:
            cursor.execute("ANALYZE")


def index_missing(progress: Progress = lambda kind, done, total: None) -> int:
    """Indexes every published entry that has no index row yet; returns how many."""
    with transaction.atomic():
        total, batches = 0, None
        for kind, (model, _) in BUILDERS.items():
            # NOT EXISTS, an anti-join on the index's (kind, object_id) key: as NOT IN, PostgreSQL tested
            # each published entry against the list of every indexed id once that list outgrew its
            # memory (over a quarter of an hour after `migrate` at national scale).
            indexed = SearchEntry.objects.filter(kind=kind, object_id=OuterRef("pk"))
            missing = model.objects.published().exclude(Exists(indexed))
            if missing.exists():
                batches = batches or Batches()
                total += index_all(kind, missing, progress, batches)
        if total:
            forget_searches()
        return total


def index_all(
    kind: str,
    queryset: QuerySet,
    progress: Progress,
    batches: Batches,
    write_prepared: Callable[[Prepared], object] = store,
) -> int:
    entry_ids = list(queryset.order_by("pk").values_list("pk", flat=True))
    written = 0
    for start in range(0, len(entry_ids), BATCH_SIZE):
        documents = list(batches.documents(kind, entry_ids[start : start + BATCH_SIZE]))
        if documents:
            write_prepared(prepare(documents))
        written += len(documents)
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
