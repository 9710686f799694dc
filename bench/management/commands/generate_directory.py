import time

from django.core.management.base import BaseCommand
from django.db import connection

from bench.synthetic import Generator
from search.indexing import rebuild, tidy


class Command(BaseCommand):
    help = (
        "Adds a synthetic directory at national scale (by default 200,000 researchers, 50,000 datasets and "
        "50,000 projects, with their links) to the database in DATABASE_URL, then rebuilds the search index. "
        "For benchmarks only: every entry is marked as sample data."
    )

    def add_arguments(self, parser):
        parser.add_argument("--researchers", type=int, default=200_000)
        parser.add_argument("--datasets", type=int, default=50_000)
        parser.add_argument("--projects", type=int, default=50_000)
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, researchers, datasets, projects, seed, **options):
        started = time.monotonic()
        Generator(researchers, datasets, projects, seed=seed, stream=self.stdout).generate()
        self.stdout.write(f"Generated in {time.monotonic() - started:.0f}s; rebuilding the search index")
        # Statistics of the new rows before the rebuild reads them: without them the planner (and
        # SQLite's above all, which has none until asked) takes the tables for small, and each batch's
        # prefetches scan whole tables.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        progress_by_kind = {}

        def progress(kind: str, done: int, total: int) -> None:
            from bench.progress import Progress

            bar = progress_by_kind.setdefault(kind, Progress(f"index {kind}", total, stream=self.stdout))
            bar.advance(done - bar.done)

        total = rebuild(progress)
        tidy()
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # and of the index's tables
        self.stdout.write(
            self.style.SUCCESS(f"Indexed {total:,} entries in {time.monotonic() - started:.0f}s in all.")
        )
