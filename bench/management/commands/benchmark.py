"""Server time and SQL query count of the portal's main requests, on the database in DATABASE_URL."""

import fnmatch
import html
import platform
import re
import statistics
import time
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from core.keyset import cursor_after, keys_of, ordered_for_keyset
from core.listing import with_ties_broken
from datasets.models import Dataset
from organisations.models import Organisation
from people.models import Researcher
from projects.models import Project
from search.models import SearchEntry

# (label, address, budget for p95 in ms at national scale on 2 cores; docs/performance.md).
SCENARIOS = [
    ("search: common word", "/search/?q=health", 50),
    ("search: rare word", "/search/?q=4242", 50),
    ("search: phrase", '/search/?q="school+readiness"', 50),
    ("search: typo", "/search/?q=obesty", 50),
    ("search: query + 2 facets", "/search/?q=mental+health&kind=dataset&access_level=open", 50),
    ("search: facets, no query", "/search/?theme=early-years&kind=dataset", 50),
    # The analyst's queries: a topic, a place and an age read from the words (search/understanding.py).
    ("search: SEND Bradford 5-11", "/search/?q=SEND+Bradford+5-11", 50),
    ("search: asthma in Bradford aged 5", "/search/?q=asthma+in+Bradford+children+aged+5", 50),
    ("search: NEET 16-18 Gateshead", "/search/?q=NEET+16-18+Gateshead", 50),
    ("list: datasets filtered", "/datasets/?area=E08000032&life_stage=early-years", 30),
    ("list: researchers filtered", "/researchers/?theme=mental-health&career_stage=senior", 30),
    ("list: projects filtered", "/projects/?stage=active&theme=education", 30),
    ("list: datasets, first page", "/datasets/", 30),
    ("list: datasets, page 50", "/datasets/?page=50", 30),
    # Reached by Next from the page before, as a person or a harvester pages: read after a keyset cursor.
    ("list: datasets, page 50 by Next", "{datasets_50}", 30),
    ("list: researchers, first page", "/researchers/", 30),
    ("list: researchers, page 50", "/researchers/?page=50", 30),
    ("list: researchers, page 5,000 by Next", "{researchers_5000}", 30),
    ("list: organisations, first page", "/organisations/", 30),
    ("detail: dataset", "{dataset}", 30),
    ("detail: researcher", "{researcher}", 30),
    ("detail: project", "{project}", 30),
    ("detail: organisation", "{organisation}", 30),
    ("api: datasets list", "/api/v1/datasets/", 50),
    ("api: researchers filtered", "/api/v1/researchers/?theme=mental-health&career_stage=senior", 50),
    ("api: projects, page 50 by next", "{api_projects_50}", 50),
    ("api: search", "/api/v1/search/?q=health", 50),
    ("api: search, words + facets", "/api/v1/search/?q=mental+health&kind=dataset&access_level=open", 50),
    ("api: dataset detail", "{api_dataset}", 50),
    ("api: researcher detail", "{api_researcher}", 50),
    ("home", "/", 50),
    ("theme hub", "/themes/early-years/", 100),
    ("themes", "/themes/", 100),
    ("area page", "/areas/E08000032/", 100),
    ("areas", "/areas/", 100),
    ("coverage map", "/coverage/", 100),
    # "Show these datasets on a map" from the filtered dataset list above.
    ("coverage map of a filtered list", "/coverage/?area=E08000032&life_stage=early-years&from=list", 100),
    ("gaps", "/coverage/gaps/", 100),
    ("autocomplete", "/search/suggest/?q=brad", 20),
]


def resident_megabytes() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def next_of(client: Client, url: str) -> str:
    """The address of the page after `url`, as its Next link (a keyset cursor) gives it; the first page
    when the directory has no such page."""
    response = client.get(url)
    if response.status_code != 200:
        return url.split("?")[0]
    if response["Content-Type"].startswith("application/json"):
        following = urlsplit(response.json().get("next") or url.split("?")[0])
        return f"{following.path}?{following.query}"
    found = re.search(r'class="pagination-next" href="([^"]+)"', response.content.decode())
    return url.split("?")[0] + html.unescape(found.group(1)) if found else url.split("?")[0]


def deep_page(path: str, entries, number: int) -> str:
    """The address of page `number` of a list in its default order as Next reaches it (by cursor)."""
    ordered = ordered_for_keyset(with_ties_broken(entries))
    keys = keys_of(ordered)
    before = ordered[(number - 1) * settings.PAGE_SIZE - 1 : (number - 1) * settings.PAGE_SIZE]
    last = before[0] if before else None
    return f"{path}?after={cursor_after(last, keys, number - 1)}" if last else path


