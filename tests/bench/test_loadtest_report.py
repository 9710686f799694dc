"""The load test's verdict holds the issue's budgets: failures, overall p95, throughput, worker memory."""

import json

import pytest

from bench.loadtest_report import Budgets, main

BUDGETS = Budgets(max_rss_mb=150, max_p95_ms=300, min_rate=20)


def write_run(work, *, times_ms, failures=0, seconds=10.0, worker_kb=100 * 1024):
    """Locust's final statistics for one kind of request, and one worker's memory samples."""
    entry = {
        "name": "search",
        "num_requests": len(times_ms),
        "num_failures": failures,
        "response_times": {str(ms): times_ms.count(ms) for ms in set(times_ms)},
        "start_time": 1000.0,
        "last_request_timestamp": 1000.0 + seconds,
    }
    (work / "locust.json").write_text(json.dumps([entry]))
    (work / "locust_failures.csv").write_text("Method,Name,Error,Occurrences\n")
    (work / "rss.txt").write_text(f"42 {worker_kb // 2}\n42 {worker_kb}\n")


def verdict_of(work):
    main(work, BUDGETS)
    return (work / "verdict").read_text()


def test_a_run_within_every_budget_passes(tmp_path):
    write_run(tmp_path, times_ms=[50] * 250)
    assert verdict_of(tmp_path) == "pass"


@pytest.mark.parametrize(
    "run, reason",
    [
        ({"times_ms": [50] * 250, "failures": 1}, "1 failed requests"),
        ({"times_ms": [50] * 200 + [400] * 50}, "overall p95 400 ms, budget 300 ms"),
        ({"times_ms": [50] * 150}, "15.0 requests a second, at least 20 wanted"),
        ({"times_ms": [50] * 250, "worker_kb": 200 * 1024}, "a worker reached 200 MB, limit 150 MB"),
    ],
)
def test_a_run_over_a_budget_fails_and_says_which(tmp_path, capsys, run, reason):
    write_run(tmp_path, **run)
    assert verdict_of(tmp_path) == "fail"
    assert f"Missed: {reason}" in capsys.readouterr().out
