"""A dataset's rows of its own (its steps to access, its dated counts) in one CSV cell each.

A cell holds a JSON list of objects with the keys and values the API gives them, e.g.

    [{"position": 1, "title": "Send an outline", "description": "", "url": "https://example.org/apply"}]
    [{"measure": "individuals", "count": 13700, "observed_on": "2024-08-31", "description": ""}]

JSON because titles and descriptions may hold any text (line breaks, "|", commas): a cell must read back
exactly as it was written. Each object is checked by the editing form's own rules (editing.forms); a blank
cell means none. An import file without the column leaves what is stored as it is.
"""

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django import forms
from django.db import models

from datasets.models import AccessStep, Observation
from editing.forms import MAX_OBSERVATIONS, MAX_STEPS, AccessStepForm, ObservationForm

from .lookups import batches

Problem = Callable[[str], None]


@dataclass(frozen=True)
class Parts:
    """How one kind of a dataset's rows is written in a cell and read back."""

    # The dataset's reverse relation, and the column's name.
    name: str
    model: type[models.Model]
    form: type[forms.ModelForm]
    # The keys of each object, as the API names them, in the order they are written.
    fields: tuple[str, ...]
    # A word for one of them, in messages ("step 2: …").
    noun: str
    most: int
    example: str
    # A key each row must not repeat ("position": each step has its own number), if any.
    unique: str = ""

    def cell(self, entry: models.Model) -> str:
        """`entry`'s rows as the cell's JSON (blank for none); reads the entry's prefetched rows."""
        rows = [
            {name: plain(getattr(row, name)) for name in self.fields}
            for row in getattr(entry, self.name).all()
        ]
        return json.dumps(rows, ensure_ascii=False) if rows else ""

    def read(self, cell: str, problem: Problem) -> list[tuple] | None:
        """The rows `cell` gives, each as a tuple of its fields' values (cleaned as the editing form
        cleans them), or None after telling `problem` what is wrong."""
        if not cell:
            return []
        try:
            items = json.loads(cell)
        except ValueError:
            problem(f"This is not a JSON list. Write the {self.noun}s as, for example, {self.example}")
            return None
        if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
            problem(f"Write a JSON list of objects, for example {self.example}")
            return None
        if len(items) > self.most:
            problem(f"This cell has {len(items)} {self.noun}s; the most a dataset may have is {self.most}.")
            return None
        rows, wrong = [], False
        for number, item in enumerate(items, start=1):
            unknown = sorted(set(item) - set(self.fields))
            if unknown:
                problem(
                    f"{self.noun} {number}: unknown keys {', '.join(unknown)}; use {', '.join(self.fields)}."
                )
                wrong = True
                continue
            data = {name: as_form_value(item.get(name)) for name in self.fields}
            if self.unique and data[self.unique] == "":
                data[self.unique] = str(number)
            form = self.form(data)
            if not form.is_valid():
                for name, messages in form.errors.items():
                    for message in messages:
                        where = (
                            f"{self.noun} {number}, {name}"
                            if name in self.fields
                            else f"{self.noun} {number}"
                        )
                        problem(f"{where}: {message}")
                wrong = True
                continue
            rows.append(tuple(form.cleaned_data[name] for name in self.fields))
        if self.unique and not wrong:
            values = [row[self.fields.index(self.unique)] for row in rows]
            if len(values) != len(set(values)):
                problem(f"Each {self.noun} has its own number. Renumber the repeated one.")
                wrong = True
        return None if wrong else rows

    def stored(self, pks: list[int]) -> dict[int, list[tuple]]:
        """The rows the datasets `pks` hold now, by dataset. Queries: one per BATCH_SIZE datasets."""
        found: dict[int, list[tuple]] = {pk: [] for pk in pks}
        for batch in batches(pks):
            for dataset_id, *values in self.model.objects.filter(dataset_id__in=batch).values_list(
                "dataset_id", *self.fields
            ):
                found[dataset_id].append(tuple(values))
        return found

    def replace(self, rows: dict[int, list[tuple]]) -> None:
        """Each dataset's rows become `rows[dataset]`, in that order: one delete and one insert per batch."""
        for batch in batches(list(rows)):
            self.model.objects.filter(dataset_id__in=batch).delete()
        made = [
            self.model(dataset_id=pk, **dict(zip(self.fields, values, strict=True)))
            for pk, each in rows.items()
            for values in each
        ]
        self.model.objects.bulk_create(made, batch_size=500)


def plain(value: object) -> object:
    return value.isoformat() if isinstance(value, date) else value


def as_form_value(value: object) -> str:
    """A JSON value as a form field reads a typed one (a number as its digits, nothing as blank)."""
    if value is None:
        return ""
    if isinstance(value, bool | list | dict):
        return json.dumps(value)  # the form says what is wrong with it
    return str(value)


def same(one: list[tuple], other: list[tuple]) -> bool:
    """Whether two datasets' rows are the same, in any order."""
    return sorted(map(repr, one)) == sorted(map(repr, other))


STEPS = Parts(
    name="access_steps",
    model=AccessStep,
    form=AccessStepForm,
    fields=("position", "title", "description", "url"),
    noun="step",
    most=MAX_STEPS,
    example='[{"position": 1, "title": "Send an outline", "description": "", "url": "https://example.org/apply"}].',
    unique="position",
)
OBSERVATIONS = Parts(
    name="observations",
    model=Observation,
    form=ObservationForm,
    fields=("measure", "count", "observed_on", "description"),
    noun="count",
    most=MAX_OBSERVATIONS,
    example='[{"measure": "individuals", "count": 13700, "observed_on": "2024-08-31", "description": ""}].',
)
