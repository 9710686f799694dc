"""Importing the rows of a CSV file: checked by each model's own rules, saved all or nothing, in bulk.

Checking reads what the file refers to first, in a few queries for the whole file (the entries its
slugs name, the ORCID iDs and ROR IDs already taken, the organisations, themes, areas and researchers
its cells name: transfer.lookups), then checks each row in memory: a ModelForm for the fields' and the
model's own rules, and dictionaries for uniqueness, within the file and against the directory. A
preview is that check and nothing more, so it shows exactly what confirming would do (new web
addresses, duplicate ORCID iDs within the file, every validation message).

Confirming checks again (the directory may have changed since the preview), then saves every row in
one short transaction: bulk inserts and updates in batches, one version per entry (django-reversion's
Versions, written in bulk by transfer.versions: a revision per BATCH_SIZE entries, saying who imported
which file); after the commit a background job indexes the imported entries for search.
"""

from collections import defaultdict
from dataclasses import asdict, dataclass, field
from functools import partial

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.db import models, transaction
from django.utils import timezone
from django.utils.text import slugify

from accounts.policy import is_curator
from core.cached_counts import forget_counts
from core.identifiers import IdentifierField
from editing.forms import limit_long_text
from people.models import Researcher
from projects.models import Membership
from search import indexing
from search.signals import ENTRY_MODELS
from search.tasks import index_after_commit

from . import bulk
from .columns import CLEAR, MODELS, Column, columns_by_name
from .csvfile import unescaped
from .lookups import BATCH_SIZE, Lookups, batches
from .models import PendingImport
from .parts import same
from .reading import Table, limited, read_table
from .remembered import NewEntries, clean_model_fields, remember_form_fields
from .stored import Stored
from .versions import save_revision

# Keeps a stray pasted document out, yet holds anything the site lets an entry store: one text field
# takes 10,000 characters (the form refuses more), but a cell of several values (steps to access,
# distributions) holds several such texts, and a download must import back as it is.
MAX_CELL_CHARACTERS = 100_000
YES = {"yes", "y", "true", "1"}
NO = {"no", "n", "false", "0", ""}


@dataclass
class RowResult:
    number: int
    action: str  # "create", "update", "unchanged" or "problem"
    name: str
    slug: str = ""
    status: str = ""


@dataclass
class Outcome:
    encoding: str
    rows: list[RowResult] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    imported: bool = False

    def count(self, action: str) -> int:
        return sum(1 for row in self.rows if row.action == action)

    @property
    def created(self) -> int:
        return self.count("create")

    @property
    def updated(self) -> int:
        return self.count("update")

    @property
    def unchanged(self) -> int:
        return self.count("unchanged")

    @property
    def shown_problems(self) -> list[str]:
        return limited(self.problems)

    def as_json(self) -> dict:
        return {
            "encoding": self.encoding,
            "rows": [asdict(row) for row in self.rows],
            "problems": self.problems,
            "warnings": self.warnings,
            "imported": self.imported,
        }

    @classmethod
    def from_json(cls, data: dict) -> "Outcome":
        rows = [RowResult(**row) for row in data["rows"]]
        return cls(data["encoding"], rows, data["problems"], data["warnings"], data["imported"])


def run(pending: PendingImport, user, commit: bool, progress=None) -> Outcome:
    """Checks every row of `pending`; with `commit` and no problem, imports them all as `user`.

    `progress` (a jobs.runner.Progress) is told of each row checked and each batch saved; when the job is
    cancelled it raises, and the transaction, with everything saved so far, is rolled back.
    """
    table = read_table(pending.text, pending.kind)
    outcome = Outcome(encoding=pending.encoding)
    if table.unknown_columns:
        outcome.warnings.append(
            f"These columns are not known and were ignored: {', '.join(table.unknown_columns)}."
        )
    importer = BulkImporter(pending, user, table, outcome)
    if progress is not None:
        progress.stage("Checking rows", total=len(table.rows))
    rows = importer.check(progress)
    if outcome.problems or not commit:
        return outcome
    if progress is not None:
        progress.stage("Saving rows", total=len(rows))
    with transaction.atomic():
        importer.save(rows, progress)
    outcome.imported = True
    return outcome


