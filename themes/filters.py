import django_filters

from core.filters import EntryFilterSet, SlugChoiceFilter, sort_filter

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
    """For lists of themed entries: a theme filter that includes the theme's sub-themes."""

    theme = SlugChoiceFilter(
        label="Theme",
        queryset=Theme.objects.published(),
        method="filter_theme",
        empty_label="Any theme",
    )

    def filter_theme(self, queryset, name, theme):
        return queryset.in_theme(theme)
