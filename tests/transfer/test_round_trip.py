"""A list's CSV download is an import file for its kind: importing it back restores exactly what it shows,
changes nothing it could not show, and leaves the rows it does not change untouched.

Hypothesis writes the entries, of every kind, with any text (formulas, quotes, commas, line breaks,
any script), every field the file carries, links to published and unpublished entries and private
fields; the download is imported as a curator would import it.
"""

import functools
from datetime import date

import pytest
from django.core.validators import MaxValueValidator
from django.db import transaction
from django.db.models import Model
from django.test import Client
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from reversion.models import Version

from areas.models import Area
from core.identifiers import IdentifierField
from datasets.models import Dataset, LinkageIdentifier
from projects.models import Membership
from tests.factories import DatasetFactory, OrganisationFactory, ResearcherFactory, ThemeFactory
from transfer import importer
from transfer.columns import COLUMNS, MODELS, Kind
from transfer.models import PendingImport, digest_of
from transfer.parts import Parts
from transfer.reading import decode

from .conftest import as_dicts, read_csv

pytestmark = pytest.mark.django_db

LISTS = {
    Kind.ORGANISATIONS: "/organisations/",
    Kind.RESEARCHERS: "/researchers/",
    Kind.DATASETS: "/datasets/",
    Kind.PROJECTS: "/projects/",
}
ORCIDS = ["0000-0002-1825-0097", "0000-0001-5109-3700", "0000-0002-1694-233X", "0000-0003-1419-2405"]
RORS = ["01v29qb04", "024mrxd33", "00hx57361", "02jx3x895"]
# Text as people write it, and as spreadsheets mistake it: formulas, quotes, separators, line breaks.
TRICKY = list("=+-@'\";,\n é中🔬")
text_characters = st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Co", "Cn")) | st.sampled_from(
    TRICKY
)
EXAMPLES = {
    "email": ["person@example.org", "Team.Box@example.ac.uk"],
    "contact_email": ["data@example.org"],
    "website": ["https://example.org/about", "https://www.example.ac.uk/research?team=2"],
    "landing_page": ["https://example.org/dataset"],
    "access_url": ["https://example.org/apply"],
    "doi": ["10.1093/ije/dys064", "10.5255/UKDA-SN-2000-1"],
    "links": [
        "Wikipedia entry | https://en.wikipedia.org/wiki/Josiah_Carberry",
        "University page | https://example.org/a\nBlog, “notes” | https://example.org/b?c=1&d=2",
    ],
    "other_identifiers": [
        "Scopus Author ID | 7007156898 | https://www.scopus.com/x?a=1",
        "ResearcherID | A-1234-2008",
    ],
    "distributions": [
        "Annual tables | CSV | https://example.org/a.csv\nhttps://example.org/api\nCodebook, “v2” |  | https://example.org/c",
    ],
    "language": ["eng", "eng, cym"],
}
# Pairs the models keep in order (a check constraint or clean()).
ORDERED = [
    ("min_age", "max_age"),
    ("start_year", "end_year"),
    ("start_date", "end_date"),
    ("weeks_to_access_from", "weeks_to_access_to"),
]


# Each example writes a few dozen rows: enough examples for every kind several times, and no shrinking
# (which would replay hundreds of them); a failure still shows every value drawn.
round_trips = settings(
    max_examples=16,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
    phases=[Phase.explicit, Phase.generate],
)


def text(model_field, required: bool):
    limit = min(model_field.max_length or 300, 300)
    written = st.text(text_characters, max_size=limit).map(str.strip)
    return written.map(lambda value: value or "Named") if required else written


