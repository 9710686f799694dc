"""Harvesting datasets: each record mapped onto our Dataset, matched to the one it became before,
validated by the model's own rules and saved all or nothing.

A preview runs the very same harvest and rolls it back (as transfer.importer does for CSV), so
what it shows is exactly what confirming would do.
"""

import re
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from urllib.parse import urlsplit

import reversion
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.urls import Resolver404, resolve
from django.utils import timezone

from core import lines
from datasets.models import Dataset
from organisations.models import Organisation
from search import indexing
from search.signals import reindex_all
from themes.models import Theme
from transfer.importer import RowForm, in_words
from transfer.lookups import areas_for_code, entry_named

from . import documents
from .models import HarvestedRecord
from .records import Record

FIELDS = [
    "title",
    "summary",
    "description",
    "keywords",
    "landing_page",
    "access_url",
    "formats",
    "licence",
    "custodian",
    "start_year",
    "end_year",
    "coverage_scope",
    "areas",
    "doi",
    "update_frequency",
    "contact_name",
    "contact_email",
    "access_level",
    "source_kind",
    "distributions",
    "language",
    "issued",
    "modified",
    "themes",
]
# A value the source gives for one of these that our rules refuse is left out, with a note;
# the dataset is still harvested. Anything wrong with the others stops the harvest.
REQUIRED = {"title", "summary", "access_level", "source_kind"}
NATIONAL_CODES = {"E92000001": Dataset.CoverageScope.ENGLAND, "K02000001": Dataset.CoverageScope.UK}
SUMMARY_LENGTH = Dataset._meta.get_field("summary").max_length
SENTENCE = re.compile(r"^(.+?[.!?])(?:\s|$)")
MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
MARKDOWN_MARKS = re.compile(r"(^|\s)[#>*_`]+|[*_`]+(?=\s|$|[.,;:])")


@dataclass
class RecordResult:
    record: Record
    action: str  # "create", "update", "unchanged" or "problem"
    slug: str = ""
    status: str = ""
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    values: list[tuple[str, str]] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.record.title or self.record.identifier


@dataclass
class Outcome:
    source_name: str
    results: list[RecordResult] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    imported: bool = False

    def count(self, action: str) -> int:
        return sum(1 for result in self.results if result.action == action)

    @property
    def problems(self) -> list[str]:
        return [
            f"Dataset {number} ({result.name}): {problem}"
            for number, result in enumerate(self.results, start=1)
            for problem in result.problems
        ]

    @property
    def summary(self) -> str:
        return (
            f"{self.count('create')} to create, {self.count('update')} to update and "
            f"{self.count('unchanged')} unchanged"
        )

    def as_json(self) -> dict:
        """What the preview page shows, kept until the curator confirms (each record by its identifier,
        title and unmapped fields only)."""
        results = []
        for result in self.results:
            record = {"identifier": result.record.identifier, "title": result.record.title}
            results.append({**asdict(result), "record": {**record, "unmapped": result.record.unmapped}})
        return {
            "source_name": self.source_name,
            "results": results,
            "warnings": self.warnings,
            "imported": self.imported,
        }

    @classmethod
    def from_json(cls, data: dict) -> "Outcome":
        results = [
            RecordResult(
                **{
                    **result,
                    "record": Record(**result["record"]),
                    "values": list(map(tuple, result["values"])),
                }
            )
            for result in data["results"]
        ]
        return cls(data["source_name"], results, data["warnings"], data["imported"])


class _DryRun(Exception):
    """Raised to roll a preview back."""


class Touched:
    """The entries a harvest saved, and those whose search text shows them, to reindex after the commit."""

    def __init__(self):
        self.ids: dict[type[models.Model], set[int]] = defaultdict(set)

    def add(self, entry: models.Model) -> None:
        self.ids[type(entry)].add(entry.pk)
        for model, ids in indexing.dependants(entry):
            self.ids[model].update(ids)

    def reindex_after_commit(self) -> None:
        reindex_all([(model, sorted(ids)) for model, ids in self.ids.items()])


