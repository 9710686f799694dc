"""No filter offers a drop-down of more than 150 choices: past that it is a text box for a name."""

import importlib
import re
from pathlib import Path

import django_filters
import pytest
from django.apps import apps

from core.filters import FewChoicesMixin
from datasets.models import LinkageIdentifier
from tests.factories import DatasetFactory, DatasetUsageFactory, OrganisationFactory, ProjectFactory

MOST = 150


def every_filterset() -> list[type[django_filters.FilterSet]]:
    """Every FilterSet the portal declares, from each of its apps' filters modules."""
    portal = Path(apps.get_app_config("core").path).parent
    for config in apps.get_app_configs():
        if Path(config.path).parent == portal and (Path(config.path) / "filters.py").exists():
            importlib.import_module(f"{config.name}.filters")
    found, waiting = [], [django_filters.FilterSet]
    while waiting:
        for subclass in waiting.pop().__subclasses__():
            waiting.append(subclass)
            if not subclass.__module__.startswith("django_filters"):
                found.append(subclass)
    return found


def selects(html: str) -> dict[str, int]:
    """Each drop-down in the page by name, with its number of options."""
    return {
        name: body.count("<option")
        for name, body in re.findall(r'<select name="([^"]+)"[^>]*>(.*?)</select>', html, re.DOTALL)
    }


def test_every_filter_by_a_row_of_the_database_follows_the_rule():
    filtersets = every_filterset()
    assert len(filtersets) >= 6, "the list pages' filtersets are found"
    for filterset in filtersets:
        for name, declared in filterset.base_filters.items():
            if isinstance(
                declared, django_filters.ModelChoiceFilter | django_filters.ModelMultipleChoiceFilter
            ):
                assert isinstance(declared, FewChoicesMixin), (
                    f"{filterset.__name__}.{name} can grow past {MOST}"
                )
                assert declared.max_options == MOST


def test_every_fixed_choice_list_is_short():
    for filterset in every_filterset():
        for name, declared in filterset.base_filters.items():
            choices = declared.extra.get("choices")
            if isinstance(declared, django_filters.ChoiceFilter) and isinstance(choices, list | tuple):
                assert len(choices) <= MOST, f"{filterset.__name__}.{name}"


def test_the_dataset_list_asks_for_a_custodian_by_name_once_there_are_151(client, db):
    for number in range(MOST + 1):
        DatasetFactory(custodian=OrganisationFactory(name=f"Custodian {number:03}"))

    response = client.get("/datasets/")

    html = response.text
    assert 'type="search" name="custodian"' in html
    assert "Custodian 150" not in html.split('name="custodian"')[1].split("</div>")[0]
    assert all(count <= MOST + 1 for count in selects(html).values()), selects(html)
    assert len(response.content) < 150_000
    assert "1 dataset" in client.get("/datasets/?custodian=Custodian+150").text


def test_with_fewer_the_custodian_is_a_drop_down_with_the_choice_kept(client, db):
    holder = OrganisationFactory(name="Holder of data", slug="holder")
    DatasetFactory(custodian=holder)
    OrganisationFactory(name="Holds nothing")

    html = client.get("/datasets/?custodian=holder").text

    assert selects(html)["custodian"] == 2, "the empty choice and the one custodian"
    assert '<option value="holder" selected>Holder of data</option>' in html
    assert "Holds nothing" not in html


@pytest.mark.parametrize(
    "url, names",
    [
        ("/datasets/", ["theme", "custodian", "area", "identifier"]),
        ("/researchers/", ["theme", "organisation", "dataset"]),
        ("/projects/", ["theme", "organisation", "dataset"]),
        ("/coverage/", ["theme"]),
    ],
)
def test_past_the_limit_every_filter_by_an_entry_is_a_text_box(client, db, monkeypatch, url, names):
    monkeypatch.setattr(FewChoicesMixin, "max_options", 2)
    for _ in range(3):
        DatasetUsageFactory(dataset=DatasetFactory(), project=ProjectFactory())
        LinkageIdentifier.objects.create(name=f"Identifier {_}", slug=f"identifier-{_}")

    html = client.get(url).text

    for name in names:
        assert f'type="search" name="{name}"' in html, name
        assert name not in selects(html), name
