"""The API's list of variables: every published dataset's data dictionary, searched and filtered."""

import django_filters
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import mixins, serializers, viewsets

from api.fields import EntryLink
from api.views import Pages
from core.filters import EntryChoiceFilter
from datasets.filters import OLDEST_AGE
from datasets.models import Dataset, ValueType, Variable
from themes.models import Theme


class VariableSerializer(serializers.ModelSerializer):
    page = serializers.SerializerMethodField(help_text="The variable's page on the site (a stable address).")
    dataset = EntryLink("api:dataset-detail")
    table = serializers.CharField(source="table.name")
    type = serializers.ChoiceField(source="value_type", choices=ValueType.choices)
    values = serializers.SerializerMethodField(help_text="The allowed values, each with its label.")
    theme = EntryLink("api:theme-detail")
    ages = serializers.ListField(
        source="age_list",
        child=serializers.IntegerField(),
        help_text="Whole years at which it was collected.",
    )

    class Meta:
        model = Variable
        fields = [
            "page",
            "dataset",
            "table",
            "name",
            "label",
            "description",
            "type",
            "unit",
            "values",
            "topic",
            "theme",
            "ages",
            "waves",
            "coverage_notes",
        ]

    def get_page(self, variable: Variable) -> str:
        return self.context["request"].build_absolute_uri(variable.get_absolute_url())

    def get_values(self, variable: Variable) -> list[dict[str, str]]:
        return [{"code": code, "label": label} for code, label in variable.value_labels]


class VariableFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label="Name, label or topic contains", method="filter_words", max_length=200
    )
    dataset = EntryChoiceFilter(
        label="Dataset (its slug)",
        field_name="dataset",
        name_field="title",
        queryset=Dataset.objects.published(),
    )
    theme = EntryChoiceFilter(
        label="Theme (its slug)", field_name="theme", queryset=Theme.objects.published()
    )
    age = django_filters.NumberFilter(
        label=f"Collected at this age (whole years, 0 to {OLDEST_AGE})",
        method="filter_age",
        min_value=0,
        max_value=OLDEST_AGE,
    )

    class Meta:
        model = Variable
        fields = []

    def filter_words(self, queryset, name, words: str):
        return queryset.matching(words.strip()) if words.strip() else queryset

    def filter_age(self, queryset, name, age):
        return queryset.collected_at(int(age), int(age))


class VariableViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """Variables of the published datasets' data dictionaries: what each measures, how it is coded and
    at which ages it was collected. Search with `q`; narrow by `dataset`, `theme` and `age`."""

    serializer_class = VariableSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = VariableFilter
    pagination_class = Pages

    def get_queryset(self):
        return (
            Variable.objects.filter(dataset__status=Dataset.Status.PUBLISHED)
            .select_related("dataset", "table", "theme")
            .order_by("dataset__title", "dataset_id", "table__position", "position", "pk")
        )
