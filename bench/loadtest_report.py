"""Prints the load test's figures (scripts/loadtest): `python bench/loadtest_report.py WORK_DIR MAX_RSS_MB`.

Reads locust's final statistics (locust.json: they count the requests still running when the time
was up that finished within the stop timeout, which the CSV files may miss), the failures' reasons
(locust_failures.csv) and the workers' resident memory sampled each second (rss.txt, "pid kB" lines).
Writes "pass" or "fail" to WORK_DIR/verdict.
"""

import csv
import json
import sys
from pathlib import Path

from locust.stats import calculate_response_time_percentile


def percentiles(entry: dict) -> list[int]:
    return [
        calculate_response_time_percentile(entry["response_times"], entry["num_requests"], percent)
        for percent in (0.5, 0.95, 0.99)
    ]


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


def main(work: Path, max_rss_mb: float) -> None:
    overall = requests_table(work)
    peak = memory_table(work)
    print(f"\nLargest worker resident memory: {peak:.0f} MB (limit {max_rss_mb:.0f} MB)")
    passed = overall["num_requests"] > 0 and overall["num_failures"] == 0 and peak <= max_rss_mb
    (work / "verdict").write_text("pass" if passed else "fail")


if __name__ == "__main__":
    main(Path(sys.argv[1]), float(sys.argv[2]))
