"""The dataset and what describes it: its access route and dated counts (access.py), its data dictionary
(dictionary.py)."""

from .access import (
    AccessService,
    AccessStep,
    Applicant,
    ChoiceListField,
    Condition,
    Cost,
    Jurisdiction,
    Observation,
    Standard,
)
from .dataset import MOST_WEEKS, Dataset, DatasetQuerySet, Distribution, LinkageIdentifier, weeks_in_words
from .dictionary import (
    DictionaryTable,
    PendingDictionaryImport,
    ValueType,
    Variable,
    VariableQuerySet,
    parse_ages,
    written_ages,
)

__all__ = [
    "DictionaryTable",
    "PendingDictionaryImport",
    "ValueType",
    "Variable",
    "VariableQuerySet",
    "parse_ages",
    "written_ages",
    "MOST_WEEKS",
    "AccessService",
    "AccessStep",
    "Applicant",
    "ChoiceListField",
    "Condition",
    "Cost",
    "Dataset",
    "DatasetQuerySet",
    "Distribution",
    "Jurisdiction",
    "LinkageIdentifier",
    "Observation",
    "Standard",
    "weeks_in_words",
]
