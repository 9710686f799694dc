"""Two to four datasets side by side: what they cover, how to reach them, the identifiers that would link
them, and the variables and topics they share. A fixed number of queries, however many variables."""

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q
from django.db.models.functions import Lower
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from areas.models import Area
from datasets.models import Dataset, Variable
from journey import basket
from themes.models import Theme

FEWEST, MOST = 2, 4
# The most shared variables listed: enough to judge an overlap, a page that stays small.
MOST_SHARED = 200


@dataclass
class Comparison:
    datasets: list[Dataset] = field(default_factory=list)
    shared_identifiers: list[str] = field(default_factory=list)
    shared_themes: list[Theme] = field(default_factory=list)
    # (name as first written, label, [the variable or None for each dataset]) for names two or more hold.
    shared_variables: list[tuple[str, str, list]] = field(default_factory=list)
    shared_variable_total: int = 0
    shared_topics: list[tuple[str, list[Dataset]]] = field(default_factory=list)
    areas_in_common: list[Area] = field(default_factory=list)


def chosen_slugs(request: HttpRequest) -> list[str]:
    slugs = []
    for slug in request.GET.getlist("datasets"):
        slug = slug.strip()[:120]
        if slug and slug not in slugs:
            slugs.append(slug)
    return slugs


def compare(request: HttpRequest) -> HttpResponse:
    slugs = chosen_slugs(request)
    found = {dataset.slug: dataset for dataset in published_with_facts(slugs)}
    unknown = [slug for slug in slugs if slug not in found]
    datasets = [found[slug] for slug in slugs if slug in found]
    too_many = len(datasets) > MOST
    datasets = datasets[:MOST]
    comparison = compared(datasets) if len(datasets) >= FEWEST else Comparison(datasets=datasets)
    offered = list(basket.slugs_in(request))
    basket_datasets = list(
        Dataset.objects.published()
        .filter(slug__in=basket.slugs_in(request))
        .only("slug", "title")
        .order_by("title")
    )
    return render(
        request,
        "datasets/dictionary/compare.html",
        {
            "comparison": comparison,
            "unknown": unknown,
            "too_many": too_many,
            "basket": basket_datasets,
            "related": related(datasets, exclude=offered),
            "chosen": [dataset.slug for dataset in datasets],
            "chosen_elsewhere": [dataset for dataset in datasets if dataset.slug not in offered],
            "any_national": any(dataset.is_national for dataset in datasets),
            "fewest": FEWEST,
            "most": MOST,
        },
        status=400 if unknown and not datasets else 200,
    )


# The most datasets offered as like the chosen ones.
MOST_RELATED = 12


def related(datasets: list[Dataset], exclude: list[str]) -> list[Dataset]:
    """Published datasets sharing a theme or a linkable identifier with the chosen ones: one query."""
    if not datasets or len(datasets) >= MOST:
        return []
    themes = {theme.pk for dataset in datasets for theme in dataset.themes.all()}
    identifiers = {identifier.pk for dataset in datasets for identifier in dataset.identifiers.all()}
    return list(
        Dataset.objects.published()
        .filter(Q(themes__in=themes) | Q(identifiers__in=identifiers))
        .exclude(pk__in=[dataset.pk for dataset in datasets])
        .exclude(slug__in=exclude)
        .only("slug", "title")
        .distinct()
        .order_by("title", "pk")[:MOST_RELATED]
    )


def published_with_facts(slugs: list[str]):
    if not slugs:
        return Dataset.objects.none()
    return (
        Dataset.objects.published()
        .filter(slug__in=slugs[: MOST * 3])
        .select_related("custodian")
        .prefetch_related(
            Prefetch("themes", queryset=Theme.objects.published()),
            Prefetch("areas", queryset=Area.objects.only("code", "name")),
            "identifiers",
        )
        .annotate(variable_count=Count("variables"))
    )


def compared(datasets: list[Dataset]) -> Comparison:
    comparison = Comparison(datasets=datasets)
    comparison.shared_identifiers = sorted(
        set.intersection(*({i.name for i in d.identifiers.all()} for d in datasets))
    )
    theme_sets = [{t.pk: t for t in d.themes.all()} for d in datasets]
    common = set.intersection(*(set(themes) for themes in theme_sets))
    comparison.shared_themes = sorted((theme_sets[0][pk] for pk in common), key=lambda t: t.name)
    if not any(d.is_national for d in datasets):
        area_sets = [{a.code: a for a in d.areas.all()} for d in datasets]
        codes = set.intersection(*(set(areas) for areas in area_sets))
        comparison.areas_in_common = sorted((area_sets[0][code] for code in codes), key=lambda a: a.name)
    comparison.shared_variables, comparison.shared_variable_total = shared_variables(datasets)
    comparison.shared_topics = shared_topics(datasets)
    return comparison


def shared_variables(datasets: list[Dataset]) -> tuple[list[tuple[str, str, list]], int]:
    """Variables whose name (whatever its case) two or more of the datasets hold: three queries at most."""
    ids = [d.pk for d in datasets]
    names = (
        Variable.objects.filter(dataset__in=ids)
        .annotate(key=Lower("name"))
        .values("key")
        .annotate(holders=Count("dataset", distinct=True))
        .filter(holders__gte=2)
        .order_by("-holders", "key")
    )
    total = names.count()
    keys = list(names.values_list("key", flat=True)[:MOST_SHARED]) if total else []
    rows: dict[str, tuple[str, str, dict]] = {}
    for variable in (
        Variable.objects.filter(dataset__in=ids)
        .annotate(key=Lower("name"))
        .filter(key__in=keys)
        .select_related("table")
        .order_by("key", "dataset_id", "table__position", "position")
    ):
        name, label, holders = rows.setdefault(variable.key, (variable.name, variable.label, {}))
        holders.setdefault(variable.dataset_id, variable)
    by_pk = {d.pk: d for d in datasets}
    shared = []
    for key in keys:
        name, label, holders = rows[key]
        for variable in holders.values():
            variable.dataset = by_pk[variable.dataset_id]
        shared.append((name, label, [holders.get(d.pk) for d in datasets]))
    return shared, total


def shared_topics(datasets: list[Dataset]) -> list[tuple[str, list[Dataset]]]:
    """Topics (or, without one, themes) that two or more of the datasets measure: one grouped query."""
    by_pk = {d.pk: d for d in datasets}
    holders: dict[str, set[int]] = {}
    labels: dict[str, str] = {}
    rows = (
        Variable.objects.filter(dataset__in=list(by_pk))
        .filter(~Q(topic="") | Q(theme__isnull=False))
        .values_list("topic", "theme__name", "dataset_id")
        .distinct()
        .order_by()
    )
    for topic, theme_name, dataset_id in rows:
        name = topic or theme_name
        holders.setdefault(name.casefold(), set()).add(dataset_id)
        labels.setdefault(name.casefold(), name)
    shared = [(labels[key], ids) for key, ids in holders.items() if len(ids) >= 2]
    return [
        (label, [d for d in datasets if d.pk in ids])
        for label, ids in sorted(shared, key=lambda s: s[0].casefold())
    ]
