"""rebuild_search_index, as an operator runs it."""

import io

import pytest
from django.core.management import call_command

from search.service import search
from tests.factories import DatasetFactory


@pytest.mark.django_db
def test_the_rebuild_command_indexes_everything():
    DatasetFactory(title="Healthy Start uptake")
    output = io.StringIO()
    # Run outside a transaction (as by an operator), it ends with VACUUM ANALYZE on PostgreSQL; inside the
    # test's transaction it leaves that out, as VACUUM cannot run there.
    call_command("rebuild_search_index", stdout=output)
    assert "Indexed" in output.getvalue()
    assert search("Healthy Start").total == 1
