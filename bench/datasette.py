"""The portal's searches side by side with Datasette's full-text search over the same rows, over HTTP.

`manage.py compare_datasette` exports the search index (bench/search_export.py), serves the file
with Datasette and the portal with gunicorn (production settings, one sync worker each: once with
its cache, once without), and times the same searches against each, request by request and
interleaved, so that whatever else the machine is doing falls on all of them alike.

Datasette is a benchmark-only dependency (bench/requirements-datasette.txt), installed apart from
the portal: docs/performance.md, "Datasette side by side".
"""

import os
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

import requests
from django.conf import settings

from .management.commands.benchmark import SCENARIOS
from .search_export import FTS_TABLE, TABLE

SHOWN = "e.id, e.kind, e.title, e.summary, e.url"
PAGE = 20


@dataclass(frozen=True)
class Query:
    """One of `benchmark`'s search rows, and how Datasette is asked the same."""

    label: str
    match: str | None  # an FTS5 query, or None for facets alone
    kind: str | None = None
    access_level: str | None = None
    theme: str | None = None

    @property
    def portal(self) -> str:
        return next(url for label, url, _ in SCENARIOS if label == self.label)

    def ranked(self, database: str) -> str:
        """Datasette's SQL endpoint, best first by FTS5's rank (bm25), as its docs' search query does."""
        where, params = [], {}
        if self.match is not None:
            where.append(f"{FTS_TABLE} MATCH :q")
            params["q"] = self.match
        for column in ("kind", "access_level"):
            if getattr(self, column):
                where.append(f"e.{column} = :{column}")
                params[column] = getattr(self, column)
        if self.theme:
            where.append("EXISTS (SELECT 1 FROM json_each(e.themes) WHERE value = :theme)")
            params["theme"] = self.theme
        if self.match is not None:
            sql = (
                f"SELECT {SHOWN} FROM {FTS_TABLE} JOIN {TABLE} e ON e.id = {FTS_TABLE}.rowid "
                f"WHERE {' AND '.join(where)} ORDER BY {FTS_TABLE}.rank LIMIT {PAGE}"
            )
        else:
            sql = f"SELECT {SHOWN} FROM {TABLE} e WHERE {' AND '.join(where)} ORDER BY e.id LIMIT {PAGE}"
        return f"/{database}.json?" + urllib.parse.urlencode({"sql": sql, **params, "_shape": "array"})

    def table(self, database: str) -> str:
        """Datasette's table page as JSON: its own search (`_search`, unranked) with its count of matches."""
        params: list[tuple[str, str]] = []
        if self.match is not None:
            params += [("_search", self.match), ("_searchmode", "raw")]
        if self.kind:
            params.append(("kind", self.kind))
        if self.access_level:
            params.append(("access_level", self.access_level))
        if self.theme:
            params.append(("themes__arraycontains", self.theme))
        params += [("_col", column) for column in ("kind", "title", "summary", "url")]
        params.append(("_size", str(PAGE)))
        return f"/{database}/{TABLE}.json?" + urllib.parse.urlencode(params)


# benchmark's search rows, in Datasette's terms. The typo finds nothing there (no correction); the
# portal's synonyms, facets and typo correction have no counterpart.
QUERIES = [
    Query("search: common word", "health"),
    Query("search: rare word", "4242"),
    Query("search: phrase", '"school readiness"'),
    Query("search: typo", "obesty"),
    Query("search: query + 2 facets", "mental health", kind="dataset", access_level="open"),
    Query("search: facets, no query", None, kind="dataset", theme="early-years"),
    # The analysts' searches, as Datasette's own escaping reads the words typed: every word required,
    # no places or ages understood.
    Query("search: SEND Bradford 5-11", '"SEND" "Bradford" "5-11"'),
    Query("search: asthma in Bradford aged 5", '"asthma" "in" "Bradford" "children" "aged" "5"'),
    Query("search: NEET 16-18 Gateshead", '"NEET" "16-18" "Gateshead"'),
]

TARGETS = ("portal cold", "portal kept", "Datasette ranked", "Datasette table")


def load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def wait_for(url: str, process: subprocess.Popen, log: Path, seconds: int = 60) -> None:
    for _ in range(seconds * 4):
        if process.poll() is not None:
            raise RuntimeError(f"{url} did not start:\n{log.read_text()[-2000:]}")
        try:
            if requests.get(url, timeout=5).status_code == 200:
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.25)
    raise RuntimeError(f"{url} did not answer in {seconds} s:\n{log.read_text()[-2000:]}")


@contextmanager
def server(command: list[str], env: dict, health: str, log: Path) -> Iterator[None]:
    with open(log, "w") as out:
        process = subprocess.Popen(
            command, env=env, stdout=out, stderr=subprocess.STDOUT, cwd=settings.BASE_DIR
        )
    try:
        wait_for(health, process, log)
        yield
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def portal_env(work: Path, port: int, cold: bool, demand_log: str | None = None) -> dict:
    """Production settings as scripts/loadtest sets them: no DEBUG, a throwaway key, plain HTTP; with
    `cold`, no cache; with `demand_log`, searches are logged in that database (bench/comparison_settings.py)."""
    env = {key: value for key, value in os.environ.items() if key not in ("DEBUG", "REDIS_URL")}
    env.update(
        SECRET_KEY="datasette-comparison-" + secrets.token_hex(16),
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_COOKIES="false",
        SECURE_SSL_REDIRECT="false",
        RATELIMIT_ENABLE="false",
        STATIC_ROOT=str(work / "static"),
        GUNICORN_BIND=f"127.0.0.1:{port}",
        WEB_CONCURRENCY="1",
        DJANGO_SETTINGS_MODULE="bench.comparison_settings",
        BENCH_NO_CACHE="1" if cold else "",
    )
    if demand_log:
        env["BENCH_DEMAND_LOG_URL"] = demand_log
    return env


