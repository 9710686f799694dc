import time

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from bench.import_file import researchers_csv
from jobs.models import Job
from organisations.models import Organisation
from people.models import Researcher
from search.tasks import INDEX_ENTRIES, index_entries_job
from themes.models import Theme
from transfer import importer
from transfer.models import PendingImport


class Command(BaseCommand):
    help = (
        "Times the CSV import of new researchers (a check, then the import itself, as the preview and "
        "confirm jobs run them, then the search indexing job the import queues) and prints rows a second. "
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
        last_job = Job.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        self.stdout.write(f"{rows:,} researcher rows, {len(text.encode()) / 1024 / 1024:.1f} MB")
        for step, commit in (("check (preview)", False), ("import (confirm)", True)):
            started, cpu_started = time.perf_counter(), time.process_time()
            outcome = importer.run(pending, user, commit=commit)
            seconds = time.perf_counter() - started
            if outcome.problems:
                raise SystemExit("\n".join(outcome.shown_problems))
            self.report(step, rows, seconds, cpu_started)
        # The import queues the search indexing as a job of its own; run it here, as a worker would.
        indexing = Job.objects.filter(kind=INDEX_ENTRIES, pk__gt=last_job).first()
        if indexing is not None:
            started, cpu = time.perf_counter(), time.process_time()
            index_entries_job.call(indexing.pk, **indexing.arguments)
            self.report("index for search (a job of its own)", rows, time.perf_counter() - started, cpu)

    def report(self, step: str, rows: int, seconds: float, cpu_started: float) -> None:
        self.stdout.write(
            f"{step}: {seconds:.1f} s, {rows / seconds:,.0f} rows a second "
            f"(this process's CPU time {time.process_time() - cpu_started:.1f} s; the rest is the database and "
            "waiting for a core)"
        )
