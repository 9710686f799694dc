"""What every list page's filters share: a keyword box and a sort order."""

import hashlib

import django_filters
from django import forms
from django.core.exceptions import EmptyResultSet
from django.forms.utils import flatatt
from django.http import QueryDict
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from .cached_counts import fresh_for, kept


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


class EntryChoiceWidget(forms.Select):
    """A drop-down of a model choice field's entries while there are at most `max_options`, else a text box.

    Decided when the field is shown, so a form that is only validated (the API, the coverage map's
    counts) reads nothing. The options are kept in the cache until the directory changes
    (core/cached_counts.py), so most pages run no query for them, and are written out directly: a
    template per option costs more than the rest of a filter form.
    """

    def __init__(self, *args, max_options: int = 150, placeholder: str = "", fresh: bool = False, **kwargs):
        self.max_options = max_options
        self.placeholder = placeholder
        self.fresh = fresh
        super().__init__(*args, **kwargs)

    def options(self) -> tuple[bool, list[tuple[str, str]]]:
        """(whether there are more than `max_options`, and if not the value and label of each)."""
        field = self.choices.field  # a ModelChoiceIterator's

        def read() -> tuple[bool, list[tuple[str, str]]]:
            rows = list(field.queryset[: self.max_options + 1])
            if len(rows) > self.max_options:
                return True, []
            return False, [
                (str(field.prepare_value(row)), str(field.label_from_instance(row))) for row in rows
            ]

        try:
            query = str(field.queryset.query)
        except EmptyResultSet:
            return False, []
        key = hashlib.sha256(f"{type(field).__name__}:{field.to_field_name}:{query}".encode()).hexdigest()
        return kept(f"choices:{self.max_options}:{key[:32]}", read, fresh=self.fresh)

    def render(self, name, value, attrs=None, renderer=None):
        too_many, options = self.options()
        if too_many:
            box = forms.TextInput({**self.attrs, "type": "search", "placeholder": self.placeholder})
            return box.render(name, value, attrs, renderer)
        empty_label = self.choices.field.empty_label
        if empty_label is not None:
            options = [("", str(empty_label)), *options]
        chosen = "" if value is None else str(value)
        selected = mark_safe(" selected")
        return format_html(
            '<select name="{}"{}>{}</select>',
            name,
            flatatt(self.build_attrs(self.attrs, attrs)),
            format_html_join(
                "",
                '<option value="{}"{}>{}</option>',
                ((option, selected if option == chosen else "", label) for option, label in options),
            ),
        )


class FewChoicesMixin:
    """For a filter by one of a model's rows: a drop-down while there are at most `max_options` to
    choose from, a text box past that (the rule for every such filter, however its model grows).

    Signed-in people are shown the options straight from the database, as with counts."""

    max_options = 150
    placeholder = "Type its full name"

    @property
    def field(self):
        if not hasattr(self, "_field"):
            field = super().field
            field.widget = EntryChoiceWidget(max_options=self.max_options, placeholder=self.placeholder)
            field.widget.choices = field.choices
            field.widget.is_required = field.required
        request = getattr(getattr(self, "parent", None), "request", None)
        self._field.widget.fresh = request is not None and fresh_for(request)
        return self._field


@extend_schema_field(OpenApiTypes.STR)
class EntryChoiceFilter(FewChoicesMixin, django_filters.ModelChoiceFilter):
    """A filter by one entry, named by its slug or its exact name: a drop-down while there are few to
    choose from, a text box when there are many.

    A drop-down of fifty thousand datasets, or of two thousand organisations, would make every list
    page hundreds of kilobytes long.
    """

    field_class = EntryChoiceField

    def __init__(self, *args, name_field: str = "name", **kwargs):
        super().__init__(*args, name_field=name_field, **kwargs)