def value_of(model_field, column, number: int):
    """A strategy for what `column` (of `model_field`) may hold on the `number`th entry."""
    name = model_field.name
    if name == "orcid":
        return st.sampled_from(["", ORCIDS[number]])
    if name == "ror_id":
        return st.sampled_from(["", RORS[number]])
    if name in EXAMPLES:
        return st.sampled_from(["", *EXAMPLES[name]])
    if getattr(model_field, "options", None) is not None:  # several choices in a cell
        return st.lists(st.sampled_from(model_field.options.values), unique=True).map(
            lambda chosen: [value for value in model_field.options.values if value in chosen]
        )
    if model_field.choices:
        values = [value for value, _ in model_field.flatchoices]
        return st.sampled_from(values + ([""] if model_field.blank and not column.required else []))
    internal = model_field.get_internal_type()
    if internal == "BooleanField":
        return st.booleans()
    if internal == "DateField":
        return st.none() | st.dates(date(1990, 1, 1), date(2035, 12, 31))
    if internal in ("PositiveSmallIntegerField", "PositiveBigIntegerField", "PositiveIntegerField"):
        upper = 120 if name.endswith("_age") else 2030 if name.endswith("_year") else 10**12
        upper = min(
            [upper, *(v.limit_value for v in model_field.validators if isinstance(v, MaxValueValidator))]
        )
        lower = 1900 if name.endswith("_year") else 0
        numbers = st.integers(lower, upper)
        return st.none() | numbers if model_field.null else numbers
    assert not isinstance(model_field, IdentifierField), f"no examples for {name}"
    return text(model_field, column.required)


def parts_of(parts: Parts):
    """A strategy for a dataset's steps to access or dated counts: a few, with any text."""
    if parts.name == "access_steps":
        row = st.fixed_dictionaries(
            {
                "title": text(parts.model._meta.get_field("title"), required=True),
                "description": text(parts.model._meta.get_field("description"), required=False),
                "url": st.sampled_from(["", "https://example.org/apply?step=2"]),
            }
        )
        numbered = st.lists(row, max_size=3).flatmap(
            lambda rows: st.lists(
                st.integers(1, 30), min_size=len(rows), max_size=len(rows), unique=True
            ).map(lambda numbers: [{"position": n, **each} for n, each in zip(numbers, rows, strict=True)])
        )
        return numbered
    return st.lists(
        st.fixed_dictionaries(
            {
                "measure": st.sampled_from(parts.model.Measure.values),
                "count": st.integers(0, 10**12),
                "observed_on": st.dates(date(1990, 1, 1), date(2035, 12, 31)),
                "description": text(parts.model._meta.get_field("description"), required=False),
            }
        ),
        max_size=3,
    )


def in_order(values: dict) -> dict:
    for low, high in ORDERED:
        if values.get(low) is not None and values.get(high) is not None and values[high] < values[low]:
            values[low], values[high] = values[high], values[low]
    if values.get("is_ongoing"):
        values["end_year"] = None
    conditions = values.get("access_conditions") or []
    if len(conditions) > 1 and "none" in conditions:
        conditions.remove("none")  # Dataset.clean(): "none of these" goes alone
    if values.get("kind", "local-authority") != "local-authority":
        values["area"] = None  # Organisation.clean(): only a local authority serves an area
    return values


class Pools:
    """Entries the files link to, published and not (a download shows only the published ones)."""

    def __init__(self):
        self.themes = [ThemeFactory(), ThemeFactory(), ThemeFactory(status="draft")]
        self.organisations = [
            OrganisationFactory(),
            OrganisationFactory(),
            OrganisationFactory(status="draft"),
        ]
        self.leads = [
            ResearcherFactory(organisation=None),
            ResearcherFactory(organisation=None, status="draft"),
        ]
        self.areas = list(Area.objects.order_by("code")[:4])
        self.identifiers = list(LinkageIdentifier.objects.order_by("pk")[:4])

    def of(self, relation: str) -> list:
        return {
            "organisation": self.organisations,
            "organisations": self.organisations,
            "themes": self.themes,
            "area": self.areas,
            "areas": self.areas,
            "identifiers": self.identifiers,
            "researcher": self.leads,
        }[relation]


def draw_entry(data, kind: str, pools: Pools, number: int) -> tuple[dict, dict, Model | None]:
    """Field values, many-to-many links and a lead for the `number`th entry of `kind`."""
    model = MODELS[kind]
    values, links, lead = {}, {}, None
    for column in COLUMNS[kind]:
        if not column.imported or column.name in ("slug", "status"):
            continue
        if column.parts is not None:
            links[column.name] = data.draw(parts_of(column.parts))
        elif column.relation:
            pool = pools.of(column.relation)
            if not column.is_field:
                lead = data.draw(st.none() | st.sampled_from(pool))
            elif model._meta.get_field(column.name).many_to_many:
                links[column.name] = data.draw(st.lists(st.sampled_from(pool), unique=True, max_size=3))
            else:
                values[column.name] = data.draw(st.none() | st.sampled_from(pool))
        else:
            model_field = model._meta.get_field(column.name)
            values[column.name] = data.draw(value_of(model_field, column, number))
    values["status"] = data.draw(st.sampled_from(["published", "published", "draft"]))
    return in_order(values), links, lead


