"""scripts/test lists every skipped test under NOT RUN, grouped by reason (tests/skips.py)."""

from types import SimpleNamespace

from tests import skips


def skipped(nodeid: str, reason: str) -> SimpleNamespace:
    return SimpleNamespace(nodeid=nodeid, skipped=True, longrepr=("tests/x.py", 3, f"Skipped: {reason}"))


def test_it_groups_the_skipped_tests_by_reason_and_names_the_runs(tmp_path, monkeypatch):
    monkeypatch.setenv("TEST_SKIPS_FILE", str(tmp_path / "SQLite"))
    skips.record(skipped("tests/a.py::test_one", "No Chromium"))
    skips.record(skipped("tests/b.py::test_two", "Reference file r.csv is missing"))
    monkeypatch.setenv("TEST_SKIPS_FILE", str(tmp_path / "PostgreSQL"))
    skips.record(skipped("tests/b.py::test_two", "Reference file r.csv is missing"))

    assert skips.summary(tmp_path, ["SQLite", "PostgreSQL"]) == [
        "  - 1 test on SQLite: No Chromium",
        "      tests/a.py::test_one",
        "  - 1 test on SQLite and PostgreSQL: Reference file r.csv is missing",
        "      tests/b.py::test_two",
    ]


def test_it_leaves_out_passed_tests_expected_failures_and_runs_without_a_file(tmp_path, monkeypatch):
    monkeypatch.setenv("TEST_SKIPS_FILE", str(tmp_path / "SQLite"))
    skips.record(SimpleNamespace(nodeid="tests/a.py::test_one", skipped=False, longrepr=None))
    skips.record(SimpleNamespace(**vars(skipped("tests/a.py::test_two", "xfail")), wasxfail=""))
    monkeypatch.delenv("TEST_SKIPS_FILE")
    skips.record(skipped("tests/a.py::test_three", "not recorded"))

    assert skips.summary(tmp_path, ["SQLite", "PostgreSQL"]) == []
