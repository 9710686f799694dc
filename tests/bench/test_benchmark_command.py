"""`manage.py benchmark` fails (a non-zero exit) when a request misses its p95 budget."""

import io

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def benchmark(**options) -> str:
    out = io.StringIO()
    call_command("benchmark", runs=2, only=["autocomplete", "home"], stdout=out, **options)
    return out.getvalue()


def test_it_fails_when_a_request_misses_its_budget():
    with pytest.raises(
        CommandError, match=r"2 over their p95 budget or failed: home \(.* ms, budget 0\); autocomplete \("
    ):
        benchmark(budget=0)


def test_it_passes_when_every_request_meets_its_budget():
    out = benchmark(budget=60_000)
    assert "| autocomplete (`/search/suggest/?q=brad`, 200) |" in out
    assert "| home (`/`, 200) |" in out
    assert out.rstrip().endswith("Every request answered 200 within its p95 budget.")


def test_it_fails_when_a_request_does_not_answer_200(monkeypatch):
    from bench.management.commands import benchmark as command

    monkeypatch.setattr(command, "SCENARIOS", [("missing", "/no-such-page/", 60_000)])
    with pytest.raises(CommandError, match=r"missing \(answered 404\)"):
        call_command("benchmark", runs=2, stdout=io.StringIO())


def test_it_measures_only_the_rows_asked_for():
    out = benchmark(budget=60_000)
    assert "search: common word" not in out