def save_versioned(form: forms.ModelForm, user, comment: str, touched: Touched) -> models.Model:
    """Saves the form as one recorded version, by `user`, with `comment`."""
    with transaction.atomic(), reversion.create_revision():
        entry = form.save()
        reversion.set_user(user)
        reversion.set_comment(comment)
    touched.add(entry)
    return entry


def run(text: str, source: str, source_name: str, user, commit: bool, progress=None) -> Outcome:
    """Harvest the document as `user`; unless `commit` and every dataset is right, nothing is kept.

    Raises transfer.reading.FileProblem when the document as a whole cannot be read. `progress` (a
    jobs.runner.Progress) is told of each dataset; when the job is cancelled it raises, and everything
    is rolled back.
    """
    records, warnings = documents.read(text, source)
    outcome = Outcome(source_name=source_name, warnings=warnings)
    harvester = Harvester(user, source, source_name)
    if progress is not None:
        progress.stage("Harvesting datasets" if commit else "Checking datasets", total=len(records))
    try:
        with transaction.atomic(), indexing.paused():
            for record in records:
                outcome.results.append(harvester.harvest(record))
                if progress is not None:
                    progress.advance()
            if outcome.problems or not commit:
                raise _DryRun
            harvester.touched.reindex_after_commit()
    except _DryRun:
        return outcome
    outcome.imported = True
    return outcome


