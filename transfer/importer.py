"""Importing the rows of a CSV file: validated by each model's own rules, saved all or nothing.

A preview runs the very same import and rolls it back, so that what it shows (new web
addresses, duplicate ORCID iDs within the file, every validation message) is exactly what
confirming would do.
"""

from collections import defaultdict
from dataclasses import asdict, dataclass, field

import reversion
from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, models, transaction

from areas.forms import AreaCodeField
from areas.models import Area
from core.identifiers import IdentifierField, normalise_orcid
from core.models import Entry
from organisations.models import Organisation
from people.models import Researcher
from projects.models import Membership, Project
from search import indexing
from search.signals import reindex_all
from themes.models import Theme

from .columns import MODELS, Column, columns_by_name
from .models import PendingImport
from .reading import limited, read_table

# Longer than any text a directory entry needs; keeps a stray pasted document out.
MAX_CELL_CHARACTERS = 10_000
YES = {"yes", "y", "true", "1"}
NO = {"no", "n", "false", "0", ""}


@dataclass
class RowResult:
    number: int
    action: str  # "create", "update" or "problem"
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


class _DryRun(Exception):
    """Raised to roll a preview back."""


def run(pending: PendingImport, user, commit: bool, progress=None) -> Outcome:
    """Import `pending` as `user`; unless `commit` and every row is valid, nothing is kept.

    `progress` (a jobs.runner.Progress) is told of each row; when the job is cancelled it raises, and
    the transaction, with every row saved so far, is rolled back.
    """
    table = read_table(pending.text, pending.kind)
    outcome = Outcome(encoding=pending.encoding)
    if table.unknown_columns:
        outcome.warnings.append(
            f"These columns are not known and were ignored: {', '.join(table.unknown_columns)}."
        )
    importer = RowImporter(pending, user, table.header, outcome)
    try:
        with transaction.atomic(), indexing.paused():
            if progress is not None:
                progress.stage("Saving rows" if commit else "Checking rows", total=len(table.rows))
            for number, cells in table.rows:
                importer.import_row(number, cells)
                if progress is not None:
                    progress.advance()
            if outcome.problems or not commit:
                raise _DryRun
            importer.reindex_after_commit()
    except _DryRun:
        return outcome
    outcome.imported = True
    return outcome


class RowForm(forms.ModelForm):
    def add_error(self, field, error):
        # A model's clean() may blame a field the file has no column for: report it for the row.
        if field is None and hasattr(error, "error_dict"):
            for name in [
                name for name in error.error_dict if name != NON_FIELD_ERRORS and name not in self.fields
            ]:
                error.error_dict.setdefault(NON_FIELD_ERRORS, []).extend(error.error_dict.pop(name))
        super().add_error(field, error)


class RowImporter:
    def __init__(self, pending: PendingImport, user, header: list[str], outcome: Outcome):
        self.model = MODELS[pending.kind]
        self.user = user
        self.comment = f"Imported from {pending.file_name}"
        self.outcome = outcome
        known = columns_by_name(pending.kind)
        self.columns = [known[name] for name in header if name in known]
        fields = [column.name for column in self.columns if column.is_field]
        self.form_class = forms.modelform_factory(self.model, form=RowForm, fields=fields)
        self.resolver = Resolver()
        self.slug_rows: dict[str, int] = {}
        self.touched: dict[type[models.Model], set[int]] = defaultdict(set)

    def import_row(self, number: int, cells: dict[str, str]) -> None:
        problems = []

        def problem(column: str, message: str) -> None:
            where = f"Row {number}, column {column}" if column else f"Row {number}"
            problems.append(f"{where}: {message}")

        instance = self.existing_or_new(number, cells.get("slug", "").strip(), problem)
        data, lead = self.form_data(cells, instance, problem)
        form = self.form_class(data, instance=instance)
        for name, messages in form.errors.items():
            for message in messages:
                problem(*in_words(name, message))
        if problems:
            return self.refuse(number, cells, problems)
        action = "update" if instance.pk else "create"
        try:
            entry = self.save(form, lead)
        except IntegrityError as error:
            return self.refuse(number, cells, [f"Row {number}: the database refused it ({error})."])
        self.outcome.rows.append(
            RowResult(number, action, str(entry), entry.slug, entry.get_status_display())
        )

    def refuse(self, number: int, cells: dict[str, str], problems: list[str]) -> None:
        name = cells.get("name") or cells.get("title") or ""
        self.outcome.rows.append(RowResult(number, "problem", name))
        self.outcome.problems.extend(problems)

    def existing_or_new(self, number: int, slug: str, problem) -> models.Model:
        if slug:
            if slug in self.slug_rows:
                problem("slug", f"Row {self.slug_rows[slug]} has the same slug; each entry may appear once.")
            self.slug_rows.setdefault(slug, number)
            existing = self.model.objects.filter(slug=slug).first()
            if existing:
                return existing
        return self.model(author=self.user)

    def form_data(
        self, cells: dict[str, str], instance: models.Model, problem
    ) -> tuple[dict, Researcher | None]:
        """What the row's cells mean, as a form would receive them; and the project's lead, if named."""
        data, lead = {}, None
        for column in self.columns:
            cell = cells[column.name].strip()
            if len(cell) > MAX_CELL_CHARACTERS:
                problem(
                    column.name,
                    f"This cell has {len(cell):,} characters; the most we take is {MAX_CELL_CHARACTERS:,}.",
                )
                cell = ""
            if column.relation:
                value = self.resolver.resolve(
                    column.relation, cell, lambda message, c=column: problem(c.name, message)
                )
                if column.is_field:
                    data[column.name] = value
                else:
                    lead = value
            else:
                data[column.name] = self.field_value(column, cell, instance, problem)
        return data, lead

    def field_value(self, column: Column, cell: str, instance: models.Model, problem) -> str:
        model_field = self.model._meta.get_field(column.name)
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

    def save(self, form: forms.ModelForm, lead: Researcher | None) -> models.Model:
        # A savepoint per row: a refusal by the database undoes only that row's half-made changes.
        with transaction.atomic(), reversion.create_revision():
            entry = form.save()
            if lead is not None:
                make_lead(entry, lead)
                reversion.add_to_revision(entry)  # again, so the version holds the new lead
                self.touched[Researcher].add(lead.pk)
            reversion.set_user(self.user)
            reversion.set_comment(self.comment)
        self.touched[type(entry)].add(entry.pk)
        for model, ids in indexing.dependants(entry):
            self.touched[model].update(ids)
        return entry

    def reindex_after_commit(self) -> None:
        """Indexing was paused for the rows; each touched entry is reindexed once, after the commit."""
        reindex_all([(model, sorted(ids)) for model, ids in self.touched.items()])


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


