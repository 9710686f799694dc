import django_filters
from django import forms

from core.filters import EntryFilterSet, sort_filter

from .models import Opportunity

AUDIENCE_CHOICES = [
    (audience, str(Opportunity._meta.get_field(field).verbose_name).capitalize())
    for audience, field in Opportunity.AUDIENCES.items()
]


class OpportunityFilter(EntryFilterSet):
    who = django_filters.MultipleChoiceFilter(
        label="Who is wanted",
        choices=AUDIENCE_CHOICES,
        method="filter_who",
        widget=forms.CheckboxSelectMultiple,
    )
    payment = django_filters.MultipleChoiceFilter(
        label="Payment or recognition",
        choices=Opportunity.Payment.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    setting = django_filters.MultipleChoiceFilter(
        label="Where",
        choices=Opportunity.Setting.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    sort = sort_filter(
        [("closes_on", "Closing soonest"), ("-created", "Newest first"), ("title", "Title A–Z")]
    )

    class Meta:
        model = Opportunity
        fields = []

    def filter_who(self, queryset, name, audiences):
        return queryset.wanting(audiences)
