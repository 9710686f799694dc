import django_filters

from core.filters import EntryChoiceFilter, sort_filter
from datasets.models import Dataset
from organisations.models import Organisation
from themes.filters import ThemedFilterSet

from .models import STAGE_LABELS, Project


class ProjectFilter(ThemedFilterSet):
    stage = django_filters.ChoiceFilter(
        label="Status",
        choices=list(STAGE_LABELS.items()),
        method="filter_stage",
        empty_label="Any status",
        help_text="An active project whose end date has passed counts as ended.",
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

    def filter_stage(self, queryset, name, stage):
        return queryset.in_stage(stage)

    def filter_organisation(self, queryset, name, organisation):
        return queryset.involving(organisation)
