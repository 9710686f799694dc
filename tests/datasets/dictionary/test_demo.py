"""The demo's data dictionaries: at least 20 variables for at least five real datasets, shown and searchable."""

import pytest
from django.core.management import call_command

from datasets.models import Variable
from search.service import search

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    call_command("load_demo", verbosity=0)


def test_five_real_datasets_have_at_least_twenty_variables_each(demo):
    sizes = {}
    for variable in Variable.objects.select_related("dataset"):
        assert not variable.dataset.is_sample
        sizes[variable.dataset.slug] = sizes.get(variable.dataset.slug, 0) + 1
    assert len([size for size in sizes.values() if size >= 20]) >= 5, sizes


def test_loading_it_again_keeps_the_same_variables(demo):
    before = sorted(Variable.objects.values_list("dataset__slug", "table__slug", "name"))
    call_command("load_demo", verbosity=0)
    assert sorted(Variable.objects.values_list("dataset__slug", "table__slug", "name")) == before


def test_the_demo_finds_a_dataset_by_its_variable_and_each_page_answers(client, demo):
    hits = search("bmi centile", {}).hits
    assert any(hit.title.startswith("National Child Measurement Programme") for hit in hits)
    for variable in Variable.objects.select_related("dataset", "table")[:200:17]:
        assert client.get(variable.get_absolute_url()).status_code == 200
    mcs = client.get("/datasets/millennium-cohort-study/variables/").content.decode()
    assert "What was measured when" in mcs and "<svg" in mcs
