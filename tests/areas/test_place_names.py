"""The place names shipped after migrate are complete and point at the right authorities."""

from collections import defaultdict

import pytest

from areas.models import PlaceName
from areas.places import place_names
from tests.reference import reference_rows

# The everyday names in ../shared/reference/README.md, with the official name of the authority they mean.
EVERYDAY_NAMES = {
    "Hull": "Kingston upon Hull, City of",
    "Newcastle": "Newcastle upon Tyne",
    "Durham": "County Durham",
    "Blackburn": "Blackburn with Darwen",
    "Darwen": "Blackburn with Darwen",
    "St Helens": "St. Helens",
    "Stockton": "Stockton-on-Tees",
    "Redcar": "Redcar and Cleveland",
    "East Riding": "East Riding of Yorkshire",
    "Cheshire West": "Cheshire West and Chester",
}


def codes_by_name() -> dict[str, tuple[str, ...]]:
    return {place.name.casefold(): place.codes for place in place_names()}


def reference_codes() -> dict[str, str]:
    """Official name → ONS code, from the reference list of the 62 authorities."""
    return {row["name"]: row["code"] for row in reference_rows("northern-local-authorities.csv")}


def test_every_authority_is_found_by_its_official_name(db):
    places = codes_by_name()
    for name, code in reference_codes().items():
        assert places[name.casefold()] == (code,), name
    assert PlaceName.objects.filter(kind=PlaceName.Kind.AUTHORITY).count() == 62


def test_every_sub_region_stands_for_exactly_its_members(db):
    members = defaultdict(set)
    for row in reference_rows("northern-sub-regions.csv"):
        members[row["sub_region"]].add(row["code"])
    places = codes_by_name()
    assert len(members) >= 15
    for sub_region, codes in members.items():
        assert set(places[sub_region.casefold()]) == codes, sub_region


def test_every_region_stands_for_its_authorities(db):
    regions = defaultdict(set)
    for row in reference_rows("northern-local-authorities.csv"):
        regions[row["region_name"]].add(row["code"])
    places = codes_by_name()
    for region, codes in regions.items():
        assert set(places[region.casefold()]) == codes, region
    assert set(places["north east england"]) == regions["North East"]
    assert set(places["yorkshire & the humber"]) == regions["Yorkshire and The Humber"]


@pytest.mark.parametrize("name", ["the North", "Northern England", "North of England"])
def test_the_north_stands_for_all_62_authorities(db, name):
    assert set(codes_by_name()[name.casefold()]) == set(reference_codes().values())


@pytest.mark.parametrize(("name", "official"), EVERYDAY_NAMES.items())
def test_everyday_names_stand_for_their_authority(db, name, official):
    assert codes_by_name()[name.casefold()] == (reference_codes()[official],)


def test_hull_is_shown_by_its_everyday_official_name(db):
    labels = {place.name: place.label for place in place_names()}
    assert labels["Hull"] == labels["Kingston upon Hull, City of"] == "Kingston upon Hull"
    assert labels["Bradford"] == "Bradford"
    assert labels["Huddersfield"] == "Huddersfield (Kirklees)"


def test_districts_abolished_in_2023_stand_for_the_authority_that_replaced_them(db):
    places = codes_by_name()
    districts = [
        row
        for row in reference_rows("northern-local-authorities-code-changes.csv")
        if "(county)" not in row["old_name"] and row["old_name"] != row["new_name"]
    ]
    assert len(districts) == 13
    for row in districts:
        assert places[row["old_name"].casefold()] == (row["new_code"],), row["old_name"]


def test_words_that_often_mean_something_else_are_marked_ambiguous(db):
    ambiguous = {place.name for place in place_names() if place.ambiguous}
    # The reference README's examples, and two the North's universities share.
    assert {"York", "Lancaster", "Bury", "Wigan", "Durham", "Newcastle"} <= ambiguous
    assert not {"Bradford", "Hull", "Gateshead", "West Yorkshire", "the North"} & ambiguous
    assert all(PlaceName.objects.filter(ambiguous=True).values_list("note", flat=True))


def test_north_yorkshire_is_the_unitary_authority_not_the_combined_authority(db):
    places = codes_by_name()
    assert places["north yorkshire"] == ("E06000065",)
    assert places["york and north yorkshire"] == ("E06000014", "E06000065")


def test_every_name_stands_for_at_least_one_area(db):
    assert not PlaceName.objects.filter(areas__isnull=True).exists()
    assert len(place_names()) == PlaceName.objects.count()