class RowForm(forms.ModelForm):
    """A row's fields, checked as the editing form checks them, uniqueness included (used by the harvests)."""

    def add_error(self, field, error):
        # A model's clean() may blame a field the file has no column for: report it for the row.
        if field is None and hasattr(error, "error_dict"):
            for name in [
                name for name in error.error_dict if name != NON_FIELD_ERRORS and name not in self.fields
            ]:
                error.error_dict.setdefault(NON_FIELD_ERRORS, []).extend(error.error_dict.pop(name))
        super().add_error(field, error)


class SharedFields(dict):
    """A form class's fields, shared by all its forms instead of deep-copied for each (a third of the
    time a row took): the import's forms never change their fields."""

    def __deepcopy__(self, memo):
        return self


class BulkRowForm(RowForm):
    """A RowForm that makes no query: uniqueness is checked for the whole file at once
    (BulkImporter.check_unique), and related entries are looked up beforehand (transfer.lookups).
    Each distinct value of a column is cleaned once per file (transfer.remembered)."""

    # The model fields' answers for this file, by field name (a new dictionary per form class).
    remembered: dict = {}

    def __init__(self, data, instance):
        # Not ModelForm.__init__: it reads every field of the instance as the form's initial values,
        # which only a page showing the form needs.
        self.instance = instance
        self._validate_unique = False
        forms.BaseForm.__init__(self, data, label_suffix="")  # the default is translated for every form

    def _post_clean(self):
        # Model.full_clean() would check each unique constraint with a query.
        self.instance.validate_constraints = lambda exclude=None: None
        self.instance.clean_fields = partial(clean_model_fields, self.instance, remembered=self.remembered)
        try:
            super()._post_clean()
        finally:
            del self.instance.validate_constraints, self.instance.clean_fields

    def validate_unique(self):
        pass


@dataclass
class Row:
    """A row as it would be saved: the entry, the ids of its links by field, and a project's lead."""

    number: int
    instance: models.Model
    creating: bool
    links: dict[str, list[int]]
    lead: Researcher | None = None
    # A dataset's own rows by column (its steps to access, its dated counts), as transfer.parts reads them.
    parts: dict[str, list[tuple]] = field(default_factory=dict)
    # False for a row that would change nothing stored: it is left untouched.
    changed: bool = True


