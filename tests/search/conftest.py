import os

import pytest
from django.core.management import call_command

from datasets.models import Dataset
from organisations.models import Organisation
from people.models import Researcher
from projects.models import Project
from search import indexing
from search.models import SearchLog


@pytest.fixture(scope="module")
def demo_directory(django_db_setup, django_db_blocker):
    """The demo directory, loaded once for a module of read-only search tests, then removed.

    The index is rebuilt after the removal, so that what stays (the seeded themes) is still found.
    """
    with django_db_blocker.unblock():
        call_command("load_demo", stdout=open(os.devnull, "w"))
    yield
    with django_db_blocker.unblock():
        with indexing.paused():
            for model in (Project, Researcher, Dataset, Organisation, SearchLog):
                model.objects.all().delete()
        indexing.rebuild()
