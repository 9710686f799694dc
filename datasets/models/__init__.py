"""The dataset and what describes it: its access route and dated counts (access.py)."""

from .access import (
    AccessService,
    AccessStep,
    Applicant,
    ChoiceListField,
    Condition,
    Cost,
    Jurisdiction,
    Observation,
)
from .dataset import MOST_WEEKS, Dataset, DatasetQuerySet, LinkageIdentifier, weeks_in_words

__all__ = [
    "MOST_WEEKS",
    "AccessService",
    "AccessStep",
    "Applicant",
    "ChoiceListField",
    "Condition",
    "Cost",
    "Dataset",
    "DatasetQuerySet",
    "Jurisdiction",
    "LinkageIdentifier",
    "Observation",
    "weeks_in_words",
]
