import django_filters

from core.filters import EntryFilterSet, sort_filter

from .models import Theme


class ThemeFilter(EntryFilterSet):
    family = django_filters.ChoiceFilter(
        label="Family", choices=Theme.Family.choices, empty_label="All themes"
    )
    sort = sort_filter([("name", "Name A–Z"), ("-updated", "Recently updated")])

    class Meta:
        model = Theme
        fields = []
