"""The combined route to the datasets in a basket: who holds them, how to get at them, what links."""

from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations

from django.db.models import Prefetch

from datasets.models import Dataset, weeks_in_words


@dataclass(frozen=True)
class Link:
    """Two datasets in the basket that are already linked, or that share identifiers to link on."""

    first: Dataset
    second: Dataset
    already_linked: bool
    identifiers: tuple[str, ...]


@dataclass
class Route:
    datasets: list[Dataset]
    by_custodian: dict
    by_access_level: dict
    environments: list[str]
    links: list[Link]
    wait: "Wait"


@dataclass(frozen=True)
class Wait:
    """How long getting every dataset of a basket typically takes: applications run side by side, so the
    longest decides. `unknown` datasets have no figure and may make it longer."""

    weeks: tuple[int, int] | None
    longest: list[Dataset]
    unknown: list[Dataset]

    @property
    def in_words(self) -> str:
        return weeks_in_words(self.weeks)


def wait_for(datasets: list[Dataset]) -> Wait:
    known = [dataset for dataset in datasets if dataset.weeks_to_access]
    unknown = [dataset for dataset in datasets if not dataset.weeks_to_access]
    if not known:
        return Wait(None, [], unknown)
    weeks = (max(d.weeks_to_access[0] for d in known), max(d.weeks_to_access[1] for d in known))
    longest = [dataset for dataset in known if dataset.weeks_to_access[1] == weeks[1]]
    return Wait(weeks, longest, unknown)


def route_for(slugs: list[str]) -> Route:
    """Three queries whatever the basket holds; slugs of datasets no longer public are left out."""
    found = (
        Dataset.objects.published()
        .filter(slug__in=slugs)
        .select_related("custodian")
        .prefetch_related("identifiers", Prefetch("linked_datasets", queryset=Dataset.objects.published()))
    )
    by_slug = {dataset.slug: dataset for dataset in found}
    datasets = [by_slug[slug] for slug in slugs if slug in by_slug]
    by_custodian, by_access_level = defaultdict(list), defaultdict(list)
    for dataset in datasets:
        custodian = dataset.custodian if dataset.custodian.is_published else None
        by_custodian[custodian.name if custodian else "Custodian not listed"].append(dataset)
        by_access_level[dataset.get_access_level_display()].append(dataset)
    environments = sorted(
        {d.trusted_research_environment for d in datasets if d.trusted_research_environment}
    )
    return Route(
        datasets,
        dict(by_custodian),
        dict(by_access_level),
        environments,
        links_between(datasets),
        wait_for(datasets),
    )


def links_between(datasets: list[Dataset]) -> list[Link]:
    links = []
    for first, second in combinations(datasets, 2):
        already = second in first.linked_datasets.all() or first in second.linked_datasets.all()
        shared = {i.name for i in first.identifiers.all()} & {i.name for i in second.identifiers.all()}
        if already or shared:
            links.append(Link(first, second, already, tuple(sorted(shared))))
    return links
