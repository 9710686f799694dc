"""Checking a data dictionary's rows against the directory, and saving them all or nothing.

An import replaces, in each dataset it names, the tables it names: a large codebook can come in several
files, one per table or sweep, and a table imported again keeps its variables' addresses.
"""

from collections import defaultdict
from dataclasses import asdict, dataclass, field

from django.db import transaction
from django.utils.text import slugify

from accounts.policy import may_edit_dictionary
from datasets.models import Dataset, DictionaryTable, ValueType, Variable, parse_ages
from themes.models import Theme
from transfer.reading import limited

DEFAULT_TABLE = "Variables"
BATCH = 1000
TYPE_WORDS = {
    **{value: value for value in ValueType.values},
    **{label.lower(): value for value, label in ValueType.choices},
    "string": "text",
    "character": "text",
    "int": "integer",
    "number": "decimal",
    "numeric": "decimal",
    "float": "decimal",
    "continuous": "decimal",
    "datetime": "date",
    "bool": "boolean",
    "yes/no": "boolean",
    "categorical": "category",
    "coded": "category",
    "": "text",
}
LIMITS = {"table": 200, "name": 200, "label": 300, "unit": 100, "topic": 200, "ages": 300, "waves": 300}


@dataclass
class Summary:
    """What the import does to one dataset, for the preview."""

    slug: str
    title: str
    url: str
    tables: list[str] = field(default_factory=list)
    variables: int = 0
    replacing: int = 0


@dataclass
class Outcome:
    problems: list[str] = field(default_factory=list)
    datasets: list[Summary] = field(default_factory=list)
    total: int = 0

    def as_json(self) -> dict:
        return {
            "problems": self.problems,
            "datasets": [asdict(s) for s in self.datasets],
            "total": self.total,
        }

    @classmethod
    def from_json(cls, data: dict) -> "Outcome":
        return cls(data["problems"], [Summary(**s) for s in data["datasets"]], data["total"])

    @property
    def shown_problems(self) -> list[str]:
        return limited(self.problems)


def nothing(count: int = 1) -> None:
    """Progress for work that nobody watches."""


def check(rows: list[dict], home: Dataset, user, advance=nothing) -> tuple[Outcome, dict]:
    """What the rows would do, and the rows ready to save, grouped by dataset and table."""
    datasets = named_datasets(rows, home)
    themes = theme_lookup()
    problems: list[str] = []
    seen: dict[tuple, str] = {}
    plan: dict[int, dict[str, list[Variable]]] = defaultdict(lambda: defaultdict(list))
    descriptions: dict[tuple[int, str], str] = {}
    for row in rows:
        advance()
        where, slug = row["row"], row["dataset"] or home.slug
        dataset = datasets.get(slug)
        if dataset is None:
            problems.append(f"{where}: there is no dataset with the address “{slug}”.")
            continue
        if not may_edit_dictionary(user, dataset):
            problems.append(f"{where}: you may not change the data dictionary of “{dataset.title}”.")
            continue
        table = row["table"] or DEFAULT_TABLE
        row_problems = problems_of(row, where)
        key = (dataset.pk, table.casefold(), row["name"].casefold())
        if row["name"] and key in seen:
            row_problems.append(f"{where}: {row['name']} appears twice in “{table}” (first at {seen[key]}).")
        seen.setdefault(key, where)
        problems.extend(row_problems)
        if row_problems:
            continue
        descriptions.setdefault((dataset.pk, table), row["table_description"])
        plan[dataset.pk][table].append(variable_from(row, dataset, themes))
    outcome = Outcome(problems=problems, total=len(rows))
    replacing = replaced_counts(plan)
    for dataset in datasets.values():
        if dataset.pk in plan:
            tables = plan[dataset.pk]
            outcome.datasets.append(
                Summary(
                    dataset.slug,
                    dataset.title,
                    dataset.get_absolute_url(),
                    list(tables),
                    sum(len(variables) for variables in tables.values()),
                    replacing.get(dataset.pk, 0),
                )
            )
    return outcome, {"plan": plan, "descriptions": descriptions}


def named_datasets(rows: list[dict], home: Dataset) -> dict[str, Dataset]:
    slugs = {row["dataset"] for row in rows if row["dataset"]} | {home.slug}
    return {dataset.slug: dataset for dataset in Dataset.objects.filter(slug__in=slugs).order_by("title")}


def theme_lookup() -> dict[str, Theme]:
    """Published themes by lower-case name and by slug: a topic naming one links the variable to it."""
    lookup = {}
    for theme in Theme.objects.published().only("pk", "name", "slug"):
        lookup[theme.name.casefold()] = lookup[theme.slug] = theme
    return lookup


def problems_of(row: dict, where: str) -> list[str]:
    problems = []
    if not row["name"]:
        problems.append(f"{where}: the variable has no name.")
    if "/" in row["name"]:
        problems.append(f"{where}: a variable’s name cannot contain a slash (/).")
    for column, most in LIMITS.items():
        if len(row[column]) > most:
            problems.append(f"{where}: the {column} is longer than {most} characters.")
    if row["type"].strip().lower() not in TYPE_WORDS:
        problems.append(
            f"{where}: “{row['type']}” is not a type we know; write one of {', '.join(ValueType.values)}."
        )
    try:
        parse_ages(row["ages"])
    except ValueError as problem:
        problems.append(f"{where}: {problem}")
    return problems


def variable_from(row: dict, dataset: Dataset, themes: dict[str, Theme]) -> Variable:
    variable = Variable(
        dataset=dataset,
        name=row["name"],
        label=row["label"],
        description=row["description"],
        value_type=TYPE_WORDS[row["type"].strip().lower()],
        unit=row["unit"],
        values=row["values"],
        topic=row["topic"],
        theme=themes.get(row["topic"].casefold()),
        ages=row["ages"],
        waves=row["waves"],
        coverage_notes=row["notes"],
    )
    variable.set_age_span()
    return variable


def replaced_counts(plan: dict) -> dict[int, int]:
    counts: dict[int, int] = defaultdict(int)
    for dataset_id, tables in plan.items():
        counts[dataset_id] = Variable.objects.filter(
            dataset_id=dataset_id, table__name__in=list(tables)
        ).count()
    return counts


@transaction.atomic
def save(prepared: dict, advance=nothing) -> list[int]:
    """Replaces the planned tables of each dataset; returns the ids of the datasets changed."""
    plan, descriptions = prepared["plan"], prepared["descriptions"]
    for dataset_id, tables in plan.items():
        DictionaryTable.objects.filter(dataset_id=dataset_id, name__in=list(tables)).delete()
        taken = set(DictionaryTable.objects.filter(dataset_id=dataset_id).values_list("slug", flat=True))
        after = DictionaryTable.objects.filter(dataset_id=dataset_id).count()
        for position, (name, variables) in enumerate(tables.items(), start=after):
            table = DictionaryTable.objects.create(
                dataset_id=dataset_id,
                name=name,
                slug=free_slug(name, taken),
                description=descriptions.get((dataset_id, name), ""),
                position=position,
            )
            for number, variable in enumerate(variables):
                variable.table, variable.position = table, number
            for start in range(0, len(variables), BATCH):
                Variable.objects.bulk_create(variables[start : start + BATCH])
                advance(len(variables[start : start + BATCH]))
    return list(plan)


def free_slug(name: str, taken: set[str]) -> str:
    base = slugify(name)[:100].strip("-") or "table"
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    taken.add(candidate)
    return candidate
