"""What every list page's filters share: a keyword box and a sort order."""

import hashlib
from collections.abc import Callable

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
    """The filters in force, each with a label, its value in words, and a link that removes it.

    A filter given several values (`?area=a&area=b`) is one entry per value, each link removing that
    value only."""
    active = []
    form = filterset.form
    for name, value in form.cleaned_data.items():
        if name == "sort" or value in (None, "", [], ()):
            continue
        field = form.fields[name]
        if isinstance(value, list) and getattr(field.widget, "allow_multiple_selected", False):
            labels = labels_of(field, value)
            texts = chosen_texts(query.getlist(name))
            for text in texts:
                remaining = query.copy()
                remaining.setlist(name, [other for other in texts if other != text])
                remaining.pop("page", None)
                remaining.pop("after", None)
                active.append(
                    {
                        "label": field.label,
                        "value": labels.get(text, text),
                        "remove_query": remaining.urlencode(),
                    }
                )
            continue
        remaining = query.copy()
        remaining.pop(name, None)
        remaining.pop("page", None)
        remaining.pop("after", None)
        active.append(
            {"label": field.label, "value": describe(field, value), "remove_query": remaining.urlencode()}
        )
    return active


def labels_of(field: forms.Field, chosen: list) -> dict[str, str]:
    """What each chosen value of a field that takes several is called, by the value as given in a link."""
    if isinstance(field, forms.ModelMultipleChoiceField):
        return {str(field.prepare_value(item)): str(item) for item in chosen}
    return {str(key): str(label) for key, label in field.choices}


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
        return entry_named(self.queryset, self.name_field, str(value))


def entry_named(queryset, name_field: str, value: str):
    """The entry of `queryset` whose slug is `value`, or else whose `name_field` is exactly it (any case).

    Raises a ValidationError that says what to type instead when there is none, or more than one."""
    text = printable(value)
    by_slug = queryset.filter(slug=text).first()
    if by_slug is not None:
        return by_slug
    named = list(queryset.filter(**{f"{name_field}__iexact": text})[:2])
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


# The most values one filter takes at once (?area=…&area=…): each is looked up, so the work stays bounded.
MOST_CHOSEN = 100


def chosen_texts(value) -> list[str]:
    """The values given for a filter that takes several, printable, without blanks or repeats."""
    values = value if isinstance(value, list | tuple) else [] if value in (None, "") else [value]
    texts = list(dict.fromkeys(printable(str(item)) for item in values))
    texts = [text for text in texts if text]
    if len(texts) > MOST_CHOSEN:
        raise forms.ValidationError(
            "Choose at most %(most)s at once.", code="too_many", params={"most": MOST_CHOSEN}
        )
    return texts


class EntryChoicesField(forms.ModelMultipleChoiceField):
    """Several entries, each by its web-address slug or its exact name; cleans to a list of entries."""

    def __init__(self, *args, name_field: str = "name", **kwargs):
        self.name_field = name_field
        super().__init__(*args, to_field_name="slug", **kwargs)

    def clean(self, value):
        entries = []
        for text in chosen_texts(value):
            entry = entry_named(self.queryset, self.name_field, text)
            if entry not in entries:
                entries.append(entry)
        return entries


class EntryChoiceWidget(forms.Select):
    """A drop-down of a model choice field's entries while there are at most `max_options`, else a text box.

    Decided when the field is shown, so a form that is only validated (the API, the coverage map's
    counts) reads nothing. The options are kept in the cache until the directory changes
    (core/cached_counts.py), so most pages run no query for them, and are written out directly: a
    template per option costs more than the rest of a filter form.
    """

    def __init__(self, *args, max_options: int = 150, placeholder: str = "", fresh: bool = False, **kwargs):
        self.max_options = max_options
        self.group_of: Callable[[object], str] | None = None
        self.placeholder = placeholder
        self.fresh = fresh
        super().__init__(*args, **kwargs)

    def options(self) -> tuple[bool, list[tuple[str, ...]]]:
        """(whether there are more than `max_options`, and if not the value and label of each, and its
        group's name when the widget has a `group_of`)."""
        field = self.choices.field  # a ModelChoiceIterator's

        def read() -> tuple[bool, list[tuple[str, ...]]]:
            rows = list(field.queryset[: self.max_options + 1])
            if len(rows) > self.max_options:
                return True, []
            group = (lambda row: ()) if self.group_of is None else (lambda row: (str(self.group_of(row)),))
            return False, [
                (str(field.prepare_value(row)), str(field.label_from_instance(row)), *group(row))
                for row in rows
            ]

        try:
            query = str(field.queryset.query)
        except EmptyResultSet:
            return False, []
        key = hashlib.sha256(f"{type(field).__name__}:{field.to_field_name}:{query}".encode()).hexdigest()
        name = f"choices:{type(self).__name__}:{self.max_options}:{key[:32]}"
        return kept(name, read, fresh=self.fresh)

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
                ((option, selected if option == chosen else "", label) for option, label, *_ in options),
            ),
        )


