import time

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from bench.import_file import researchers_csv
from organisations.models import Organisation
from people.models import Researcher
from themes.models import Theme
from transfer import importer
from transfer.models import PendingImport


class Command(BaseCommand):
    help = (
        "Times the CSV import of new researchers (a check, then the import itself, as the preview and "
        "confirm jobs run them, the search reindex after the commit included) and prints rows a second. "
        "The researchers stay: run it on a scratch database."
    )

    def add_arguments(self, parser):
        parser.add_argument("--rows", type=int, default=45_000)
        parser.add_argument("--status", default="", help="The rows' status column, e.g. published.")

    def handle(self, *args, rows: int, status: str, **options):
        user, _ = get_user_model().objects.get_or_create(username="import-benchmark")
        organisation = Organisation.objects.create(name="Benchmark", kind="university")
        themes = list(Theme.objects.values_list("slug", flat=True)[:6])
        # Numbered after the researchers already there, so that a second run's ORCID iDs are new too.
        text = researchers_csv(rows, organisation.slug, themes, status, first=Researcher.objects.count() + 1)
        pending = PendingImport.objects.create(
            user=user, kind="researchers", file_name="benchmark.csv", text=text, encoding="UTF-8"
        )
        self.stdout.write(f"{rows:,} researcher rows, {len(text.encode()) / 1024 / 1024:.1f} MB")
        for step, commit in (("check (preview)", False), ("import (confirm)", True)):
            started, cpu = time.perf_counter(), time.process_time()
            outcome = importer.run(pending, user, commit=commit)
            seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
            if outcome.problems:
                raise SystemExit("\n".join(outcome.shown_problems))
            self.stdout.write(
                f"{step}: {seconds:.1f} s, {rows / seconds:,.0f} rows a second "
                f"(this process's CPU time {cpu:.1f} s; the rest is the database and waiting for a core)"
            )
