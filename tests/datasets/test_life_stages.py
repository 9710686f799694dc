"""Life-stage bands follow England's school phases, and one boundary rule decides them everywhere."""

import pytest

from datasets.life_stages import LIFE_STAGE_CHOICES, LIFE_STAGES, age_span, overlaps, stages_for
from datasets.models import Dataset
from tests.factories import OrganisationFactory


def bands(min_age: int | None, max_age: int | None, antenatal: bool = False) -> list[str]:
    return [stage.slug for stage in stages_for(min_age, max_age, antenatal)]


def test_ages_are_read_the_school_way():
    assert age_span(5, 7) == (5, 7)  # Key Stage 1: from the fifth birthday until the seventh
    assert age_span(5, 5) == (5, 6)  # "aged 5": the year to the next birthday
    assert age_span(0, 5) == (0, 5)  # the under-5s
    assert age_span(16, None) == (16, None)  # 16 and over
    with pytest.raises(ValueError):
        age_span(11, 4)


def test_a_range_belongs_to_a_band_only_when_it_shares_a_year_of_age_with_it():
    assert overlaps(4, 12, 11, 16)
    assert not overlaps(4, 11, 11, 16)  # touching at 11 is not sharing
    assert not overlaps(16, 18, 11, 16)
    assert overlaps(15, 15, 11, 16)
    assert not overlaps(16, 16, 11, 16)
    assert overlaps(20, None, 18, 25)
    assert not overlaps(25, None, 18, 25)


@pytest.mark.parametrize(
    "min_age, max_age, expected",
    [
        # A primary-school dataset: Reception (age 4) is in the early years too, 11 only touches Secondary.
        (4, 11, ["early-years", "primary"]),
        (4, 12, ["early-years", "primary", "secondary"]),
        (5, 11, ["primary"]),
        (0, 4, ["early-years"]),
        (0, 5, ["early-years", "primary"]),
        (4, 4, ["early-years", "primary"]),
        (5, 5, ["primary"]),
        (10, 10, ["primary"]),
        (11, 11, ["secondary"]),
        (11, 16, ["secondary"]),
        (15, 15, ["secondary"]),
        (16, 16, ["post-16"]),
        (16, 18, ["post-16"]),
        (17, 17, ["post-16"]),
        (18, 18, ["young-adults"]),
        (18, 25, ["young-adults"]),
        (24, 24, ["young-adults"]),
        (25, 25, []),
        (0, 18, ["early-years", "primary", "secondary", "post-16"]),
        (13, None, ["secondary", "post-16", "young-adults"]),
        (26, None, []),
    ],
)
def test_every_band_at_its_boundaries(min_age, max_age, expected):
    assert bands(min_age, max_age) == expected


def test_antenatal_is_its_own_tick_box_and_no_minimum_age_means_no_age_band():
    assert bands(0, 0, antenatal=True) == ["antenatal", "early-years"]
    assert bands(None, None, antenatal=True) == ["antenatal"]
    assert bands(None, 5) == []


def test_life_stages_are_listed_youngest_first_with_their_school_years():
    assert [slug for slug, _ in LIFE_STAGE_CHOICES] == [
        "antenatal",
        "early-years",
        "primary",
        "secondary",
        "post-16",
        "young-adults",
    ]
    starts = [stage.min_age for stage in LIFE_STAGES[1:]]
    assert starts == sorted(starts)
    assert dict(LIFE_STAGE_CHOICES)["primary"] == "Primary (4–11: Reception to Year 6)"


# Every range from 0 to 27 years, single ages and open-ended ones included.
RANGES = [(low, high) for low in range(28) for high in [*range(low, 28), None]]


@pytest.fixture
def every_range(db) -> dict[int, tuple[int, int | None]]:
    custodian = OrganisationFactory()
    Dataset.objects.bulk_create(
        Dataset(
            title=f"{low}–{high}",
            slug=f"ages-{low}-{high}",
            summary="An age range.",
            custodian=custodian,
            source_kind="survey",
            access_level="open",
            min_age=low,
            max_age=high,
        )
        for low, high in RANGES
    )
    return {dataset.pk: (dataset.min_age, dataset.max_age) for dataset in Dataset.objects.all()}


def test_the_database_applies_the_same_rule_to_every_band(every_range):
    for stage in LIFE_STAGES[1:]:
        found = set(Dataset.objects.for_life_stage(stage.slug).values_list("pk", flat=True))
        expected = {pk for pk, ages in every_range.items() if stage.slug in bands(*ages)}
        assert found == expected, stage.slug


@pytest.mark.parametrize("asked", [(5, 5), (4, 11), (0, 5), (11, 11), (17, 30), (25, None), (0, 0)])
def test_the_database_applies_the_same_rule_to_any_span_of_ages(every_range, asked):
    found = set(Dataset.objects.for_ages(*asked).values_list("pk", flat=True))
    expected = {pk for pk, ages in every_range.items() if overlaps(*ages, *asked)}
    assert found == expected
    assert expected  # two empty sets would prove nothing
