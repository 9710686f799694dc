"""The coverage map's filters: every filter of the dataset list, and one choice of its own."""

import django_filters

from datasets.filters import DatasetFilter


class CoverageFilter(DatasetFilter):
    """Narrows the datasets the map counts, exactly as the dataset list does (the list's "Show these
    datasets on a map" links here with its filters); bad values are reported and ignored."""

    # The map counts per area and has no order.
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