class EntryCheckboxesWidget(EntryChoiceWidget):
    """A tick box for each of a field's entries while there are at most `max_options`, in groups when
    the widget has a `group_of`; past that, a text box for each value chosen and one more.

    Written out directly from the options kept in the cache, as EntryChoiceWidget's drop-down is;
    the template around it (includes/_filter_choices.html) gives the fieldset and its legend."""

    allow_multiple_selected = True

    def value_from_datadict(self, data, files, name):
        getter = getattr(data, "getlist", None)
        return getter(name) if getter else data.get(name)

    def render(self, name, value, attrs=None, renderer=None):
        chosen = [
            str(item) for item in (value if isinstance(value, list | tuple) else [value] if value else [])
        ]
        base_id = (attrs or {}).get("id") or f"id_{name}"
        too_many, options = self.options()
        if too_many:
            label = str(self.attrs.get("aria-label", name))
            return format_html_join(
                "",
                '<input type="search" name="{}" value="{}" id="{}_{}" aria-label="{}" placeholder="{}">',
                (
                    (name, text, base_id, index, label, self.placeholder)
                    for index, text in enumerate([*chosen, ""])
                ),
            )
        groups: dict[str, list] = {}
        for index, (option, label, *group) in enumerate(options):
            groups.setdefault(group[0] if group else "", []).append((index, option, label))
        checked = mark_safe(" checked")
        # aria-invalid and the like, from the form, on every tick box
        aria = flatatt({key: value for key, value in (attrs or {}).items() if key.startswith("aria-")})
        parts = []
        for group, rows in groups.items():
            boxes = format_html_join(
                "",
                '<div class="choice"><input type="checkbox" name="{}" value="{}" id="{}_{}"{}{}>'
                '<label for="{}_{}">{}</label></div>',
                (
                    (
                        name,
                        option,
                        base_id,
                        index,
                        aria,
                        checked if option in chosen else "",
                        base_id,
                        index,
                        label,
                    )
                    for index, option, label in rows
                ),
            )
            if group:
                boxes = format_html(
                    '<fieldset class="choice-group"><legend>{}</legend>{}</fieldset>', group, boxes
                )
            parts.append(boxes)
        return mark_safe("".join(parts))


class FewChoicesMixin:
    """For a filter by one of a model's rows: a drop-down while there are at most `max_options` to
    choose from, a text box past that (the rule for every such filter, however its model grows).

    Signed-in people are shown the options straight from the database, as with counts."""

    max_options = 150
    placeholder = "Type its full name"
    widget_class: type[EntryChoiceWidget] = EntryChoiceWidget

    @property
    def field(self):
        if not hasattr(self, "_field"):
            field = super().field
            field.widget = self.widget_class(max_options=self.max_options, placeholder=self.placeholder)
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


@extend_schema_field(OpenApiTypes.STR)
class EntryChoicesFilter(FewChoicesMixin, django_filters.ModelMultipleChoiceFilter):
    """A filter by one or more entries (`?theme=a&theme=b`), each named by its slug or exact name; an
    entry matches if it has any of them. Tick boxes while there are few to choose from."""

    field_class = EntryChoicesField
    widget_class = EntryCheckboxesWidget

    def __init__(self, *args, name_field: str = "name", **kwargs):
        super().__init__(*args, name_field=name_field, **kwargs)


class ChoicesField(forms.MultipleChoiceField):
    """Several of a fixed list of choices, each given once; bad values are named in the error."""

    widget = forms.CheckboxSelectMultiple

    def clean(self, value):
        return super().clean(chosen_texts(value))


class ChoicesFilter(django_filters.MultipleChoiceFilter):
    """A filter by one or more of a fixed list of choices (`?life_stage=a&life_stage=b`): an entry
    matches if it has any of them."""

    field_class = ChoicesField


def filters_sentence(active: list[dict]) -> str:
    """The filters in force in words, values of one filter joined by "or" and filters by "and":
    "Area covered: Bradford or Leeds, and Life stage: Primary"."""
    values: dict[str, list[str]] = {}
    for item in active:
        values.setdefault(str(item["label"]), []).append(str(item["value"]))
    return ", and ".join(f"{label}: {' or '.join(chosen)}" for label, chosen in values.items())
