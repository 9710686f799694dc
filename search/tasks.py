"""Search index work as background jobs: rebuilding the whole index (also manage.py
rebuild_search_index), and indexing the entries a bulk import or harvest has just saved."""

import time

from django.apps import apps
from django.db import OperationalError, transaction
from django.db.models import Model
from django_tasks import task

from jobs import runner
from jobs.registry import register

from . import indexing
from .indexing import BATCH_SIZE, rebuild

INDEX_ENTRIES = "index-entries"
ATTEMPTS = 3


@register("rebuild-search-index", "Rebuild the search index", startable=True)
@task()
def rebuild_index_job(job_id: int) -> str:
    def work(progress: runner.Progress):
        def on_progress(kind: str, done: int, total: int) -> None:
            if done == 0 or progress._stage != f"Indexing {kind}":
                progress.stage(f"Indexing {kind}", total=total, done=done)
            else:
                progress.done = done
                progress.report()

        return f"Indexed {rebuild(on_progress):,} entries."

    return runner.run(job_id, work)


@register(INDEX_ENTRIES)
@task()
def index_entries_job(job_id: int, entries: dict[str, list[int]]) -> str:
    """Reindexes the entries listed by model label ({"people.Researcher": [ids]}), a batch at a time."""

    def work(progress: runner.Progress):
        total = sum(len(pks) for pks in entries.values())
        progress.stage("Indexing for search", total=total)
        for label, pks in entries.items():
            model = apps.get_model(label)
            for start in range(0, len(pks), BATCH_SIZE):
                batch = pks[start : start + BATCH_SIZE]
                reindex(model, batch)
                progress.advance(len(batch))
        return f"Indexed {total:,} entries for search."

    return runner.run(job_id, work)


def index_after_commit(touched: dict[type[Model], list[int]], label: str, user=None) -> None:
    """Queues a job indexing these entries once the transaction saving them commits, so that a long
    import ends when its rows are saved (indexing 45,000 published researchers takes over a minute).
    The entries are found by search from then on; until then the pages list them as usual."""
    entries = {model._meta.label: sorted(pks) for model, pks in touched.items() if pks}
    if not entries:
        return

    def start() -> None:
        runner.start(index_entries_job, kind=INDEX_ENTRIES, label=label, user=user, entries=entries)

    # Robust: the rows are committed by then, so a failure to queue must not fail the import (the
    # index can be rebuilt from /jobs/); it is logged.
    transaction.on_commit(start, robust=True)


def reindex(model: type[Model], pks: list[int]) -> None:
    for attempt in range(1, ATTEMPTS + 1):
        try:
            indexing.reindex(model, pks)
            return
        except OperationalError:
            # SQLite: another connection (a web request, the worker's heartbeat) held the one write
            # lock for longer than the busy timeout.
            if attempt == ATTEMPTS:
                raise
            time.sleep(attempt)
