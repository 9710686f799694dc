"""Checking each distinct value of a column once per file, not once per row.

An import checks every row with the editing form's fields and the model's own field rules. Most
columns repeat a few values (a job title, a career stage, yes or no, a status), and cleaning a value
gives the same answer every time (no field an import checks reads the database: the columns that name
other entries are looked up beforehand, transfer.lookups), so each field remembers what it said.
"""

from datetime import date, datetime, time
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.base import ModelState
from django.db.models.expressions import DatabaseDefault

# Answers that cannot be changed by whoever receives them, so one can be handed to every row.
IMMUTABLE = (str, bool, int, float, Decimal, date, datetime, time, type(None))


class Remembered:
    """A field's clean(value), remembering its answer (or its error) for each text it was given."""

    def __init__(self, clean):
        self.clean = clean
        self.answers: dict[tuple[type, object], object] = {}

    def __call__(self, value, *more):
        if more or type(value) not in (str, int, bool):
            return self.clean(value, *more)
        key = (type(value), value)  # 1 and True are equal, but not the same cell
        try:
            answer = self.answers[key]
        except KeyError:
            answer = self.answers[key] = self.first_answer(value)
        if isinstance(answer, ValidationError):
            raise ValidationError(answer.error_list)  # a new one: a raised error collects its traceback
        if isinstance(answer, Forgotten):
            return self.clean(value)
        return answer

    def first_answer(self, value: str):
        try:
            answer = self.clean(value)
        except ValidationError as error:
            return error
        return answer if isinstance(answer, IMMUTABLE) else Forgotten(answer)


class Forgotten:
    """Stands for an answer that must not be shared (a list, say): it is worked out again each time."""

    def __init__(self, answer):
        self.answer = answer


def remember_form_fields(fields: dict) -> None:
    """Makes each of a form class's (shared) fields remember its answers."""
    for field in fields.values():
        field.clean = Remembered(field.clean)


def clean_model_fields(instance, exclude, remembered: dict) -> None:
    """Model.clean_fields(), with each plain field's answer for a value remembered in `remembered`
    (one dictionary per file). As Django's own: empty optional fields are skipped, and every error is
    raised together."""
    errors = {}
    for field in instance._meta.fields:
        if field.name in exclude or field.generated:
            continue
        raw_value = getattr(instance, field.attname)
        if (field.blank and raw_value in field.empty_values) or isinstance(raw_value, DatabaseDefault):
            continue
        try:
            if field.is_relation:  # may read the database; not remembered
                value = field.clean(raw_value, instance)
            else:
                if field.name not in remembered:
                    remembered[field.name] = Remembered(lambda value, field=field: field.clean(value, None))
                value = remembered[field.name](raw_value)
            setattr(instance, field.attname, value)
        except ValidationError as error:
            errors[field.name] = error.error_list
    if errors:
        raise ValidationError(errors)


class NewEntries:
    """New instances of a model for an import's rows, each a copy of one made once: Model.__init__
    sets a wide model's thirty fields one by one, a tenth of the time a row's check takes."""

    def __init__(self, model: type[models.Model], **values):
        self.template = model(**values)
        # Defaults worked out afresh for each instance (a list, say) are not shared.
        self.fresh = [
            field for field in model._meta.concrete_fields if field.has_default() and callable(field.default)
        ]

    def __call__(self) -> models.Model:
        instance = self.template.__class__.__new__(self.template.__class__)
        instance.__dict__.update(self.template.__dict__)
        instance._state = ModelState()
        instance._state.fields_cache = dict(self.template._state.fields_cache)
        for field in self.fresh:
            setattr(instance, field.attname, field.get_default())
        return instance
