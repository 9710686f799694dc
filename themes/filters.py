import operator
from functools import reduce

import django_filters

from core.filters import EntryChoicesFilter, EntryFilterSet, sort_filter
from projects.models import Output

from .models import Theme


class ThemeFilter(EntryFilterSet):
    family = django_filters.ChoiceFilter(
        label="Family", choices=Theme.Family.choices, empty_label="All themes"
    )
    sort = sort_filter([("name", "Name A–Z"), ("-updated", "Recently updated")])

    class Meta:
        model = Theme
        fields = []


class ThemedFilterSet(EntryFilterSet):
    """For lists of themed entries: a filter by one or more themes, each with its sub-themes."""

    theme = EntryChoicesFilter(
        label="Theme",
        queryset=Theme.objects.published(),
        method="filter_theme",
        help_text="Entries in any of the themes ticked, or their sub-themes.",
    )

    def filter_theme(self, queryset, name, themes: list[Theme]):
        # Any of the themes: their conditions joined with OR in the one query.
        model = queryset.model
        return queryset & reduce(operator.or_, (model.objects.in_theme(theme) for theme in themes))


class FindingFilter(django_filters.FilterSet):
    """Narrows a theme's findings (its projects' outputs) by type and year; bad values are reported and ignored."""

    output_kind = django_filters.ChoiceFilter(
        label="Type of output", field_name="kind", choices=Output.Kind.choices, empty_label="All types"
    )
    year = django_filters.ChoiceFilter(
        label="Year",
        field_name="year",
        empty_label="Any year",
        error_messages={
            "invalid_choice": "Choose one of the years listed: no finding here is from “%(value)s”."
        },
    )

    class Meta:
        model = Output
        fields = []

    def __init__(self, *args, years: list[int] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["year"].extra["choices"] = [(year, str(year)) for year in years]
