"""How complete an entry is: the recommended fields of each kind, checked in Python and in the database.

Each recommended field is declared once with two ways to check it: `is_filled(entry)` for one entry
in hand, and `condition(model)` for the database, so that the dashboard can sort hundreds of
thousands of entries by completeness and read one page. A test keeps the two in agreement.
"""

from collections.abc import Callable
from dataclasses import dataclass
from operator import add

from django.db.models import (
    Case,
    Exists,
    IntegerField,
    Model,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Concat

from datasets.models import Dataset
from organisations.models import Organisation
from people.models import Researcher
from projects.models import Membership, Project

# Separates the labels of missing fields in the database's `missing` text.
SEPARATOR = "|"


@dataclass(frozen=True)
class Recommended:
    label: str
    condition: Callable[[type[Model]], Q | Exists]
    is_filled: Callable[[Model], bool]
    # The editing form's field for it, so that the form can link "not filled in" to the box.
    field: str = ""


def text(name: str, label: str) -> Recommended:
    return Recommended(label, lambda model: ~Q(**{name: ""}), lambda entry: bool(getattr(entry, name)), name)


def given(name: str, label: str) -> Recommended:
    """A value that may be null: a number, a date, a foreign key (by its `_id` name)."""
    return Recommended(
        label,
        lambda model: Q(**{f"{name}__isnull": False}),
        lambda entry: getattr(entry, name) is not None,
        name.removesuffix("_id"),
    )


def linked(relation: str, label: str, **conditions) -> Recommended:
    """At least one related row through a many-to-many or reverse relation (queries the database)."""

    def condition(model: type[Model]) -> Exists:
        field = model._meta.get_field(relation)
        if field.many_to_many and not field.auto_created:
            rows = field.remote_field.through.objects.filter(**{field.m2m_field_name(): OuterRef("pk")})
        else:
            rows = field.related_model.objects.filter(**{field.field.name: OuterRef("pk")})
        return Exists(rows.filter(**conditions))

    return Recommended(
        label, condition, lambda entry: getattr(entry, relation).filter(**conditions).exists(), relation
    )


def chosen(name: str, label: str) -> Recommended:
    """At least one of several choices, kept as a JSON list (datasets.models.ChoiceListField)."""
    return Recommended(
        label,
        lambda model: ~Q(**{name: []}) & Q(**{f"{name}__isnull": False}),
        lambda entry: bool(getattr(entry, name)),
        name,
    )


def either(label: str, first: Recommended, second: Recommended) -> Recommended:
    return Recommended(
        label,
        lambda model: Q(first.condition(model)) | Q(second.condition(model)),
        lambda entry: first.is_filled(entry) or second.is_filled(entry),
        first.field,
    )


def is_true(name: str, label: str) -> Recommended:
    return Recommended(label, lambda model: Q(**{name: True}), lambda entry: bool(getattr(entry, name)), name)


def within(name: str, values: list, label: str) -> Recommended:
    return Recommended(
        label, lambda model: Q(**{f"{name}__in": values}), lambda entry: getattr(entry, name) in values, name
    )


RECOMMENDED: dict[type[Model], list[Recommended]] = {
    Researcher: [
        text("job_title", "Job title"),
        given("organisation_id", "Organisation"),
        text("biography", "Biography"),
        text("expertise", "Expertise keywords"),
        linked("themes", "Themes"),
        text("orcid", "ORCID iD"),
    ],
    Dataset: [
        text("description", "Description"),
        given("custodian_id", "Custodian"),
        either("Contact point", text("contact_name", ""), text("contact_email", "")),
        linked("themes", "Themes"),
        text("keywords", "Keywords"),
        either("Age range", given("min_age", ""), is_true("includes_antenatal", "")),
        either(
            "Areas covered or geographic scope",
            linked("areas", ""),
            within("coverage_scope", Dataset.NATIONAL_SCOPES, ""),
        ),
        given("start_year", "Start year"),
        text("access_instructions", "How to get access"),
        # The route to access (datasets.access_facts): what an analyst needs before she applies.
        text("access_service", "How the data is reached"),
        chosen("who_may_apply", "Who may apply"),
        chosen("access_conditions", "What applicants need"),
        text("cost", "Cost of access"),
        either("Weeks to access", given("weeks_to_access_from", ""), given("weeks_to_access_to", "")),
        linked("access_steps", "Steps to access"),
        given("access_confirmed_on", "When the access facts were confirmed"),
        text("licence", "Licence"),
        text("landing_page", "Landing page"),
        text("doi", "DOI"),
    ],
    Project: [
        text("summary", "Summary"),
        given("start_date", "Start date"),
        given("end_date", "End date"),
        linked("memberships", "Project lead", role=Membership.Role.LEAD),
        linked("themes", "Themes"),
        linked("usages", "Datasets used"),
        linked("outputs", "Outputs"),
    ],
    Organisation: [
        text("website", "Website"),
        text("ror_id", "ROR ID"),
        text("description", "Description"),
    ],
}


def recommended_for(model: type[Model]) -> list[Recommended]:
    return RECOMMENDED.get(model, [])


def missing_fields(entry: Model) -> list[str]:
    """The labels of `entry`'s recommended fields that are empty (one query per related field)."""
    return [field.label for field in recommended_for(type(entry)) if not field.is_filled(entry)]


def completeness(entry: Model) -> int:
    """The percentage of `entry`'s recommended fields that are filled, rounded down (see `missing_fields`)."""
    fields = recommended_for(type(entry))
    if not fields:
        return 100
    return (len(fields) - len(missing_fields(entry))) * 100 // len(fields)


def _flag(field: Recommended, model: type[Model]) -> Case:
    return Case(When(field.condition(model), then=Value(1)), default=Value(0), output_field=IntegerField())


def with_completeness(entries: QuerySet) -> QuerySet:
    """`entries` annotated with `completeness` (a whole percentage, as `completeness()` gives) and
    `missing` (the missing fields' labels joined by SEPARATOR; read them with `split_missing`)."""
    model = entries.model
    fields = recommended_for(model)
    if not fields:
        return entries.annotate(completeness=Value(100), missing=Value(""))
    flags = [_flag(field, model) for field in fields]
    missing_parts = [
        Case(
            When(field.condition(model), then=Value("")),
            default=Value(field.label + SEPARATOR),
        )
        for field in fields
    ]
    return entries.annotate(
        completeness=balanced(add, flags) * Value(100) / Value(len(fields)),
        missing=balanced(lambda first, second: Concat(first, second), missing_parts),
    )


def balanced(combine, parts: list):
    """`parts` combined pairwise as a balanced tree: a chain of twenty nests twenty deep, which SQLite's
    parser refuses ("parser stack overflow"); a tree nests five deep."""
    if len(parts) == 1:
        return parts[0]
    middle = len(parts) // 2
    return combine(balanced(combine, parts[:middle]), balanced(combine, parts[middle:]))


def split_missing(missing: str) -> list[str]:
    """The labels in a `missing` annotation, in declaration order."""
    return [label for label in missing.split(SEPARATOR) if label]
