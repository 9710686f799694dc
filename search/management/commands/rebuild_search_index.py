from django.core.management.base import BaseCommand

from search.indexing import rebuild, tidy


class Command(BaseCommand):
    help = "Empties the search index and indexes every published entry again, showing progress."

    def handle(self, *args, **options):
        def progress(kind: str, done: int, total: int) -> None:
            self.stdout.write(f"\r{kind}: {done:,} of {total:,}", ending="")
            if done == total:
                self.stdout.write("")

        total = rebuild(progress)
        tidy()
        self.stdout.write(self.style.SUCCESS(f"Indexed {total:,} entries."))
