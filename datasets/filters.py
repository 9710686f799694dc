import django_filters
from django.db.models import Exists, OuterRef
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from areas.forms import AreaCodeField
from areas.models import Area
from core.filters import sort_filter
from organisations.models import Organisation
from themes.filters import ThemedFilterSet

from .life_stages import LIFE_STAGE_CHOICES
from .models import Dataset, LinkageIdentifier


@extend_schema_field(OpenApiTypes.STR)
class AreaFilter(django_filters.ModelChoiceFilter):
    """An area by its ONS code; retired codes are understood too."""

    field_class = AreaCodeField


def custodians():
    """Published organisations that hold at least one published dataset."""
    holds = Dataset.objects.published().filter(custodian=OuterRef("pk"))
    return Organisation.objects.published().filter(Exists(holds))


class DatasetFilter(ThemedFilterSet):
    custodian = django_filters.ModelChoiceFilter(
        label="Custodian", queryset=custodians(), to_field_name="slug", empty_label="Any custodian"
    )
    area = AreaFilter(
        label="Area covered",
        queryset=Area.objects.all(),
        to_field_name="code",
        method="filter_area",
        empty_label="Any area",
    )
    life_stage = django_filters.ChoiceFilter(
        label="Life stage",
        choices=LIFE_STAGE_CHOICES,
        method="filter_life_stage",
        empty_label="Any life stage",
    )
    access_level = django_filters.ChoiceFilter(
        label="Access level", choices=Dataset.AccessLevel.choices, empty_label="Any access level"
    )
    source_kind = django_filters.ChoiceFilter(
        label="Kind of source", choices=Dataset.SourceKind.choices, empty_label="Any kind"
    )
    identifier = django_filters.ModelChoiceFilter(
        label="Linkable identifier",
        field_name="identifiers",
        queryset=LinkageIdentifier.objects.all(),
        to_field_name="slug",
        empty_label="Any identifier",
    )
    sort = sort_filter(
        [("title", "Title A–Z"), ("-updated", "Recently updated"), ("-start_year", "Newest data")]
    )

    class Meta:
        model = Dataset
        fields = []

    def filter_area(self, queryset, name, areas):
        return queryset.covering(areas)

    def filter_life_stage(self, queryset, name, slug):
        return queryset.for_life_stage(slug)
