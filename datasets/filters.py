import operator
from functools import reduce

import django_filters
from django import forms
from django.db.models import Exists, OuterRef
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from areas.forms import AreaCodesField
from areas.models import Area
from core.filters import ChoicesFilter, EntryCheckboxesWidget, EntryChoiceFilter, FewChoicesMixin, sort_filter
from datasets.models import Variable
from organisations.models import Organisation
from themes.filters import ThemedFilterSet

from .life_stages import LIFE_STAGE_CHOICES
from .models import Dataset, LinkageIdentifier


class AreaCheckboxesWidget(EntryCheckboxesWidget):
    """The areas' tick boxes grouped by region."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.group_of = Area.get_region_display


@extend_schema_field(OpenApiTypes.STR)
class AreaFilter(FewChoicesMixin, django_filters.ModelMultipleChoiceFilter):
    """One or more areas by their ONS codes (`?area=E08000032&area=E08000035`); retired codes are
    understood too. A tick box for each area, grouped by region."""

    field_class = AreaCodesField
    widget_class = AreaCheckboxesWidget
    placeholder = "Type its ONS code, such as E08000032"


OLDEST_AGE = 120
AGE_ERRORS = {
    "invalid": "Give an age as a whole number of years, such as 5.",
    "min_value": f"Give an age from 0 to {OLDEST_AGE}.",
    "max_value": f"Give an age from 0 to {OLDEST_AGE}.",
}
# A text box for numbers (as GOV.UK advises): a number box cannot show back a mistyped value to correct.
AGE_WIDGET = forms.TextInput(attrs={"inputmode": "numeric", "size": 4})


class AgeFilter(django_filters.NumberFilter):
    """An age in whole years; "aged from" and "up to age" are applied together, as one span of ages."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        super().__init__(
            *args,
            min_value=0,
            max_value=OLDEST_AGE,
            error_messages=AGE_ERRORS,
            widget=AGE_WIDGET,
            method="span_of_ages",
            **kwargs,
        )


# The longest typical wait for access asked for, in weeks ("data I can get within three months").
WAIT_CHOICES = [
    (4, "Within 4 weeks"),
    (8, "Within 8 weeks"),
    (13, "Within 3 months"),
    (26, "Within 6 months"),
    (52, "Within a year"),
]


class DatasetFilterForm(forms.Form):
    def clean(self):
        cleaned = super().clean()
        age_from, age_to = cleaned.get("age_from"), cleaned.get("age_to")
        if age_from is not None and age_to is not None and age_to < age_from:
            self.add_error(
                "age_to",
                forms.ValidationError(
                    "“Up to age” (%(to)s) is below “Aged from” (%(from)s): give the younger age first.",
                    code="ages_out_of_order",
                    params={"from": age_from, "to": age_to},
                ),
            )
        return cleaned


def custodians():
    """Published organisations that hold at least one published dataset."""
    holds = Dataset.objects.published().filter(custodian=OuterRef("pk"))
    return Organisation.objects.published().filter(Exists(holds))


class DatasetFilter(ThemedFilterSet):
    custodian = EntryChoiceFilter(label="Custodian", queryset=custodians(), empty_label="Any custodian")
    area = AreaFilter(
        label="Area covered",
        queryset=Area.objects.order_by("region", "name"),
        to_field_name="code",
        method="filter_area",
        help_text="Datasets covering any of the areas ticked, England-wide and UK-wide ones included.",
    )
    life_stage = ChoicesFilter(
        label="Life stage",
        choices=LIFE_STAGE_CHOICES,
        method="filter_life_stage",
        help_text="Datasets for any of the life stages ticked.",
    )
    age_from = AgeFilter(label="Aged from", help_text=f"In whole years, 0 to {OLDEST_AGE}.")
    age_to = AgeFilter(
        label="Up to age",
        help_text="The age reached at the end, as school years are written: 4 to 11 is Reception to "
        "Year 6. The same age in both boxes means that one year of age.",
    )
    access_level = django_filters.ChoiceFilter(
        label="Access level", choices=Dataset.AccessLevel.choices, empty_label="Any access level"
    )
    within = django_filters.ChoiceFilter(
        label="Time to access",
        choices=WAIT_CHOICES,
        method="filter_within",
        empty_label="Any time",
        help_text="The typical wait from applying to having the data, where the custodian has said.",
    )
    source_kind = django_filters.ChoiceFilter(
        label="Kind of source", choices=Dataset.SourceKind.choices, empty_label="Any kind"
    )
    identifier = EntryChoiceFilter(
        label="Linkable identifier",
        field_name="identifiers",
        queryset=LinkageIdentifier.objects.all(),
        empty_label="Any identifier",
    )
    variable = django_filters.CharFilter(
        label="Measures a variable",
        method="filter_variable",
        max_length=200,
        help_text="A variable’s name or words of its label, such as fsm or BMI; with ages, collected at them.",
    )
    sort = sort_filter(
        [("title", "Title A–Z"), ("-updated", "Recently updated"), ("-start_year", "Newest data")]
    )

    class Meta:
        model = Dataset
        fields = []
        form = DatasetFilterForm

    def filter_area(self, queryset, name, areas):
        return queryset.covering(areas)

    def filter_within(self, queryset, name, weeks: str):
        # One of WAIT_CHOICES, so a whole number.
        return queryset.within_weeks(int(weeks))

    def filter_variable(self, queryset, name, words: str):
        if not words.strip():
            return queryset
        ages = self.form.cleaned_data.get("age_from"), self.form.cleaned_data.get("age_to")
        measured = Variable.objects.measuring(words.strip(), *ages).filter(dataset=OuterRef("pk"))
        return queryset.filter(Exists(measured))

    def filter_life_stage(self, queryset, name, slugs: list[str]):
        # Any of the stages: their conditions joined with OR in the one query.
        return queryset & reduce(operator.or_, (Dataset.objects.for_life_stage(slug) for slug in slugs))

    def span_of_ages(self, queryset, name, value: int):
        # The two ages make one span, applied once in filter_queryset.
        return queryset

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        age_from, age_to = self.form.cleaned_data.get("age_from"), self.form.cleaned_data.get("age_to")
        if age_from is None and age_to is None:
            return queryset
        # Only an upper age: from birth, so "up to age 5" is the under-5s.
        return queryset.for_ages(age_from if age_from is not None else 0, age_to)
