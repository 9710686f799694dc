"""Prints the load test's figures (scripts/loadtest) and judges them against the budgets:
`python bench/loadtest_report.py WORK_DIR MAX_RSS_MB [MAX_P95_MS MIN_REQUESTS_A_SECOND]`.

Reads locust's final statistics (locust.json: they count the requests still running when the time
was up that finished within the stop timeout, which the CSV files may miss), the failures' reasons
(locust_failures.csv) and the workers' resident memory sampled each second (rss.txt, "pid kB" lines).
Writes "pass" or "fail" to WORK_DIR/verdict.
"""

import csv
import json
import sys
from pathlib import Path


def percentile(times: dict[int, int], percent: float) -> int:
    """The smallest time (ms) that at least `percent` of the requests took no longer than.

    Locust keeps times as a histogram ({ms: requests}); its own helper is not imported because importing
    locust patches the standard library (gevent), which the tests of this module must not undergo.
    """
    wanted = percent * sum(times.values())
    seen = 0
    for ms in sorted(times):
        seen += times[ms]
        if seen >= wanted:
            return ms
    return 0


def percentiles(entry: dict) -> list[int]:
    return [percentile(entry["response_times"], percent) for percent in (0.5, 0.95, 0.99)]


def requests_table(work: Path) -> dict:
    entries = json.loads((work / "locust.json").read_text())
    overall = {"name": "**overall**", "num_requests": 0, "num_failures": 0, "response_times": {}}
    for entry in entries:
        entry["response_times"] = {int(ms): count for ms, count in entry["response_times"].items()}
        overall["num_requests"] += entry["num_requests"]
        overall["num_failures"] += entry["num_failures"]
        for ms, count in entry["response_times"].items():
            overall["response_times"][ms] = overall["response_times"].get(ms, 0) + count
    seconds = max(entry["last_request_timestamp"] for entry in entries) - min(
        entry["start_time"] for entry in entries
    )
    overall["seconds"] = seconds
    print(f"\n{overall['num_requests']:,} requests in {seconds:.0f} s")
    print("\n| request | requests | failures | req/s | p50 ms | p95 ms | p99 ms |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for entry in [*sorted(entries, key=lambda entry: entry["name"]), overall]:
        p50, p95, p99 = percentiles(entry)
        print(
            f"| {entry['name']} | {entry['num_requests']:,} | {entry['num_failures']:,} "
            f"| {entry['num_requests'] / seconds:.1f} | {p50:,} | {p95:,} | {p99:,} |"
        )
    failures = list(csv.DictReader(open(work / "locust_failures.csv")))
    if failures:
        print("\nFailures:")
        for row in failures:
            print(f"  {row['Occurrences']} × {row['Method']} {row['Name']}: {row['Error']}")
    return overall


def memory_table(work: Path) -> float:
    """Prints each worker's first and largest resident memory; returns the largest, in MB."""
    first: dict[str, int] = {}
    largest: dict[str, int] = {}
    for line in open(work / "rss.txt"):
        pid, kilobytes = line.split()
        first.setdefault(pid, int(kilobytes))
        largest[pid] = max(largest.get(pid, 0), int(kilobytes))
    print("\n| worker pid | resident memory at start MB | largest MB |")
    print("|---|---:|---:|")
    for pid in sorted(largest, key=int):
        print(f"| {pid} | {first[pid] / 1024:.0f} | {largest[pid] / 1024:.0f} |")
    return max(largest.values()) / 1024


def verdict(overall: dict, peak_mb: float, budgets: "Budgets") -> list[str]:
    """The budgets the run missed, in words; none means it passed."""
    missed = []
    if overall["num_requests"] == 0:
        return ["no request was answered"]
    if overall["num_failures"]:
        missed.append(f"{overall['num_failures']:,} failed requests")
    p95 = percentiles(overall)[1]
    if p95 > budgets.max_p95_ms:
        missed.append(f"overall p95 {p95:,} ms, budget {budgets.max_p95_ms:,.0f} ms")
    rate = overall["num_requests"] / overall["seconds"] if overall["seconds"] else 0
    if rate < budgets.min_rate:
        missed.append(f"{rate:.1f} requests a second, at least {budgets.min_rate:g} wanted")
    if peak_mb > budgets.max_rss_mb:
        missed.append(f"a worker reached {peak_mb:.0f} MB, limit {budgets.max_rss_mb:.0f} MB")
    return missed


class Budgets:
    def __init__(self, max_rss_mb: float, max_p95_ms: float = float("inf"), min_rate: float = 0):
        self.max_rss_mb, self.max_p95_ms, self.min_rate = max_rss_mb, max_p95_ms, min_rate


def main(work: Path, budgets: Budgets) -> None:
    overall = requests_table(work)
    peak = memory_table(work)
    print(f"\nLargest worker resident memory: {peak:.0f} MB (limit {budgets.max_rss_mb:.0f} MB)")
    missed = verdict(overall, peak, budgets)
    for reason in missed:
        print(f"Missed: {reason}")
    (work / "verdict").write_text("fail" if missed else "pass")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Budgets(*(float(value) for value in sys.argv[2:5])))
