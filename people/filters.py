import django_filters
from django.utils.text import capfirst

from core.filters import EntryChoiceFilter, sort_filter
from datasets.models import Dataset
from organisations.models import Organisation
from themes.filters import ThemedFilterSet

from .models import Researcher

LIVED_EXPERIENCE_CHOICES = [
    ("shares", "Shares expertise from lived experience"),
    ("welcomes", "Welcomes involving people with lived experience"),
]
# Only the first letter raised: "Open to PhD supervision", not capitalize()'s "Open to phd supervision".
OPEN_TO_CHOICES = [
    (offer, capfirst(Researcher._meta.get_field(field).verbose_name))
    for offer, field in Researcher.OPEN_TO_FIELDS.items()
]


class ResearcherFilter(ThemedFilterSet):
    organisation = EntryChoiceFilter(
        label="Organisation",
        queryset=Organisation.objects.published(),
        method="filter_organisation",
        empty_label="Any organisation",
    )
    career_stage = django_filters.ChoiceFilter(
        label="Career stage", choices=Researcher.CareerStage.choices, empty_label="Any stage"
    )
    open_to = django_filters.ChoiceFilter(
        label="Open to", choices=OPEN_TO_CHOICES, method="filter_open_to", empty_label="Anything"
    )
    lived_experience = django_filters.ChoiceFilter(
        label="Lived experience",
        choices=LIVED_EXPERIENCE_CHOICES,
        method="filter_lived_experience",
        empty_label="Anyone",
    )
    dataset = EntryChoiceFilter(
        label="Dataset used",
        queryset=Dataset.objects.published(),
        method="filter_dataset",
        name_field="title",
        empty_label="Any dataset",
        help_text="People on projects that used this dataset.",
    )
    sort = sort_filter([("name", "Name A–Z"), ("-updated", "Recently updated")])

    class Meta:
        model = Researcher
        fields = []

    def filter_organisation(self, queryset, name, organisation):
        return queryset.at(organisation)

    def filter_dataset(self, queryset, name, dataset):
        return queryset.used(dataset)

    def filter_open_to(self, queryset, name, offer):
        return queryset.open_to(offer)

    def filter_lived_experience(self, queryset, name, value):
        if value == "shares":
            return queryset.filter(has_lived_experience=True, show_lived_experience=True)
        return queryset.filter(welcomes_lived_experience=True)
