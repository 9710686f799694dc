"""The map page takes the dataset list's keyword box too, read as the list reads it."""

import pytest

from tests.coverage.conftest import tiles_of
from tests.search.need_directory import need_directory

pytestmark = pytest.mark.django_db
directory = need_directory


def listing(dataset_count: int) -> str:
    return f"{dataset_count} dataset{'' if dataset_count == 1 else 's'}"


def test_the_map_counts_the_datasets_the_lists_keywords_find(client, directory):
    listed = client.get("/datasets/", {"q": "asthma"}).context["page"].object_list
    codes = [{area.code for area in dataset.areas.all()} for dataset in listed]

    response = client.get("/coverage/", {"q": "asthma", "from": "list"})

    assert response.status_code == 200
    tiles = tiles_of(response.content.decode())
    for name, code in [("Leeds", "E08000035"), ("Sheffield", "E08000039"), ("Bradford", "E08000032")]:
        expected = sum(code in listed_codes for listed_codes in codes)
        assert expected == 1
        assert f"{name}: {listing(expected)}" in tiles
    # The other areas hold none of the datasets found: the map counts only what the keywords find.
    assert sum(not label.endswith(": 0 datasets") for label in tiles) == 3
