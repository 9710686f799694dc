"""The search page's own narrowing that is not a facet: a span of ages, as on the dataset list."""

from django import forms

from datasets.filters import AGE_ERRORS, AGE_WIDGET, OLDEST_AGE, DatasetFilterForm


def age_field(label: str, **options) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        min_value=0,
        max_value=OLDEST_AGE,
        required=False,
        error_messages=AGE_ERRORS,
        widget=AGE_WIDGET,
        **options,
    )


class AgesForm(DatasetFilterForm):
    age_from = age_field("Aged from")
    age_to = age_field("Up to age", help_text="As school years are written: 4 to 11 is Reception to Year 6.")

    def ages(self) -> tuple[int, int | None] | None:
        """The span asked for, or None; only an upper age means from birth ("up to age 5")."""
        if not self.is_valid():
            return None
        age_from, age_to = self.cleaned_data["age_from"], self.cleaned_data["age_to"]
        if age_from is None and age_to is None:
            return None
        return (age_from if age_from is not None else 0, age_to)
