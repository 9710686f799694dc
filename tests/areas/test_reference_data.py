from collections import Counter

from areas.models import Area, AreaCodeAlias
from tests.reference import reference_rows


def test_it_ships_the_62_current_northern_local_authorities(db):
    expected = {
        row["code"]: (row["name"], row["region_code"])
        for row in reference_rows("northern-local-authorities.csv")
    }
    shipped = {area.code: (area.name, area.region) for area in Area.objects.all()}
    assert len(expected) == 62
    assert shipped == expected


def test_regions_hold_the_right_number_of_areas(db):
    assert Counter(Area.objects.values_list("region", flat=True)) == {
        Area.Region.NORTH_EAST: 12,
        Area.Region.NORTH_WEST: 35,
        Area.Region.YORKSHIRE_AND_THE_HUMBER: 15,
    }


def test_every_retired_code_is_an_alias_of_its_successors(db):
    for row in reference_rows("northern-local-authorities-code-changes.csv"):
        successors = set(row["new_code"].split(";"))
        assert set(Area.objects.for_code(row["old_code"]).values_list("code", flat=True)) == successors
    assert AreaCodeAlias.objects.count() == 18


def test_a_code_is_found_whatever_its_case_and_spacing(db):
    assert [area.name for area in Area.objects.for_code("  e08000019 ")] == ["Sheffield"]


def test_an_unknown_code_finds_nothing(db):
    assert not Area.objects.for_code("E99999999").exists()
