"""The tests a run skipped, and why, for the NOT RUN summary of scripts/test.

While TEST_SKIPS_FILE names a file, tests/conftest.py appends one JSON line per skipped test to it.
`python -m tests.skips FOLDER RUN...` reads the file of each run of the suite (named after the run, e.g.
FOLDER/SQLite) and prints the skipped tests grouped by reason, as items of the NOT RUN list.
"""

import json
import os
import sys
from collections import defaultdict
from pathlib import Path

import pytest


def record(report: pytest.TestReport | pytest.CollectReport) -> None:
    """Notes a skipped test or module, with the reason it gave, in the file TEST_SKIPS_FILE names."""
    file = os.environ.get("TEST_SKIPS_FILE")
    if not file or not report.skipped or hasattr(report, "wasxfail"):
        return
    # A skip's report holds (path, line, "Skipped: reason").
    reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
    line = {"test": report.nodeid, "reason": reason.removeprefix("Skipped: ")}
    with open(file, "a", encoding="utf-8") as skips:
        skips.write(json.dumps(line) + "\n")


def summary(folder: Path, runs: list[str]) -> list[str]:
    """One line per reason, with the runs it happened in, then the tests it kept from running."""
    skipped_in: dict[tuple[str, str], list[str]] = defaultdict(list)
    for run in runs:
        file = folder / run
        if file.exists():
            for line in file.read_text(encoding="utf-8").splitlines():
                skip = json.loads(line)
                skipped_in[skip["reason"], skip["test"]].append(run)
    tests_of: dict[tuple[str, str], list[str]] = defaultdict(list)
    for (reason, test), in_runs in skipped_in.items():
        tests_of[reason, " and ".join(in_runs)].append(test)
    lines = []
    for (reason, in_runs), tests in sorted(tests_of.items()):
        lines.append(f"  - {len(tests)} test{'s' if len(tests) > 1 else ''} on {in_runs}: {reason}")
        lines += [f"      {test}" for test in sorted(tests)]
    return lines


if __name__ == "__main__":
    print("\n".join(summary(Path(sys.argv[1]), sys.argv[2:])))