class Command(BaseCommand):
    help = (
        "Measures p50 and p95 server time and the SQL query count of searches, list, detail and autocomplete "
        "requests against the database in DATABASE_URL, and the process's resident memory afterwards."
    )

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=40, help="Timed runs per request (after 3 warm-ups).")
        parser.add_argument(
            "--only",
            action="append",
            help="Measure only the requests whose label matches this pattern, e.g. 'list:*' (repeatable).",
        )
        parser.add_argument(
            "--cold",
            action="store_true",
            help="Empty the cache before every request, to time the counts that pages keep in it as if never kept.",
        )
        parser.add_argument(
            "--budget",
            type=float,
            help="One p95 budget in ms for every request instead of each request's own (e.g. to try a target).",
        )

    def handle(self, *args, runs, only, cold, budget, **options):
        entries = {
            "dataset": Dataset.objects.published().order_by("pk").first(),
            "researcher": Researcher.objects.published().order_by("pk").first(),
            "project": Project.objects.published().order_by("pk").first(),
            "organisation": Organisation.objects.published().order_by("pk").first(),
        }
        urls = {name: entry.get_absolute_url() if entry else "/" for name, entry in entries.items()}
        urls["api_dataset"] = f"/api/v1/datasets/{entries['dataset'].slug}/" if entries["dataset"] else "/"
        urls["api_researcher"] = (
            f"/api/v1/researchers/{entries['researcher'].slug}/" if entries["researcher"] else "/"
        )
        self.stdout.write(
            f"{connection.vendor}, {SearchEntry.objects.count():,} indexed entries, "
            f"{platform.machine()}, Python {platform.python_version()}, {runs} runs each, "
            f"cache {'emptied before every request' if cold else 'kept'}\n"
        )
        self.stdout.write(
            "| request | p50 ms | p95 ms | max ms | SQL queries | KB | budget p95 ms |\n|---|---:|---:|---:|---:|---:|---:|"
        )
        client = Client()
        self.cold = cold
        with override_settings(ALLOWED_HOSTS=["*"], DEBUG=False, RATELIMIT_ENABLE=False):
            urls["datasets_50"] = next_of(client, "/datasets/?page=49")
            # Past the 10,000 a list counts, no numbered page links there: the cursor Next would carry.
            urls["researchers_5000"] = deep_page("/researchers/", Researcher.objects.published(), 5000)
            urls["api_projects_50"] = next_of(client, "/api/v1/projects/?page=49")
        missed = []
        # One client asks hundreds of times a minute: the rate limits would answer 429 in a few milliseconds.
        with override_settings(ALLOWED_HOSTS=["*"], DEBUG=False, RATELIMIT_ENABLE=False):
            for label, url, own_budget in SCENARIOS:
                if not only or any(fnmatch.fnmatch(label, pattern) for pattern in only):
                    limit = own_budget if budget is None else budget
                    p95, status = self.measure(client, label, url.format(**urls), runs, limit)
                    if status != 200:
                        missed.append(f"{label} (answered {status})")
                    elif p95 > limit:
                        missed.append(f"{label} ({p95:.1f} ms, budget {limit:g})")
        self.stdout.write(f"\nResident memory after the benchmark: {resident_megabytes():.0f} MB")
        if missed:
            # A non-zero exit, so that scripts (scripts/loadtest, a release check) notice a missed budget.
            raise CommandError(f"{len(missed)} over their p95 budget or failed: {'; '.join(missed)}")
        self.stdout.write("Every request answered 200 within its p95 budget.")

    def measure(self, client: Client, label: str, url: str, runs: int, budget: float) -> tuple[float, int]:
        """Times `url` and writes its row; returns its p95 in ms and the last answer's status."""
        for _ in range(3):
            client.get(url)
        timings = []
        for _ in range(runs):
            if self.cold:
                cache.clear()
            started = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
        if self.cold:
            cache.clear()
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        # Inclusive: a p95 between the slowest runs, never beyond the slowest (the default extrapolates).
        p95 = statistics.quantiles(timings, n=20, method="inclusive")[18]
        self.stdout.write(
            f"| {label} (`{url}`, {response.status_code}) | {statistics.median(timings):.1f} | {p95:.1f} | {max(timings):.1f} "
            f"| {len(queries)} | {len(response.content) / 1024:.0f} | {budget:g} |"
        )
        return p95, response.status_code
