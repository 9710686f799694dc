"""What follows a change to data dictionaries: the datasets' search entries and the kept counts."""

from functools import partial

from django.db import transaction

from core.cached_counts import forget_counts
from datasets.models import Dataset
from search import indexing


def dictionaries_changed(dataset_ids: list[int]) -> None:
    """A dataset's search entry holds its variables' names and labels: rewrite it once the change is
    committed (bulk writes send no signals)."""
    forget_counts()
    if dataset_ids:
        transaction.on_commit(partial(indexing.reindex, Dataset, sorted(set(dataset_ids))))
