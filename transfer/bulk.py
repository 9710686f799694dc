"""Inserting many new rows at once, for the imports.

On PostgreSQL the rows go in with COPY, as one stream of text: for tens of thousands of rows Django's
bulk_create spends more time building its INSERT statements (a parameter for every value) than the
database spends storing them. Their primary keys are drawn from the table's sequence beforehand, as
COPY returns none. Other databases use bulk_create.
"""

import io
import uuid
from collections.abc import Iterable, Sequence
from datetime import date, datetime, time
from decimal import Decimal

from django.db import connections, models, router
from django.db.models.fields import AutoFieldMixin

from .lookups import BATCH_SIZE

# COPY's text format: a tab between values, a line per row, \N for NULL, and these escaped.
ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def insert(model: type[models.Model], rows: list[models.Model]) -> None:
    """Saves `rows`, new instances of `model`, in one go, giving each its primary key (as bulk_create
    does, and like it without signals)."""
    if not rows:
        return
    database = router.db_for_write(model)
    connection = connections[database]
    if connection.vendor != "postgresql":
        model.objects.using(database).bulk_create(rows, batch_size=BATCH_SIZE)
        return
    draw_primary_keys(connection, model, [row for row in rows if row.pk is None])
    fields = [field for field in model._meta.concrete_fields if not field.generated]

    def values():
        for row in rows:
            row._prepare_related_fields_for_save(operation_name="bulk_create")
            yield [field.pre_save(row, True) for field in fields]

    copy(connection, model, fields, values())
    for row in rows:
        row._state.adding, row._state.db = False, database


def insert_values(model: type[models.Model], names: list[str], rows: list[tuple]) -> None:
    """Saves rows given as tuples of values for the fields `names` (by attname: `theme_id`), the others
    taking their database default (an id from the sequence): for link tables and versions, whose rows
    are never read back, without making a model instance for each."""
    if not rows:
        return
    database = router.db_for_write(model)
    connection = connections[database]
    if connection.vendor != "postgresql":
        made = [model(**dict(zip(names, values, strict=True))) for values in rows]
        model.objects.using(database).bulk_create(made, batch_size=BATCH_SIZE)
        return
    copy(connection, model, [model._meta.get_field(name) for name in names], rows)


def copy(connection, model: type[models.Model], fields: list[models.Field], rows: Iterable[Sequence]) -> None:
    """Sends the rows' values for `fields` to the table in COPY's text format."""
    as_given = [stores_as_given(field) for field in fields]
    text = io.StringIO()
    for values in rows:
        line = []
        for field, plain, value in zip(fields, as_given, values, strict=True):
            if not (plain and type(value) in SIMPLE):
                value = field.get_db_prep_save(value, connection)
            line.append(as_copy_text(value))
        text.write("\t".join(line))
        text.write("\n")
    text.seek(0)
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    statement = f"COPY {quote(model._meta.db_table)} ({columns}) FROM STDIN"

    def copy_in(sql, params, many, context):
        return context["cursor"].copy_expert(sql, text)

    with connection.cursor() as cursor:
        # Through Django's execute wrappers, as any query goes, so that they see it (logging, tests).
        cursor._execute_with_wrappers(statement, None, False, executor=copy_in)


def draw_primary_keys(connection, model: type[models.Model], rows: list[models.Model]) -> None:
    if not rows:
        return
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [quote(model._meta.db_table), model._meta.pk.column, len(rows)],
        )
        for row, (pk,) in zip(rows, cursor.fetchall(), strict=True):
            row.pk = pk


SIMPLE = {str, bool, int, type(None)}
# Fields whose preparation for the database leaves a value of a SIMPLE type as it is: a third of the
# time an insert took went on asking each field of each row.
AS_GIVEN = {
    (models.CharField, models.CharField.to_python, models.CharField.get_prep_value),
    (models.TextField, models.TextField.to_python, models.TextField.get_prep_value),
    (models.BooleanField, models.BooleanField.to_python, models.BooleanField.get_prep_value),
    (models.IntegerField, models.IntegerField.to_python, models.IntegerField.get_prep_value),
}


def stores_as_given(field: models.Field) -> bool:
    if isinstance(field, models.ForeignKey):
        return stores_as_given(field.target_field) or isinstance(field.target_field, AutoFieldMixin)
    kind = type(field)
    if kind.get_db_prep_save is not models.Field.get_db_prep_save:
        return False
    if kind.get_db_prep_value is not models.Field.get_db_prep_value:
        return False
    return any(
        isinstance(field, base) and kind.to_python is to_python and kind.get_prep_value is get_prep_value
        for base, to_python, get_prep_value in AS_GIVEN
    )


def as_copy_text(value: object) -> str:
    if value is None:
        return r"\N"
    if isinstance(value, str):
        return value.translate(ESCAPES)
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, int | float | Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if hasattr(value, "dumps") and hasattr(value, "adapted"):  # a JSON field's value, as psycopg2 wraps it
        return value.dumps(value.adapted).translate(ESCAPES)
    # An array or range field would need its own text form; no imported model has one.
    raise TypeError(f"COPY cannot take {type(value).__name__} values: {value!r}")
