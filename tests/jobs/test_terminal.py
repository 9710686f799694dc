"""The daily commands and the index rebuild show a progress bar on a terminal, and print nothing but
problems with --quiet."""

from io import StringIO

import pytest
from django.core.management import call_command

from tests.factories import DatasetFactory

pytestmark = pytest.mark.django_db

COMMANDS = ["check_links", "send_review_reminders", "send_digests"]
BARS = {
    "check_links": "Checking links: 0 links",
    "send_review_reminders": "Reminding people: 0 people",
    "send_digests": "Checking follows: 0 follows",
}


class Terminal(StringIO):
    def isatty(self) -> bool:
        return True


def run(name: str, *args, stderr=None) -> tuple[str, str]:
    out, err = StringIO(), stderr or StringIO()
    call_command(name, *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.mark.parametrize("name", COMMANDS)
def test_a_terminal_shows_a_progress_bar(name):
    out, err = run(name, stderr=Terminal())
    assert err.startswith("\r" + BARS[name])
    assert out, "the summary is still printed"


@pytest.mark.parametrize("name", COMMANDS)
def test_cron_mail_and_logs_get_no_progress_bar(name):
    out, err = run(name)
    assert err == ""
    assert out


@pytest.mark.parametrize("name", COMMANDS)
def test_quiet_prints_nothing_when_all_is_well(name):
    assert run(name, "--quiet", stderr=Terminal()) == ("", "")


def test_the_index_rebuild_shows_each_kind_on_a_terminal_and_nothing_with_quiet(monkeypatch):
    # VACUUM after the rebuild cannot run inside the test's transaction (tests/search/test_rebuild_command.py
    # runs it for real).
    monkeypatch.setattr("search.management.commands.rebuild_search_index.tidy", lambda: None)
    DatasetFactory(title="Healthy Start uptake")
    out, err = run("rebuild_search_index", stderr=Terminal())
    assert "Indexing datasets" in err
    assert "Indexed" in out
    assert run("rebuild_search_index", "--quiet", stderr=Terminal()) == ("", "")