class Harvester:
    def __init__(self, user, source: str, source_name: str):
        self.user = user
        self.source = source
        self.source_name = source_name
        self.comment = f"Harvested from {source_name}"
        self.form_class = forms.modelform_factory(Dataset, form=RowForm, fields=FIELDS)
        self.identifiers: set[str] = set()
        self.claimed: dict[int, str] = {}
        self.touched = Touched()
        self.now = timezone.now()

    def harvest(self, record: Record) -> RecordResult:
        result = RecordResult(record, "problem", problems=list(record.problems), notes=list(record.notes))
        if record.identifier in self.identifiers:
            result.problems.append(
                f"Another dataset in this document has the same identifier ({record.identifier})."
            )
        self.identifiers.add(record.identifier)
        instance = self.existing(record, result)
        if result.problems:
            return result
        data = self.form_data(record, instance, result)
        form = self.form_class(data, instance=instance)
        if not form.is_valid():
            form = self.without_refused_values(form, data, instance, result)
        if form is None:
            return result
        result.values = shown_values(form)
        instance = form.instance
        if instance.pk and not form.has_changed():
            result.action, result.slug = "unchanged", instance.slug
            result.status = instance.get_status_display()
            self.link(record, instance)
            return result
        result.action = "update" if instance.pk else "create"
        result.changed = [str(Dataset._meta.get_field(name).verbose_name) for name in form.changed_data]
        try:
            dataset = save_versioned(form, self.user, self.comment, self.touched)
        except IntegrityError as error:
            result.action = "problem"
            result.problems.append(f"The database refused it ({error}).")
            return result
        self.link(record, dataset)
        result.slug, result.status = dataset.slug, dataset.get_status_display()
        return result

    def existing(self, record: Record, result: RecordResult) -> Dataset:
        """The dataset this record became on an earlier harvest, or is (one of this portal's own pages,
        as in a harvest of our own catalogue), or has the same DOI or landing page; else a new one."""
        link = HarvestedRecord.objects.filter(identifier=record.identifier).select_related("dataset").first()
        dataset = link.dataset if link else own_dataset(record)
        if dataset is None and record.doi:
            dataset = Dataset.objects.filter(doi=record.doi).order_by("pk").first()
        if dataset is None and record.landing_page:
            dataset = Dataset.objects.filter(landing_page=record.landing_page).order_by("pk").first()
        if dataset is not None and not link:
            result.notes.append(f"Matched to the directory’s dataset “{dataset}”, which it updates.")
        if dataset is None:
            return Dataset(author=self.user)
        if dataset.pk in self.claimed:
            result.problems.append(
                f"It and {self.claimed[dataset.pk]} are both the directory’s dataset “{dataset}”; "
                "each dataset may appear once."
            )
        self.claimed[dataset.pk] = record.identifier
        return dataset

    def form_data(self, record: Record, instance: Dataset, result: RecordResult) -> dict:
        """What the record says, as our Dataset form takes it; what it does not say stays as it is."""
        data = forms.model_to_dict(instance, fields=FIELDS)
        data["areas"] = [area.pk for area in data["areas"]] if instance.pk else []
        data["themes"] = [theme.pk for theme in data["themes"]] if instance.pk else []
        note = result.notes.append
        given = {
            "title": record.title,
            "description": record.description,
            "summary": summary_of(record.description),
            "keywords": keywords_within(
                record.keywords, Dataset._meta.get_field("keywords").max_length, note
            ),
            "landing_page": record.landing_page,
            "access_url": record.access_url,
            "formats": ", ".join(record.formats),
            "licence": record.licence,
            "doi": record.doi,
            "update_frequency": record.update_frequency,
            "contact_name": record.contact_name,
            "contact_email": record.contact_email,
            "start_year": record.start_year,
            "end_year": record.end_year,
            "distributions": lines.joined(record.distributions),
            "language": ", ".join(record.languages),
            "issued": record.issued,
            "modified": record.modified,
        }
        data.update({name: value for name, value in given.items() if value not in ("", None)})
        if not data.get("summary"):
            data["summary"] = record.title
            note("It has no description: the summary repeats the title. Write a better one.")
        custodian = self.custodian(record, note, bool(instance.custodian_id))
        if custodian:
            data["custodian"] = custodian
        self.place(record, data, note)
        data["themes"] = list(dict.fromkeys([*data["themes"], *themes_matching(record, note)]))
        self.access(record, instance, data, note)
        if not instance.pk:
            data["source_kind"] = Dataset.SourceKind.OTHER
            note("Kind of source set to “Other”: catalogues do not say it. Choose the right one.")
        return {name: "" if value is None else value for name, value in data.items()}

    def custodian(self, record: Record, note, has_one: bool) -> int | None:
        if not record.custodian:
            return None
        for name in record.custodian:
            try:
                return entry_named(Organisation, name, "organisation")
            except ValidationError:
                continue
        kept = "left as it is" if has_one else "left blank"
        note(
            f"No organisation in the directory is called “{record.custodian[0]}” (or has that slug): the "
            f"custodian is {kept}. Add the organisation, or correct its name, and harvest again."
        )
        return None

    def place(self, record: Record, data: dict, note) -> None:
        codes = list(dict.fromkeys(record.spatial_codes))
        if not codes:
            return
        national = [NATIONAL_CODES[code] for code in codes if code in NATIONAL_CODES]
        areas = []
        for code in codes:
            if code in NATIONAL_CODES:
                continue
            try:
                areas.extend(areas_for_code(code))
            except ValidationError:
                note(f"The area {code} is not one of the northern local authorities we list; not mapped.")
        if national:
            data["coverage_scope"] = (
                Dataset.CoverageScope.UK
                if Dataset.CoverageScope.UK in national
                else Dataset.CoverageScope.ENGLAND
            )
        elif areas:
            data["coverage_scope"] = Dataset.CoverageScope.LOCAL
        if areas or national:
            data["areas"] = list(dict.fromkeys(areas))

    def access(self, record: Record, instance: Dataset, data: dict, note) -> None:
        if record.access_level:
            data["access_level"] = record.access_level
        elif record.public and record.open_licence:
            data["access_level"] = Dataset.AccessLevel.OPEN
        elif not instance.pk:
            data["access_level"] = Dataset.AccessLevel.SAFEGUARDED
            note("Access level set to “Safeguarded”: the source does not show the data as open. Check it.")

    def without_refused_values(self, form, data: dict, instance: Dataset, result: RecordResult):
        """The form again without the optional values our rules refuse (each noted); None if a required one fails."""
        # The failed form has already written the refused values onto the instance: start afresh.
        instance = Dataset.objects.get(pk=instance.pk) if instance.pk else Dataset(author=self.user)
        initial = forms.model_to_dict(instance, fields=FIELDS)
        for name, messages in form.errors.items():
            column, message = in_words(name, messages[0])
            if name in REQUIRED or not column:
                result.problems.extend(f"{label_of(name)}: {message}" for message in messages)
                continue
            result.notes.append(f"{label_of(name).capitalize()} “{data[name]}” left out: {message}")
            data[name] = [area.pk for area in initial[name]] if name == "areas" else initial[name] or ""
        if result.problems:
            return None
        form = self.form_class(data, instance=instance)
        if not form.is_valid():  # a model-wide rule, such as years in order
            result.problems.extend(f"{label_of(n)}: {m}" for n, ms in form.errors.items() for m in ms)
            return None
        return form

    def link(self, record: Record, dataset: Dataset) -> None:
        HarvestedRecord.objects.update_or_create(
            identifier=record.identifier,
            defaults={
                "dataset": dataset,
                "source": self.source,
                "source_name": self.source_name[:255],
                "last_harvested": self.now,
            },
        )


