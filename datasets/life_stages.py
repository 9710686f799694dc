"""Life-stage bands, derived from a dataset's age range so that people can filter by them.

The bands follow England's school phases:

    Antenatal                        (a dataset's own tick box, not an age)
    Early years   0–5    birth to the end of Reception (the EYFS)
    Primary       4–11   Reception to Year 6
    Secondary     11–16  Years 7 to 11
    Post-16       16–18  Years 12 and 13
    Young adults  18–25

Ages are written the school way, in the bands and in a dataset's minimum and maximum age alike:
"5–7" (Key Stage 1) starts at the fifth birthday and runs until age 7 is reached at its end. So a
range is a span on the age line that includes its first age and stops short of its last: 5–7 is
[5, 7). A single age ("aged 5", or 5–5) is the year from that birthday to the next, [5, 6). No
upper age means open-ended, [16, ∞) for "16 and over".

The boundary rule: a range belongs to a band when their spans share more than a boundary age, that
is, at least one year of age. A primary-school dataset of ages 4–11 is Early years (it shares the
Reception year, age 4) and Primary, but not Secondary, which it touches only at 11; one of 4–12 is
Secondary too. 11–11 is Secondary only, 0–4 Early years only, 0–5 Early years and Primary
(Reception), 16–18 Post-16 only, and 0–18 every band up to Post-16.

`overlaps` is that rule, `DatasetQuerySet.for_ages` the same rule in SQL, and `age_span` the span
both use, for anything else that reads an age range ("aged 5", "5–11", "under 5s" is 0–5).
"""

from typing import NamedTuple


class LifeStage(NamedTuple):
    slug: str
    label: str
    min_age: int | None
    max_age: int | None


ANTENATAL = LifeStage("antenatal", "Antenatal", None, None)
# In age order, the order every list of life stages shows. The slugs are in saved links and follows.
LIFE_STAGES = [
    ANTENATAL,
    LifeStage("early-years", "Early years (0–5: birth to the end of Reception)", 0, 5),
    LifeStage("primary", "Primary (4–11: Reception to Year 6)", 4, 11),
    LifeStage("secondary", "Secondary (11–16: Years 7 to 11)", 11, 16),
    LifeStage("post-16", "Post-16 (16–18: Years 12 and 13)", 16, 18),
    LifeStage("young-adults", "Young adults (18–25)", 18, 25),
]
LIFE_STAGE_CHOICES = [(stage.slug, stage.label) for stage in LIFE_STAGES]
BY_SLUG = {stage.slug: stage for stage in LIFE_STAGES}


def age_span(age_from: int, age_to: int | None) -> tuple[int, int | None]:
    """The half-open span [start, end) of ages that a range written the school way covers.

    5–11 is (5, 11): from the fifth birthday until the eleventh. The same age twice, "aged 5",
    is (5, 6). No upper age gives an end of None: the span never ends.
    """
    if age_to is None:
        return age_from, None
    if age_to < age_from:
        raise ValueError(f"The age range {age_from}–{age_to} ends before it starts.")
    return age_from, max(age_to, age_from + 1)


def overlaps(min_age: int, max_age: int | None, band_from: int, band_to: int | None) -> bool:
    """Whether the range min_age–max_age shares more than a boundary age with band_from–band_to."""
    start, end = age_span(min_age, max_age)
    band_start, band_end = age_span(band_from, band_to)
    return (band_end is None or start < band_end) and (end is None or band_start < end)


def stages_for(min_age: int | None, max_age: int | None, antenatal: bool) -> list[LifeStage]:
    """The bands of an age range, in age order; a range without a minimum age, or out of order, has none."""
    stages = [ANTENATAL] if antenatal else []
    if min_age is None or (max_age is not None and max_age < min_age):
        return stages
    return stages + [
        stage for stage in LIFE_STAGES[1:] if overlaps(min_age, max_age, stage.min_age, stage.max_age)
    ]
