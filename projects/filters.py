import django_filters

from core.filters import EntryChoiceFilter, sort_filter
from datasets.models import Dataset
from organisations.models import Organisation
from themes.filters import ThemedFilterSet

from .models import Project


class ProjectFilter(ThemedFilterSet):
    stage = django_filters.ChoiceFilter(
        label="Status", choices=Project.Stage.choices, empty_label="Any status"
    )
    organisation = EntryChoiceFilter(
        label="Organisation",
        queryset=Organisation.objects.published(),
        method="filter_organisation",
        empty_label="Any organisation",
    )
    dataset = EntryChoiceFilter(
        label="Dataset used",
        field_name="datasets",
        queryset=Dataset.objects.published(),
        name_field="title",
        empty_label="Any dataset",
    )
    sort = sort_filter(
        [("title", "Title A–Z"), ("-start_date", "Newest first"), ("-updated", "Recently updated")]
    )

    class Meta:
        model = Project
        fields = []

    def filter_organisation(self, queryset, name, organisation):
        return queryset.involving(organisation)
