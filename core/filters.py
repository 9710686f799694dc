"""What every list page's filters share: a keyword box and a sort order."""

import django_filters
from django import forms
from django.http import QueryDict


class EntryFilterSet(django_filters.FilterSet):
    """Base for list filters. Subclasses declare `sort = sort_filter(...)` with their own orders."""

    q = django_filters.CharFilter(
        label="Keywords", method="filter_keywords", widget=forms.TextInput(attrs={"type": "search"})
    )

    def filter_keywords(self, queryset, name, value):
        words = value.strip()
        return queryset.matching(words) if words else queryset

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


def point_to_errors(form: forms.Form) -> None:
    """Marks each field whose value was refused, and ties it to its message for screen readers."""
    for name in form.errors:
        if name in form.fields:
            form.fields[name].widget.attrs.update(
                {"aria-invalid": "true", "aria-describedby": f"{form[name].id_for_label}-error"}
            )
