from django.core.management.base import BaseCommand

from jobs.terminal import TerminalProgress, add_quiet_argument
from search.indexing import rebuild, tidy


class Command(BaseCommand):
    help = "Empties the search index and indexes every published entry again, showing progress on a terminal."

    def add_arguments(self, parser):
        add_quiet_argument(parser)

    def handle(self, *args, quiet: bool = False, **options):
        with TerminalProgress(self, "Indexing", quiet, unit=" entries") as bar:
            reached: dict[str, int] = {}

            def progress(kind: str, done: int, total: int) -> None:
                if kind not in reached:
                    bar.describe(f"Indexing {kind}s")
                    bar.total(total)
                bar.advance(done - reached.get(kind, 0))
                reached[kind] = done

            total = rebuild(progress)
        tidy()
        if not quiet:
            self.stdout.write(self.style.SUCCESS(f"Indexed {total:,} entries."))
