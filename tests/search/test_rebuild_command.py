"""rebuild_search_index, as an operator runs it: outside any transaction, tidying the tables afterwards."""

import io

import pytest
from django.core.management import call_command

from search.service import search
from tests.factories import DatasetFactory


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_rebuild_command_indexes_everything_and_tidies_up():
    DatasetFactory(title="Healthy Start uptake")
    output = io.StringIO()
    # On PostgreSQL this ends with VACUUM ANALYZE, which refuses to run inside a transaction.
    call_command("rebuild_search_index", stdout=output)
    assert "Indexed" in output.getvalue()
    assert search("Healthy Start").total == 1
