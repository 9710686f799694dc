"""The coverage map's filters: the dataset list's theme, life stage and access level, and one choice of its own."""

import django_filters

from datasets.filters import DatasetFilter


class CoverageFilter(DatasetFilter):
    """Narrows the datasets the map counts, exactly as the dataset list does; bad values are reported and ignored."""

    # The map counts per area and has no order, so the list's other filters do not apply.
    q = None
    custodian = None
    area = None
    source_kind = None
    identifier = None
    age_from = None
    age_to = None
    sort = None
    national = django_filters.ChoiceFilter(
        label="Count England-wide and UK-wide datasets too",
        choices=[
            ("no", "No: only data that lists the area"),
            ("yes", "Yes: add national data to every area"),
        ],
        empty_label=None,
        method="count_national",
    )

    class Meta(DatasetFilter.Meta):
        pass

    def count_national(self, queryset, name, value):
        # Not a filter: it changes how the map counts (see coverage.counts.area_coverage).
        return queryset

    @property
    def with_national(self) -> bool:
        """Whether national datasets are added to every area; call after the form is validated."""
        return self.form.cleaned_data.get("national") == "yes"
