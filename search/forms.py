"""The search page's filters: its facets' tick boxes, and a span of ages as on the dataset list."""

from django import forms

from core.filters import ChoicesField
from datasets.filters import AGE_ERRORS, AGE_WIDGET, OLDEST_AGE, DatasetFilterForm

from .facets import FACETS, INVALID_CHOICE, labels


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


class Counted(str):
    """A tick box's label that also says how many results it leads to, shown beside it
    (includes/_filter_choices.html); as text, the label alone."""

    count_text: str

    def __new__(cls, label: str, count_text: str = ""):
        counted = super().__new__(cls, label)
        counted.count_text = count_text
        return counted


class SearchFiltersForm(AgesForm):
    """The search page's filters, as the list pages' are (includes/_filters.html): a tick box for each
    value of a facet, any of a facet's values and every facet together, then a span of ages.

    Its choices are the values counted in `results` and those `chosen` (facets.chosen_facets), so a
    value that finds nothing now can still be unticked; a value of a fixed list that is not one of
    its choices is the field's error."""

    def __init__(self, data, results, chosen: dict[str, list[str]]):
        super().__init__(data)
        facets = {}
        counted = {(name, facet.value) for name, values in results.facets.items() for facet in values}
        uncounted = {
            name: [value for value in values if (name, value) not in counted]
            for name, values in chosen.items()
        }
        named = labels({name: values for name, values in uncounted.items() if values})
        for name, label in FACETS.items():
            choices = {
                facet.value: Counted(
                    facet.label, f"about {facet.count:,}" if facet.estimated else f"{facet.count:,}"
                )
                for facet in results.facets.get(name, [])
            }
            for value in uncounted.get(name, []):
                # Chosen, but none of the results has it now.
                choices.setdefault(value, Counted(named.get((name, value), value), "0"))
            if not choices and name not in data:
                # Nothing among the results has a value of it, and none was asked for.
                continue
            facets[name] = ChoicesField(
                label=label,
                choices=list(choices.items()),
                required=False,
                error_messages={"invalid_choice": INVALID_CHOICE},
            )
        self.fields = {**facets, **self.fields}
