"""Rebuilding the search index as a background job (also manage.py rebuild_search_index)."""

from django_tasks import task

from jobs import runner
from jobs.registry import register

from .indexing import rebuild


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
