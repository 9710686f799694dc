"""Creating or refreshing a researcher from their public ORCID record: preview, then confirm."""

import copy
import re
from dataclasses import dataclass, field

from django import forms
from django.db import transaction

from core import lines
from organisations.models import Organisation
from people.models import Researcher
from search import indexing
from transfer.importer import RowForm

from .importer import Touched, keywords_within, save_versioned
from .orcid import OrcidRecord, loads, parse_record

FIELDS = [
    "name",
    "orcid",
    "biography",
    "expertise",
    "job_title",
    "organisation",
    "other_names",
    "links",
    "other_identifiers",
]
ResearcherForm = forms.modelform_factory(Researcher, form=RowForm, fields=FIELDS)


@dataclass(frozen=True)
class Change:
    label: str
    old: str
    new: str


@dataclass
class OrcidOutcome:
    record: OrcidRecord
    action: str = "problem"  # "create", "update", "unchanged" or "problem"
    researcher: Researcher | None = None
    changes: list[Change] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    imported: bool = False


def run(text: str, orcid: str, user, commit: bool) -> OrcidOutcome:
    """What the record would change for the researcher with `orcid`; saved only when `commit`.

    Raises orcid.OrcidProblem when the record cannot be read.
    """
    outcome = OrcidOutcome(parse_record(loads(text)))
    record = outcome.record
    if record.orcid and record.orcid != orcid:
        outcome.problems.append(f"This record is for {record.orcid}, not {orcid}.")
    if not record.name:
        outcome.problems.append("The record shows no name (the person may have made it private).")
    existing = Researcher.objects.filter(orcid=orcid).select_related("organisation").first()
    outcome.researcher = existing
    # The form writes onto its instance even when invalid; `existing` stays as it is now, for the preview.
    instance = copy.copy(existing) if existing else Researcher(author=user)
    data = {
        name: "" if value is None else value for name, value in forms.model_to_dict(instance, FIELDS).items()
    }
    given = {
        "name": record.name,
        "orcid": orcid,
        "biography": record.biography,
        "expertise": keywords_within(
            record.keywords, Researcher._meta.get_field("expertise").max_length, outcome.notes.append
        ),
        "job_title": record.job_title,
        "other_names": "\n".join(record.other_names),
        "links": lines.joined(record.links),
        "other_identifiers": lines.joined(record.identifiers),
    }
    data.update({name: value for name, value in given.items() if value})
    if record.organisation:
        named = organisations_matching(record.organisation, record.organisation_ror)
        if len(named) == 1:
            data["organisation"] = named[0]
        else:
            outcome.notes.append(
                f"{'More than one organisation' if named else 'No organisation'} in the directory is called "
                f"“{record.organisation}”: the organisation is left as it is."
            )
    form = ResearcherForm(data, instance=instance)
    if not form.is_valid():
        outcome.problems.extend(
            f"{label(name)}: {message}" for name, messages in form.errors.items() for message in messages
        )
    if outcome.problems:
        return outcome
    outcome.changes = [
        Change(
            label(name),
            shown(existing, name, form.initial.get(name)),
            shown(existing, name, form.cleaned_data[name]),
        )
        for name in form.changed_data
    ]
    if existing and not form.changed_data:
        outcome.action = "unchanged"
        return outcome
    outcome.action = "update" if existing else "create"
    if commit:
        touched = Touched()
        with transaction.atomic(), indexing.paused():
            outcome.researcher = save_versioned(form, user, f"Harvested from ORCID ({orcid})", touched)
            touched.reindex_after_commit()
        outcome.imported = True
    return outcome


def organisations_matching(name: str, ror_id: str) -> list[int]:
    """The organisation with the ROR ID ORCID gives, or else those whose names are the same once written
    alike ("The University of Leeds" is "University of Leeds"). Queries: one or two."""
    if ror_id:
        by_ror = list(Organisation.objects.filter(ror_id=ror_id).values_list("pk", flat=True)[:1])
        if by_ror:
            return by_ror
    wanted = normalised_name(name)
    # Every organisation's name, once (a few thousand at national scale): names are compared written alike.
    return [
        pk for pk, other in Organisation.objects.values_list("pk", "name") if normalised_name(other) == wanted
    ]


def normalised_name(name: str) -> str:
    """An organisation's name written alike: lower case, "and" for "&", no punctuation or leading "the"."""
    words = re.sub(r"[^\w\s]", " ", name.lower().replace("&", " and ")).split()
    if words[:1] == ["the"]:
        words = words[1:]
    return " ".join(words)


def label(name: str) -> str:
    return (
        "The researcher"
        if name == "__all__"
        else str(Researcher._meta.get_field(name).verbose_name).capitalize()
    )


def shown(existing: Researcher | None, name: str, value) -> str:
    if existing is None and name != "orcid" and value == forms.model_to_dict(Researcher(), [name]).get(name):
        return ""
    if name == "organisation" and value is not None and not isinstance(value, Organisation):
        return str(Organisation.objects.filter(pk=value).first() or "")
    return "" if value is None else str(value)