def give(entry: Model, values: dict, links: dict, lead) -> None:
    for name, value in values.items():
        setattr(entry, name, value)
    entry.save()
    for name, targets in links.items():
        if name in PARTS:  # a dataset's own rows, as dictionaries of their fields
            getattr(entry, name).all().delete()
            getattr(entry, name).bulk_create([PARTS[name].model(dataset=entry, **row) for row in targets])
        else:
            getattr(entry, name).set(targets)
    if lead is not None:
        Membership.objects.filter(project=entry, role=Membership.Role.LEAD).delete()
        Membership.objects.update_or_create(
            project=entry, researcher=lead, defaults={"role": Membership.Role.LEAD}
        )


PARTS = {column.name: column.parts for column in COLUMNS[Kind.DATASETS] if column.parts is not None}


def download(client: Client, kind: str) -> bytes:
    return b"".join(client.get(f"{LISTS[kind]}?format=csv").streaming_content)


def import_file(body: bytes, kind: str, user) -> importer.Outcome:
    text, encoding = decode(body)
    pending = PendingImport.objects.create(
        user=user, kind=kind, file_name="download.csv", text=text, encoding=encoding, digest=digest_of(text)
    )
    outcome = importer.run(pending, user, commit=True)
    assert not outcome.problems, outcome.problems
    return outcome


def stamps(model: type[Model]) -> dict[int, object]:
    return dict(model.objects.values_list("pk", "updated"))


def rolled_back(test):
    """Runs each Hypothesis example in a transaction of its own, rolled back after it."""

    @functools.wraps(test)
    def run(*args, **kwargs):
        with transaction.atomic():
            test(*args, **kwargs)
            transaction.set_rollback(True)

    return run


def make_entries(data, kind: str, pools: Pools) -> list[Model]:
    model = MODELS[kind]
    entries = []
    for number in range(data.draw(st.integers(1, 3), label="entries")):
        entry = model(author=None)
        values, links, lead = draw_entry(data, kind, pools, number)
        if number == 0:
            values["status"] = "published"  # so that the download has a row
        give(entry, values, links, lead)
        entries.append(entry)
    return entries


@round_trips
@given(data=st.data(), kind=st.sampled_from(list(LISTS)))
@rolled_back
def test_importing_a_curators_download_restores_every_column_it_shows(curator_client, data, kind):
    pools = Pools()
    entries = make_entries(data, kind, pools)
    exported = download(curator_client, kind)
    # Then the entries change, every field and link, and the download is imported back.
    for number, entry in enumerate(entries):
        give(entry, *changed(entry, draw_entry(data, kind, pools, number), kind))
    import_file(exported, kind, curator_client.user)
    assert download(curator_client, kind) == exported


def changed(entry: Model, drawn: tuple[dict, dict, Model | None], kind: str) -> tuple:
    """`drawn`, but for what a file cannot say: whether the entry is listed (its status), that a private
    field or a lead is now empty (a blank cell in those columns keeps what is stored)."""
    values, links, lead = drawn
    values["status"] = entry.status
    for column in COLUMNS[kind]:
        if column.private is not None and getattr(entry, column.name) in ("", None):
            values[column.name] = getattr(entry, column.name)
    if kind != Kind.PROJECTS:
        return values, links, None
    shown_lead = Membership.objects.filter(
        project=entry, role=Membership.Role.LEAD, researcher__status="published"
    ).exists()
    return values, links, lead if shown_lead else None


@round_trips
@given(data=st.data(), kind=st.sampled_from(list(LISTS)), as_curator=st.booleans())
@rolled_back
def test_importing_an_unchanged_download_touches_nothing(curator_client, data, kind, as_curator):
    """No new `updated` date (the feeds and "recently updated" read it), no version, same download."""
    pools = Pools()
    make_entries(data, kind, pools)
    reader = curator_client if as_curator else Client()
    exported = download(reader, kind)
    model = MODELS[kind]
    before, versions = stamps(model), Version.objects.count()
    outcome = import_file(exported, kind, curator_client.user)
    assert outcome.created == outcome.updated == 0
    assert outcome.unchanged == len(as_dicts(read_csv_bytes(exported)))
    assert stamps(model) == before
    assert Version.objects.count() == versions
    assert download(reader, kind) == exported


