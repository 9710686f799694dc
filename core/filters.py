"""What every list page's filters share: a keyword box and a sort order."""

import django_filters
from django import forms
from django.http import QueryDict
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field


class EntryFilterSet(django_filters.FilterSet):
    """Base for list filters. Subclasses declare `sort = sort_filter(...)` with their own orders."""

    q = django_filters.CharFilter(
        label="Keywords", method="filter_keywords", widget=forms.TextInput(attrs={"type": "search"})
    )

    def filter_keywords(self, queryset, name, value):
        """The site search's words, places and ages, among this list's entries."""
        from search.service import matching_ids

        words = printable(value)
        if not words:
            return queryset
        ids = matching_ids(words, queryset.model)
        return queryset.matching(words) if ids is None else queryset.filter(pk__in=ids)

    def sort_by(self, queryset, name, value):
        # The primary key settles ties, so pages never repeat or skip an entry.
        return queryset.order_by(value, "pk")


def sort_filter(choices: list[tuple[str, str]]) -> django_filters.ChoiceFilter:
    return django_filters.ChoiceFilter(label="Sort by", choices=choices, method="sort_by", empty_label=None)


def active_filters(query: QueryDict, filterset: django_filters.FilterSet) -> list[dict]:
    """The filters in force, each with a label, its value in words, and a link that removes it."""
    active = []
    form = filterset.form
    for name, value in form.cleaned_data.items():
        if name == "sort" or value in (None, "", [], ()):
            continue
        remaining = query.copy()
        remaining.pop(name, None)
        remaining.pop("page", None)
        active.append(
            {
                "label": form.fields[name].label,
                "value": describe(form.fields[name], value),
                "remove_query": remaining.urlencode(),
            }
        )
    return active


def describe(field: forms.Field, value) -> str:
    if isinstance(value, list | tuple):
        return " or ".join(str(item) for item in value)
    choices = dict(getattr(field, "choices", []) or [])
    if not isinstance(value, str) or value not in choices:
        return str(value)
    return str(choices[value])


def printable(text: str) -> str:
    """The text without control characters (a NUL byte is refused by PostgreSQL), stripped."""
    return "".join(character for character in text if character.isprintable()).strip()


@extend_schema_field(OpenApiTypes.STR)
class SlugChoiceFilter(django_filters.ModelChoiceFilter):
    """A filter by one entry named by its slug in the query string (its type, for the API schema)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, to_field_name="slug", **kwargs)


class EntryChoiceField(forms.ModelChoiceField):
    """Picks an entry by its web-address slug, or by its exact name as a person would type it."""

    def __init__(self, *args, name_field: str = "name", **kwargs):
        self.name_field = name_field
        super().__init__(*args, to_field_name="slug", **kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        text = printable(str(value))
        by_slug = self.queryset.filter(slug=text).first()
        if by_slug is not None:
            return by_slug
        named = list(self.queryset.filter(**{f"{self.name_field}__iexact": text})[:2])
        if len(named) > 1:
            raise forms.ValidationError(
                "More than one entry is called “%(text)s”. Use the last part of its web address instead, "
                "such as “%(slug)s”.",
                code="ambiguous",
                params={"text": text, "slug": named[0].slug},
            )
        if not named:
            raise forms.ValidationError(
                "Nothing in the directory is called “%(text)s”. Check the spelling, or use its full name.",
                code="invalid_choice",
                params={"text": text},
            )
        return named[0]


@extend_schema_field(OpenApiTypes.STR)
class EntryChoiceFilter(django_filters.ModelChoiceFilter):
    """A filter by one entry: a drop-down while there are few to choose from, a text box when there are many.

    A drop-down of fifty thousand datasets would make every list page megabytes long.
    """

    field_class = EntryChoiceField
    max_options = 150

    def __init__(self, *args, name_field: str = "name", **kwargs):
        super().__init__(*args, name_field=name_field, **kwargs)

    @property
    def field(self):
        if not hasattr(self, "_field"):
            field = super().field
            if field.queryset[: self.max_options + 1].count() > self.max_options:
                field.widget = forms.TextInput(attrs={"type": "search", "placeholder": "Type its full name"})
            self._field = field
        return self._field