class BulkImporter:
    def __init__(self, pending: PendingImport, user, table: Table, outcome: Outcome):
        self.model = MODELS[pending.kind]
        self.user = user
        # Whether the person importing sees private fields, and so may empty them (columns.CLEAR).
        self.sees_private = is_curator(user)
        self.comment = f"Imported from {pending.file_name}"
        self.outcome = outcome
        self.table = table
        known = columns_by_name(pending.kind)
        self.columns = [known[name] for name in table.header if name in known]
        self.fields = [column.name for column in self.columns if column.is_field and not column.relation]
        self.relations = [column.name for column in self.columns if column.is_field and column.relation]
        self.parts = [column.parts for column in self.columns if column.parts is not None]
        self.form_class = forms.modelform_factory(self.model, form=BulkRowForm, fields=self.fields)
        self.form_class.base_fields = SharedFields(self.form_class.base_fields)
        for form_field in self.form_class.base_fields.values():
            limit_long_text(form_field)  # a file may not store more than the site's form takes
        remember_form_fields(self.form_class.base_fields)
        self.form_class.remembered = {}
        self.new_entry = NewEntries(self.model, author=self.user)
        self.lookups = Lookups.for_rows(
            {column.name: column.relation for column in self.columns if column.relation}, table.rows
        )
        self.problems: dict[int, list[str]] = defaultdict(list)
        self.touched: dict[type[models.Model], set[int]] = defaultdict(set)

    # Checking

    def check(self, progress=None) -> list[Row]:
        """Every row as it would be saved; each problem goes into the outcome, in the file's order."""
        existing = self.existing_by_slug()
        reads_lead = any(column.relation == "researcher" for column in self.columns)
        self.stored = Stored.read(self.model, list(existing.values()), self.relations, reads_lead)
        pks = [entry.pk for entry in existing.values()]
        self.stored_parts = {parts.name: parts.stored(pks) for parts in self.parts}
        slug_rows: dict[str, int] = {}
        rows = []
        for number, cells in self.table.rows:
            rows.append(self.check_row(number, cells, existing, slug_rows))
            if progress is not None:
                progress.advance()
        self.check_unique(rows)
        self.give_slugs(rows, set(slug_rows))
        for (number, cells), row in zip(self.table.rows, rows, strict=True):
            if self.problems[number]:
                name = cells.get("name") or cells.get("title") or ""
                self.outcome.rows.append(RowResult(number, "problem", name))
                self.outcome.problems.extend(self.problems[number])
            else:
                entry = row.instance
                action = "create" if row.creating else "update" if row.changed else "unchanged"
                self.outcome.rows.append(
                    RowResult(number, action, str(entry), entry.slug, entry.get_status_display())
                )
        return rows

    def problem(self, number: int, column: str, message: str) -> None:
        where = f"Row {number}, column {column}" if column else f"Row {number}"
        self.problems[number].append(f"{where}: {message}")

    def existing_by_slug(self) -> dict[str, models.Model]:
        slugs = {cells.get("slug", "").strip() for _, cells in self.table.rows} - {""}
        found = {}
        for batch in batches(slugs):
            found.update((entry.slug, entry) for entry in self.model.objects.filter(slug__in=batch))
        return found

    def check_row(self, number: int, cells: dict[str, str], existing: dict, slug_rows: dict[str, int]) -> Row:
        def problem(column: str, message: str) -> None:
            self.problem(number, column, message)

        slug = cells.get("slug", "").strip()
        instance = None
        if slug:
            if slug in slug_rows:
                problem("slug", f"Row {slug_rows[slug]} has the same slug; each entry may appear once.")
            else:
                slug_rows[slug] = number
                instance = existing.get(slug)
        if instance is None:
            instance = self.new_entry()
        row = Row(number, instance, instance.pk is None, {})
        data = {}
        for column in self.columns:
            cell = unescaped(cells[column.name].strip())
            if len(cell) > MAX_CELL_CHARACTERS:
                problem(
                    column.name,
                    f"This cell has {len(cell):,} characters; the most we take is {MAX_CELL_CHARACTERS:,}.",
                )
                cell = ""
            if column.parts is not None:
                read = column.parts.read(cell, lambda message, c=column: problem(c.name, message))
                if read is not None:
                    row.parts[column.name] = read
            elif column.relation:
                value = self.lookups.resolve(
                    column.relation, cell, lambda message, c=column: problem(c.name, message)
                )
                if not column.is_field:
                    row.lead = value
                elif self.model._meta.get_field(column.name).many_to_many:
                    row.links[column.name] = self.stored.with_hidden_links(column.name, instance.pk, value)
                elif value is None and self.stored.keeps_target(column.name, instance):
                    pass  # A download shows no unpublished organisation: its blank cell keeps it.
                else:
                    # Before the form runs, so that the model's clean() sees it.
                    setattr(instance, self.model._meta.get_field(column.name).attname, value)
            else:
                data[column.name] = self.field_value(column, cell, instance, problem)
        form = self.form_class(data, instance=instance)
        for name, messages in form.errors.items():
            for message in messages:
                problem("" if name == NON_FIELD_ERRORS else name, message)
        if not row.creating:
            row.changed = self.stored.changes(instance, row.links, row.lead.pk if row.lead else None) or any(
                not same(read, self.stored_parts[name][instance.pk]) for name, read in row.parts.items()
            )
        return row

    def field_value(self, column: Column, cell: str, instance: models.Model, problem) -> str:
        model_field = self.model._meta.get_field(column.name)
        if cell == CLEAR and column.private is not None:
            if not self.sees_private:
                problem(
                    column.name,
                    f"Only curators may empty this field with {CLEAR}: it is not shown to you. Leave the "
                    "cell blank to keep what is stored.",
                )
                return self.form_value(column.name, instance)
            cell = ""  # emptied, where a blank cell would keep what is stored
        elif column.private is not None and not cell and instance.pk is not None:
            # A download leaves the cell blank where the person chose not to show it: keep what is stored.
            return self.form_value(column.name, instance)
        if isinstance(model_field, models.BooleanField):
            if cell.lower() not in YES | NO:
                problem(column.name, "Write yes or no.")
            return "on" if cell.lower() in YES else ""
        if column.name == "status" and not cell:
            return instance.status
        if model_field.choices:
            return choice_value(model_field, cell)
        if isinstance(model_field, IdentifierField) and cell:
            # As the field itself would, before the form measures it: https://orcid.org/… fits.
            return model_field.normalise(cell)
        return cell

    def form_value(self, name: str, instance: models.Model) -> str:
        """`instance`'s value of `name` as the form would read it from a cell."""
        value = getattr(instance, name)
        if isinstance(self.model._meta.get_field(name), models.BooleanField):
            return "on" if value else ""
        return "" if value is None else str(value)

    def check_unique(self, rows: list[Row]) -> None:
        """Each value of a unique field (an ORCID iD, a ROR ID) belongs to one entry: the one that has it
        in the directory, or else the first row that gives it."""
        for name, (column, words) in unique_fields(self.model).items():
            if name not in self.fields:
                continue  # unchanged by this file
            values = {getattr(row.instance, name) for row in rows} - {"", None}
            owners: dict[object, object] = {}
            for batch in batches(values):
                owners.update(self.model.objects.filter(**{f"{name}__in": batch}).values_list(name, "pk"))
            for row in rows:
                value = getattr(row.instance, name)
                if value in ("", None) or self.problems[row.number]:
                    continue
                owner = owners.setdefault(value, row.instance.pk or f"row {row.number}")
                if owner != (row.instance.pk or f"row {row.number}"):
                    self.problem(row.number, column, words)

    def give_slugs(self, rows: list[Row], named: set[str]) -> None:
        """A web address for each new entry without one, made from its name as Entry.save() would, but
        against every slug read once (those in the directory, and those the file names)."""
        unnamed = [row.instance for row in rows if not row.instance.slug and not self.problems[row.number]]
        if not unnamed:
            return
        taken = set(self.model.objects.values_list("slug", flat=True)) | named
        max_length = self.model._meta.get_field("slug").max_length - 5
        for instance in unnamed:
            base = slugify(str(instance))[:max_length].strip("-") or self.model._meta.model_name
            candidate, number = base, 2
            while candidate in taken:
                candidate, number = f"{base}-{number}", number + 1
            instance.slug = candidate
            taken.add(candidate)

    # Saving

    def save(self, rows: list[Row], progress=None) -> None:
        """Saves the checked rows that change something; called inside a transaction."""
        rows = [row for row in rows if row.changed]
        # Bulk writes send no signals: the counts pages keep must be forgotten here (core.cached_counts).
        forget_counts()
        new = [row.instance for row in rows if row.creating]
        old = [row.instance for row in rows if not row.creating]
        for batch in batches(new):
            bulk.insert(self.model, batch)
            if progress is not None:
                progress.advance(len(batch))
        if old:
            now = timezone.now()
            for instance in old:
                instance.updated = now
            fields = [
                *self.fields,
                *(name for name in self.relations if name not in self.many_to_many),
                "updated",
            ]
            for batch in batches(old):
                self.model.objects.bulk_update(batch, fields)
                if progress is not None:
                    progress.advance(len(batch))
        self.save_links(rows)
        self.save_leads(rows)
        # Before the versions, which include a dataset's steps and counts.
        for parts in self.parts:
            parts.replace({row.instance.pk: row.parts[parts.name] for row in rows})
        self.save_versions(rows)
        self.reindex_after_commit(rows)

    @property
    def many_to_many(self) -> list[str]:
        return [name for name in self.relations if self.model._meta.get_field(name).many_to_many]

    def save_links(self, rows: list[Row]) -> None:
        """Each row's links replace the entry's links of that kind, as the editing form's would."""
        updated = [row.instance.pk for row in rows if not row.creating]
        for name in self.many_to_many:
            model_field = self.model._meta.get_field(name)
            through = model_field.remote_field.through
            own, other = f"{model_field.m2m_field_name()}_id", f"{model_field.m2m_reverse_field_name()}_id"
            for batch in batches(updated):
                through.objects.filter(**{f"{own}__in": batch}).delete()
            links = [(row.instance.pk, target) for row in rows for target in row.links[name]]
            bulk.insert_values(through, [own, other], links)

    def save_leads(self, rows: list[Row]) -> None:
        """Makes each named researcher their project's lead; a previous lead stays on as a co-investigator."""
        leads = {row.instance.pk: row.lead.pk for row in rows if row.lead is not None}
        if not leads:
            return
        demoted, promoted, have = [], [], set()
        for batch in batches(leads):
            memberships = Membership.objects.filter(project_id__in=batch)
            for pk, project, researcher, role in memberships.values_list(
                "pk", "project_id", "researcher_id", "role"
            ):
                have.add((project, researcher))
                if researcher == leads[project] and role != Membership.Role.LEAD:
                    promoted.append(pk)
                elif researcher != leads[project] and role == Membership.Role.LEAD:
                    demoted.append(pk)
        # Demoted first: a project has one lead at a time.
        for pks, role in ((demoted, Membership.Role.CO_INVESTIGATOR), (promoted, Membership.Role.LEAD)):
            for batch in batches(pks):
                Membership.objects.filter(pk__in=batch).update(role=role)
        Membership.objects.bulk_create(
            [
                Membership(project_id=project, researcher_id=lead, role=Membership.Role.LEAD)
                for project, lead in leads.items()
                if (project, lead) not in have
            ],
            batch_size=BATCH_SIZE,
        )
        self.touched[Researcher].update(leads.values())

    def save_versions(self, rows: list[Row]) -> None:
        """One version of each entry as imported, in revisions of up to BATCH_SIZE entries that say who
        imported which file (transfer.versions)."""
        names = [model_field.name for model_field in self.model._meta.many_to_many]
        for batch in batches(rows):
            links = {}
            for row in batch:
                # A new entry has no links but the file's.
                links[row.instance.pk] = {**(dict.fromkeys(names, []) if row.creating else {}), **row.links}
            save_revision([row.instance for row in batch], links, self.user, self.comment)

    def reindex_after_commit(self, rows: list[Row]) -> None:
        """The imported entries, and those whose index rows show them, are reindexed once, after the commit."""
        ids = [row.instance.pk for row in rows]
        self.touched[self.model].update(ids)
        # A new entry is shown on no other entry's index row yet, unless it leads a project.
        shown = [row.instance.pk for row in rows if not row.creating or row.lead is not None]
        for batch in batches(shown):
            for model, pks in indexing.dependants_of(self.model, batch):
                self.touched[model].update(pks)
        touched = {model: pks for model, pks in self.touched.items() if model in ENTRY_MODELS}
        index_after_commit(
            touched, f"Index for search what was {self.comment[0].lower()}{self.comment[1:]}", self.user
        )