def read_csv_bytes(body: bytes) -> list[list[str]]:
    class Response:
        streaming_content = [body]

    return read_csv(Response())


@pytest.fixture
def curator_client(curator_client, curator):
    curator_client.user = curator
    return curator_client


def test_importing_the_public_download_keeps_private_emails_and_lived_experience(curator_client):
    shown = ResearcherFactory(name="Shown", email="shown@example.org", show_email=True)
    private = ResearcherFactory(
        name="Private",
        email="private@example.org",
        show_email=False,
        has_lived_experience=True,
        lived_experience="Grew up in care",
        show_lived_experience=False,
    )
    exported = download(Client(), Kind.RESEARCHERS)
    rows = {row["name"]: row for row in as_dicts(read_csv_bytes(exported))}
    assert rows["Private"]["email"] == "" and rows["Private"]["lived_experience"] == ""
    text = exported.decode("utf-8-sig").replace("Shown,", "Shown again,", 1)
    outcome = import_file(text.encode(), Kind.RESEARCHERS, curator_client.user)
    private.refresh_from_db()
    shown.refresh_from_db()
    assert (private.email, private.lived_experience) == ("private@example.org", "Grew up in care")
    assert private.has_lived_experience and not private.show_lived_experience
    assert shown.name == "Shown again" and shown.email == "shown@example.org"
    assert (outcome.updated, outcome.unchanged) == (1, 1)


def test_importing_a_download_keeps_links_to_unpublished_entries(curator_client):
    draft_theme, draft_organisation = ThemeFactory(status="draft"), OrganisationFactory(status="draft")
    researcher = ResearcherFactory(organisation=draft_organisation)
    researcher.themes.add(draft_theme, ThemeFactory())
    researcher.affiliations.add(draft_organisation)
    exported = download(Client(), Kind.RESEARCHERS)
    row = as_dicts(read_csv_bytes(exported))[0]
    assert row["organisation"] == "" and row["affiliations"] == ""
    # A curator takes the other theme off: the draft one, which the file could not show, stays.
    text = exported.decode("utf-8-sig").replace(row["themes"], "")
    import_file(text.encode(), Kind.RESEARCHERS, curator_client.user)
    researcher.refresh_from_db()
    assert researcher.organisation == draft_organisation
    assert list(researcher.themes.all()) == [draft_theme]
    assert list(researcher.affiliations.all()) == [draft_organisation]


def test_a_download_only_a_curator_sees_status_and_private_fields(curator_client):
    ResearcherFactory(name="Private", email="private@example.org", show_email=False)
    public = as_dicts(read_csv(Client().get("/researchers/?format=csv")))[0]
    curators = as_dicts(read_csv(curator_client.get("/researchers/?format=csv")))[0]
    assert "status" not in public and public["email"] == ""
    assert curators["status"] == "published" and curators["email"] == "private@example.org"


@pytest.mark.parametrize("kind", list(LISTS))
def test_every_column_a_download_carries_is_one_an_import_knows(curator_client, kind):
    known = {column.name for column in COLUMNS[kind]}
    for reader in (Client(), curator_client):
        header = read_csv(reader.get(f"{LISTS[kind]}?format=csv"))[0]
        assert set(header) <= known
    imported = {column.name for column in COLUMNS[kind] if column.imported}
    assert imported <= set(read_csv(curator_client.get(f"{LISTS[kind]}?format=csv"))[0])


@pytest.mark.parametrize(
    "summary", ["=SUM(A1)", "-5 and more", "'quoted", "''", "'=defused already", "@home"]
)
def test_a_text_a_spreadsheet_would_run_comes_back_as_it_was(curator_client, summary):
    dataset = DatasetFactory(summary=summary)
    exported = download(curator_client, Kind.DATASETS)
    Dataset.objects.filter(pk=dataset.pk).update(summary="changed")
    import_file(exported, Kind.DATASETS, curator_client.user)
    dataset.refresh_from_db()
    assert dataset.summary == summary
