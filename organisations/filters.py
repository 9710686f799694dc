import django_filters

from core.filters import EntryFilterSet, sort_filter

from .models import Organisation


class OrganisationFilter(EntryFilterSet):
    kind = django_filters.ChoiceFilter(
        label="Kind", choices=Organisation.Kind.choices, empty_label="Any kind"
    )
    n8 = django_filters.ChoiceFilter(
        label="N8 member",
        field_name="is_n8_member",
        choices=[("true", "N8 universities only")],
        method="filter_n8",
        empty_label="All organisations",
    )
    sort = sort_filter([("name", "Name A–Z"), ("-updated", "Recently updated")])

    class Meta:
        model = Organisation
        fields = []

    def filter_n8(self, queryset, name, value):
        return queryset.filter(is_n8_member=True)
