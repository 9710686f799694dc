"""Server time and SQL query count of the portal's main requests, on the database in DATABASE_URL."""

import platform
import statistics
import time

from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from datasets.models import Dataset
from people.models import Researcher
from projects.models import Project
from search.models import SearchEntry

SCENARIOS = [
    ("search: common word", "/search/?q=health"),
    ("search: rare word", "/search/?q=4242"),
    ("search: phrase", '/search/?q="school+readiness"'),
    ("search: typo", "/search/?q=obesty"),
    ("search: query + 2 facets", "/search/?q=mental+health&kind=dataset&access_level=open"),
    ("search: facets, no query", "/search/?theme=early-years&kind=dataset"),
    ("list: datasets filtered", "/datasets/?area=E08000032&life_stage=early-years"),
    ("list: researchers filtered", "/researchers/?theme=mental-health&career_stage=senior"),
    ("list: projects filtered", "/projects/?stage=active&theme=education"),
    ("detail: dataset", "{dataset}"),
    ("detail: researcher", "{researcher}"),
    ("detail: project", "{project}"),
    ("autocomplete", "/search/suggest/?q=brad"),
]


def resident_megabytes() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


class Command(BaseCommand):
    help = (
        "Measures p50 and p95 server time and the SQL query count of searches, list, detail and autocomplete "
        "requests against the database in DATABASE_URL, and the process's resident memory afterwards."
    )

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=40, help="Timed runs per request (after 3 warm-ups).")

    def handle(self, *args, runs, **options):
        entries = {
            "dataset": Dataset.objects.published().order_by("pk").first(),
            "researcher": Researcher.objects.published().order_by("pk").first(),
            "project": Project.objects.published().order_by("pk").first(),
        }
        urls = {name: entry.get_absolute_url() if entry else "/" for name, entry in entries.items()}
        self.stdout.write(
            f"{connection.vendor}, {SearchEntry.objects.count():,} indexed entries, "
            f"{platform.machine()}, Python {platform.python_version()}, {runs} runs each\n"
        )
        self.stdout.write("| request | p50 ms | p95 ms | SQL queries |\n|---|---:|---:|---:|")
        client = Client()
        with override_settings(ALLOWED_HOSTS=["*"], DEBUG=False):
            for label, url in SCENARIOS:
                self.measure(client, label, url.format(**urls), runs)
        self.stdout.write(f"\nResident memory after the benchmark: {resident_megabytes():.0f} MB")

    def measure(self, client: Client, label: str, url: str, runs: int) -> None:
        for _ in range(3):
            client.get(url)
        timings = []
        for _ in range(runs):
            started = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        p95 = statistics.quantiles(timings, n=20)[18]
        self.stdout.write(
            f"| {label} (`{url}`, {response.status_code}) | {statistics.median(timings):.1f} | {p95:.1f} "
            f"| {len(queries)} |"
        )