def themes_matching(record: Record, note) -> list[int]:
    """Our themes the record's themes name (by name, or by the last part of a concept's address, written
    alike: case and punctuation aside), and those of its keywords that are a theme's name; each of its
    themes that matches none is noted, never created. Queries: one."""
    ours = {written_alike(name): pk for pk, name in Theme.objects.values_list("pk", "name")}
    ours.update({written_alike(slug): pk for pk, slug in Theme.objects.values_list("pk", "slug")})
    found = []
    for theme in record.themes:
        names = [part.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1] for part in theme.split(" | ")]
        matched = [ours[written_alike(name)] for name in names if written_alike(name) in ours]
        if matched:
            found.append(matched[0])
        else:
            note(f"The theme “{theme}” is not matched: no theme in the directory has that name.")
    found += [ours[written_alike(word)] for word in record.keywords if written_alike(word) in ours]
    return list(dict.fromkeys(found))


def written_alike(name: str) -> str:
    return " ".join(re.sub(r"[\W_]+", " ", name.lower()).split())


def own_dataset(record: Record) -> Dataset | None:
    """The dataset whose page on this site the record names as itself (its IRI or dct:identifier)."""
    for address in [record.identifier.removeprefix("dcat:"), *record.addresses]:
        parts = urlsplit(address)
        if parts.hostname is None or not is_own_host(parts.hostname):
            continue
        try:
            match = resolve(parts.path)
        except Resolver404:
            continue
        if match.view_name == "datasets:detail":
            return Dataset.objects.filter(slug=match.kwargs.get("slug")).first()
    return None


def is_own_host(host: str) -> bool:
    return any(
        allowed == "*" or host == allowed or (allowed.startswith(".") and host.endswith(allowed))
        for allowed in [*settings.ALLOWED_HOSTS, "testserver"]
    )


def label_of(name: str) -> str:
    if name == "__all__":
        return "the dataset"
    return str(Dataset._meta.get_field(name).verbose_name)


def shown_values(form: forms.ModelForm) -> list[tuple[str, str]]:
    """The dataset as it would be, field by field, in words."""
    shown = []
    for name in FIELDS:
        value = form.cleaned_data.get(name)
        if name == "areas":
            value = "; ".join(f"{area.name} ({area.code})" for area in value or [])
        elif name == "themes":
            value = "; ".join(theme.name for theme in value or [])
        elif name in ("coverage_scope", "access_level", "source_kind"):
            value = dict(Dataset._meta.get_field(name).flatchoices).get(value, value)
        if value not in (None, "", []):
            shown.append((label_of(name).capitalize(), str(value)))
    return shown


def summary_of(description: str) -> str:
    """The first sentence of the description, or as much of it as fits, as plain text."""
    text = MARKDOWN_MARKS.sub(r"\1", MARKDOWN_LINK.sub(r"\1", description or ""))
    text = " ".join(text.split())
    sentence = SENTENCE.match(text)
    if sentence and len(sentence.group(1)) <= SUMMARY_LENGTH:
        return sentence.group(1)
    if len(text) <= SUMMARY_LENGTH:
        return text
    return text[: SUMMARY_LENGTH - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def keywords_within(keywords: list[str], limit: int, note) -> str:
    kept: list[str] = []
    for keyword in keywords:
        if len(", ".join([*kept, keyword])) > limit:
            note(f"Only {len(kept)} of its {len(keywords)} keywords fit in the keywords field.")
            break
        kept.append(keyword)
    return ", ".join(kept)