def make_lead(project: Project, researcher: Researcher) -> None:
    """Makes `researcher` the lead; a previous lead stays on the project as a co-investigator."""
    Membership.objects.filter(project=project, role=Membership.Role.LEAD).exclude(
        researcher=researcher
    ).update(role=Membership.Role.CO_INVESTIGATOR)
    Membership.objects.update_or_create(
        project=project, researcher=researcher, defaults={"role": Membership.Role.LEAD}
    )


def split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(";") if part.strip()]


class Resolver:
    """Finds the entries a cell names, remembering each answer for the rest of the file."""

    def __init__(self):
        self.cache: dict[tuple[str, str], tuple[object, str]] = {}

    def resolve(self, relation: str, cell: str, problem):
        if relation in ("organisations", "themes", "areas"):
            found = []
            for part in split(cell):
                value = self.one(relation, part, problem)
                found.extend(value if isinstance(value, list) else [value] if value else [])
            return list(dict.fromkeys(found))
        return self.one(relation, cell, problem) if cell else None

    def one(self, relation: str, text: str, problem):
        key = (relation, text)
        if key not in self.cache:
            try:
                self.cache[key] = (LOOKUPS[relation](text), "")
            except ValidationError as error:
                self.cache[key] = (None, error.messages[0])
        value, message = self.cache[key]
        if message:
            problem(message)
        return value


def entry_named(model: type[Entry], text: str, noun: str) -> int:
    """The primary key of the entry whose slug, or else exact name, is `text`."""
    by_slug = model.objects.filter(slug=text).values_list("pk", flat=True).first()
    if by_slug:
        return by_slug
    named = list(model.objects.filter(name=text).values_list("pk", flat=True)[:2])
    if len(named) > 1:
        raise ValidationError(f"More than one {noun} is called “{text}”: use its slug instead.")
    if not named:
        raise ValidationError(f"There is no {noun} called “{text}” or with that slug.")
    return named[0]


def areas_for_code(text: str) -> list[int]:
    """The areas an ONS code stands for: a retired code may stand for several."""
    areas = AreaCodeField(queryset=Area.objects.all()).clean(text)
    return [area.pk for area in areas]


def one_area_for_code(text: str) -> int:
    areas = AreaCodeField(queryset=Area.objects.all()).clean(text)
    if len(areas) > 1:
        names = ", ".join(f"{area.name} ({area.code})" for area in areas)
        raise ValidationError(
            f"The retired code {text} now stands for several areas: {names}. Use one of their codes."
        )
    return areas[0].pk


def researcher_by_slug_or_orcid(text: str) -> Researcher:
    found = Researcher.objects.filter(models.Q(slug=text) | models.Q(orcid=normalise_orcid(text))).first()
    if not found:
        raise ValidationError(f"There is no researcher with the slug or ORCID iD “{text}”.")
    return found


LOOKUPS = {
    "organisation": lambda text: entry_named(Organisation, text, "organisation"),
    "organisations": lambda text: entry_named(Organisation, text, "organisation"),
    "themes": lambda text: entry_named(Theme, text, "theme"),
    "area": one_area_for_code,
    "areas": areas_for_code,
    "researcher": researcher_by_slug_or_orcid,
}
