"""Reads the third-party reference files in ../shared/reference beside the project (or REFERENCE_DIR).

In CI (CI=true) a missing file fails the test; elsewhere the test is skipped with the reason, and
scripts/test lists it under NOT RUN.
"""

import csv
import os
from pathlib import Path

import pytest

REFERENCE_DIR = Path(
    os.environ.get("REFERENCE_DIR") or Path(__file__).resolve().parent.parent.parent / "shared" / "reference"
)


def reference_path(name: str) -> Path:
    path = REFERENCE_DIR / name
    if not path.exists():
        message = f"Reference file {path} is missing (it comes with the shared folder beside the project)."
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path


def reference_rows(name: str) -> list[dict]:
    with reference_path(name).open(newline="", encoding="utf-8") as file:
        return list(csv.DictReader(file))