def unique_fields(model: type[models.Model]) -> dict[str, tuple[str, str]]:
    """The model's unique fields besides its slug, each with the column and the words for a clash."""
    found = {}
    for constraint in model._meta.constraints:
        if isinstance(constraint, models.UniqueConstraint) and len(constraint.fields) == 1:
            name = constraint.fields[0]
            found[name] = CONSTRAINTS.get(constraint.name, (name, clash(model, name)))
    for model_field in model._meta.concrete_fields:
        if model_field.unique and not model_field.primary_key and model_field.name != "slug":
            found.setdefault(model_field.name, (model_field.name, clash(model, model_field.name)))
    return found


def clash(model: type[models.Model], name: str) -> str:
    return f"Another {model._meta.verbose_name} already has this {model._meta.get_field(name).verbose_name}."


# The directory's unique constraints, in words, and the column each is about.
CONSTRAINTS = {
    "unique_organisation_ror_id": ("ror_id", "Another organisation already has this ROR ID."),
    "unique_researcher_orcid": ("orcid", "Another researcher already has this ORCID iD."),
}


def in_words(field_name: str, message: str) -> tuple[str, str]:
    """The column and message for a form error; a constraint's default message names the constraint."""
    for constraint, (column, words) in CONSTRAINTS.items():
        if f"“{constraint}”" in message:
            return column, words
    return ("" if field_name == NON_FIELD_ERRORS else field_name), message


def choice_value(model_field: models.Field, cell: str) -> str:
    """A choice as stored, from its stored form or the words the site shows, in any case."""
    for value, label in model_field.flatchoices:
        if cell.lower() in (str(value).lower(), str(label).lower()):
            return value
    return cell
