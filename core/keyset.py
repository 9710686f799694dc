"""Keyset pages: the page after a given entry, read from the order's index instead of skipping rows.

A numbered page N is `OFFSET (N - 1) * size`: the database reads and throws away every entry before it, so
page 2,400 of the dataset list costs a hundred times page 1. Following "Next" instead carries a cursor
(`?after=…`): the sort values and primary key of the last entry shown, and the number of its page. The
next page is then "the first `size` entries after that one", which an index in the list's order answers
as quickly at page 9,000 as at page 1.

The order must end with the primary key or another unique field (core.listing.with_ties_broken, the
API's lists), so that no two entries tie and pages neither repeat nor skip one. Empty values sort last in either direction on every
database engine (`ordered_for_keyset`), so that the cursor's comparison agrees with the order.
"""

import base64
import binascii
import json
import operator
from dataclasses import dataclass
from functools import reduce

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.paginator import Page, Paginator
from django.db.models import F, Field, Model, Q, QuerySet
from django.db.models.expressions import OrderBy

# A cursor longer than this was not made here (the longest sort value is a title of at most 300 characters).
MOST_CURSOR_CHARACTERS = 2000


class BadCursor(ValueError):
    """The `after` value was not made by this list (altered, cut short, or from another order)."""

    message = "This link to a later page is damaged or out of date. Start again from the first page."


@dataclass(frozen=True)
class Key:
    name: str
    descending: bool
    field: Field


def keys_of(queryset: QuerySet) -> list[Key] | None:
    """The fields `queryset` is ordered by, or None when the order is not one a cursor can follow (an
    expression, a related field, or no unique field last)."""
    keys = []
    for item in queryset.query.order_by or queryset.model._meta.ordering:
        if isinstance(item, OrderBy) and isinstance(item.expression, F):
            name, descending = item.expression.name, item.descending
        elif isinstance(item, str):
            name, descending = item.lstrip("-"), item.startswith("-")
        else:
            return None
        if "__" in name:
            return None
        try:
            field = queryset.model._meta.pk if name == "pk" else queryset.model._meta.get_field(name)
        except FieldDoesNotExist:
            return None
        keys.append(Key(name, descending, field))
    if not keys or not keys[-1].field.unique:
        return None
    return keys


def ordered_for_keyset(queryset: QuerySet) -> QuerySet:
    """`queryset` with its empty values last in both directions, on every engine (PostgreSQL puts them
    first when descending, SQLite first when ascending), so that a cursor's comparison follows the order.
    Fields that cannot be empty keep their plain order, which the listing indexes serve."""
    keys = keys_of(queryset)
    if keys is None or not any(key.field.null for key in keys):
        return queryset
    return queryset.order_by(
        *(
            (F(key.name).desc(nulls_last=True) if key.descending else F(key.name).asc(nulls_last=True))
            if key.field.null
            else ("-" if key.descending else "") + key.name
            for key in keys
        )
    )


def cursor_after(entry: Model, keys: list[Key], page_number: int) -> str:
    """The cursor of the page that follows `entry`, the last on page `page_number`."""
    values = [
        None if getattr(entry, key.field.attname) is None else key.field.value_to_string(entry)
        for key in keys
    ]
    text = json.dumps([page_number, values], separators=(",", ":"))
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def read_cursor(cursor: str, keys: list[Key]) -> tuple[int, list]:
    """The page number and sort values a cursor holds; raises BadCursor for anything else."""
    if len(cursor) > MOST_CURSOR_CHARACTERS:
        raise BadCursor(cursor)
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        page_number, values = json.loads(text)
    except (binascii.Error, UnicodeDecodeError, ValueError, TypeError) as error:
        raise BadCursor(cursor) from error
    if type(page_number) is not int or page_number < 1 or not isinstance(values, list):
        raise BadCursor(cursor)
    if len(values) != len(keys):
        raise BadCursor(cursor)
    read = []
    for key, value in zip(keys, values, strict=True):
        if value is None and key.field.null:
            read.append(None)
            continue
        if not isinstance(value, str):
            raise BadCursor(cursor)
        try:
            typed = key.field.to_python(value)
            # Range and length too: a number past the column's type would fail in the database.
            key.field.run_validators(typed)
            read.append(typed)
        except (ValidationError, ValueError, TypeError, OverflowError) as error:
            raise BadCursor(cursor) from error
    return page_number, read


def entries_after(queryset: QuerySet, keys: list[Key], values: list) -> QuerySet:
    """The entries of `queryset` that come after the one with these sort values (empty values last)."""
    alternatives = []
    same = Q()
    for key, value in zip(keys, values, strict=True):
        if value is None:
            # Nothing comes after an empty value but other empty values, settled by the keys that follow.
            same &= Q(**{f"{key.name}__isnull": True})
            continue
        later = Q(**{f"{key.name}__{'lt' if key.descending else 'gt'}": value})
        if key.field.null:
            later |= Q(**{f"{key.name}__isnull": True})
        alternatives.append(same & later)
        same &= Q(**{key.name: value})
    entries = queryset.filter(reduce(operator.or_, alternatives))
    first = keys[0]
    if values[0] is not None and not first.field.null:
        # Implied by the alternatives, and lets the database start reading the order's index at the cursor.
        entries = entries.filter(**{f"{first.name}__{'lte' if first.descending else 'gte'}": values[0]})
    return entries


class KeysetPage(Page):
    """A page read after a cursor: whether another follows is known from one entry more, not the count."""

    def __init__(self, object_list, number: int, paginator: Paginator, more: bool):
        super().__init__(object_list, number, paginator)
        self.more = more

    def has_next(self) -> bool:
        return self.more

    def next_page_number(self) -> int:
        return self.number + 1


def page_after(paginator: Paginator, keys: list[Key], cursor: str) -> KeysetPage:
    """The page that follows the cursor's entry, among `paginator`'s entries (one query); raises BadCursor."""
    number, values = read_cursor(cursor, keys)
    entries = list(entries_after(paginator.object_list, keys, values)[: paginator.per_page + 1])
    return KeysetPage(entries[: paginator.per_page], number + 1, paginator, len(entries) > paginator.per_page)


def with_next_cursor(page: Page, keys: list[Key] | None) -> Page:
    """`page` with its entries read, and `next_cursor` set when a page follows and the order allows one."""
    page.object_list = list(page.object_list)
    page.next_cursor = ""
    if keys is not None and page.object_list and page.has_next():
        page.next_cursor = cursor_after(page.object_list[-1], keys, page.number)
    return page
