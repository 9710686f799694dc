"""Life-stage bands, derived from a dataset's age range so that people can filter by them."""

from typing import NamedTuple


class LifeStage(NamedTuple):
    slug: str
    label: str
    min_age: int | None
    max_age: int | None


ANTENATAL = LifeStage("antenatal", "Antenatal", None, None)
LIFE_STAGES = [
    ANTENATAL,
    LifeStage("early-years", "Early years (0–4)", 0, 4),
    LifeStage("primary", "Primary age (5–10)", 5, 10),
    LifeStage("secondary", "Secondary age (11–15)", 11, 15),
    LifeStage("post-16", "Post-16 (16–18)", 16, 18),
    LifeStage("young-adults", "Young adults (19–25)", 19, 25),
]
LIFE_STAGE_CHOICES = [(stage.slug, stage.label) for stage in LIFE_STAGES]
BY_SLUG = {stage.slug: stage for stage in LIFE_STAGES}


def stages_for(min_age: int | None, max_age: int | None, antenatal: bool) -> list[LifeStage]:
    """The bands an age range overlaps; no upper age means ‘and older’."""
    stages = [ANTENATAL] if antenatal else []
    if min_age is None:
        return stages
    upper = max_age if max_age is not None else 200
    return stages + [
        stage for stage in LIFE_STAGES[1:] if stage.min_age <= upper and min_age <= stage.max_age
    ]