def percentiles(timings: list[float]) -> tuple[float, float]:
    return statistics.median(timings), statistics.quantiles(timings, n=20, method="inclusive")[18]


def compare(
    export_path: Path, datasette: str, runs: int, port: int, write, demand_log: str | None = None
) -> dict:
    """Serves and times everything; writes the table with `write` and returns {(label, target): timings}."""
    database = export_path.stem
    python = sys.executable
    gunicorn = str(Path(python).with_name("gunicorn"))
    timings: dict[tuple[str, str], list[float]] = {}
    with ExitStack() as stack:
        work = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="n8-datasette-")))
        env = portal_env(work, port, cold=False)
        subprocess.run(
            [python, "manage.py", "collectstatic", "--noinput", "-v", "0"],
            env=env,
            check=True,
            cwd=settings.BASE_DIR,
        )
        bases = {
            "portal kept": f"http://127.0.0.1:{port}",
            "portal cold": f"http://127.0.0.1:{port + 1}",
            "Datasette ranked": f"http://127.0.0.1:{port + 2}",
        }
        bases["Datasette table"] = bases["Datasette ranked"]
        for target, cold in (("portal kept", False), ("portal cold", True)):
            stack.enter_context(
                server(
                    [gunicorn, "-c", "n8portal/gunicorn.conf.py", "n8portal.wsgi"],
                    portal_env(work, int(bases[target].rsplit(":", 1)[1]), cold, demand_log),
                    bases[target] + "/health/",
                    work / f"{target.replace(' ', '-')}.log",
                )
            )
        stack.enter_context(
            server(
                [
                    datasette,
                    "serve",
                    str(export_path),
                    "--port",
                    str(port + 2),
                    "--host",
                    "127.0.0.1",
                    "--setting",
                    "sql_time_limit_ms",
                    "30000",
                    "--setting",
                    "facet_time_limit_ms",
                    "30000",
                ],
                dict(os.environ),
                bases["Datasette ranked"] + "/-/versions.json",
                work / "datasette.log",
            )
        )
        versions = requests.get(bases["Datasette ranked"] + "/-/versions.json", timeout=10).json()
        write(
            f"Datasette {versions['datasette']['version']}, SQLite {versions['sqlite']['version']}; "
            f"{runs} runs each, interleaved; load average before: {load_average()}"
        )
        sessions = {target: requests.Session() for target in TARGETS}
        addresses = {
            (query.label, target): bases[target] + address
            for query in QUERIES
            for target, address in (
                ("portal kept", query.portal),
                ("portal cold", query.portal),
                ("Datasette ranked", query.ranked(database)),
                ("Datasette table", query.table(database)),
            )
        }
        headers = {"X-Forwarded-Proto": "https"}
        for _ in range(3):  # warm-ups: each worker's first requests load code and fill SQLite's page cache
            for (_, target), address in addresses.items():
                sessions[target].get(address, headers=headers, timeout=60)
        for _ in range(runs):
            for (label, target), address in addresses.items():
                started = time.perf_counter()
                response = sessions[target].get(address, headers=headers, timeout=60)
                elapsed = (time.perf_counter() - started) * 1000
                if response.status_code != 200:
                    raise RuntimeError(f"{target} answered {response.status_code} to {address}")
                timings.setdefault((label, target), []).append(elapsed)
        rows = {
            query.label: datasette_rows(
                sessions["Datasette table"], addresses[(query.label, "Datasette table")]
            )
            for query in QUERIES
        }
    write(f"load average after: {load_average()}\n")
    write(
        "| request | portal cold p50 / p95 ms | portal kept p50 / p95 | Datasette ranked p50 / p95 "
        "| Datasette table p50 / p95 | Datasette's matches | p95 ratio cold / ranked | p95 ratio kept / ranked |"
    )
    write("|---|---:|---:|---:|---:|---:|---:|---:|")
    for query in QUERIES:
        cells = {target: percentiles(timings[(query.label, target)]) for target in TARGETS}
        ranked = cells["Datasette ranked"][1]
        write(
            f"| {query.label} (`{query.portal}`) | "
            + " | ".join(f"{p50:.1f} / {p95:.1f}" for p50, p95 in cells.values())
            + f" | {rows[query.label]} | ×{cells['portal cold'][1] / ranked:.1f} | ×{cells['portal kept'][1] / ranked:.1f} |"
        )
    return timings


def datasette_rows(session: requests.Session, address: str) -> str:
    """How many rows Datasette's table search counted, as it says it (it stops counting after a time)."""
    answer = session.get(address, timeout=60).json()
    count = answer.get("filtered_table_rows_count")
    return "?" if count is None else f"{count:,}"


def find_datasette(given: str | None) -> str:
    found = given or os.environ.get("DATASETTE") or shutil.which("datasette")
    if not found:
        raise RuntimeError(
            "Datasette is not installed: python3 -m venv /tmp/datasette && "
            "/tmp/datasette/bin/pip install -r bench/requirements-datasette.txt, then --datasette "
            "/tmp/datasette/bin/datasette (docs/performance.md)."
        )
    return found
