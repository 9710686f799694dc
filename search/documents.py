"""What the search index knows about each kind of entry.

Each builder turns a queryset of published entries into documents: weighted
text (title, keywords, linked names, body), the facets to narrow results by,
and the key facts shown beside a result. Linked names carry expertise across
the directory: a researcher is found by the projects and data they worked on.

Places travel the same way, as "place" facets that the index keeps in a table of
their own (search.models.SearchPlace, never shown or counted): the area codes an
entry is connected to (a dataset's areas, or "england"/"uk" when it is
national; an organisation's area; a project's data, partners and members'
organisations; a researcher's organisations and projects). Each builder
prefetches what it reads, so a batch costs the same few queries however
many entries it holds.
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Prefetch

from areas.models import Area
from core.models import Entry, published_or_none
from datasets.models import Dataset, Variable
from involvement.models import Opportunity
from organisations.models import Organisation
from people.models import Researcher
from projects.models import DatasetUsage, Membership, Project
from themes.models import Theme

from .highlight import VARIABLE_MARK
from .models import Kind

PUBLISHED = Entry.Status.PUBLISHED
# The hidden facet of the places an entry is connected to (never shown as a facet to choose).
PLACE = "place"
# Hidden facets, never shown or counted, that the search compares with today's date when it runs, so
# that what a date changes needs no reindexing: the day an opportunity closes (it drops out of every
# search after it), and the end date of an active project (it shows as ended after it).
CLOSES = "closes"
ENDS = "ends"
# What a researcher who welcomes involving people with lived experience is found by, in the words of
# the synonym list's involvement groups (PPI, get involved, co-production).
WELCOMES_INVOLVEMENT = (
    "involving people with lived experience; welcomes people who would like to take part, "
    "as advisers, co-researchers or co-authors"
)
# A researcher's biography is cut here in their summary, so that their expertise always follows it.
BIOGRAPHY_IN_SUMMARY = 1500
# A dataset's entry names at most this many of its variables (the first, in dictionary order), so that an
# entry stays far below PostgreSQL's limit on a tsvector whatever the size of the dictionary.
MOST_VARIABLES_INDEXED = 2000


@dataclass
class Document:
    kind: str
    object_id: int
    url: str
    title: str
    updated: datetime
    keywords: list[str] = field(default_factory=list)
    linked: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    summary: str = ""
    facts: list[tuple[str, str]] = field(default_factory=list)
    facets: set[tuple[str, str, str]] = field(default_factory=set)
    # The ages a dataset covers, as its minimum and maximum age; no upper age is open-ended.
    age_from: int | None = None
    age_to: int | None = None


def published_themes():
    return Theme.objects.published().select_related("parent")


def theme_facets(themes: Iterable[Theme]) -> set[tuple[str, str, str]]:
    """A themed entry is found under its themes and under their parent themes."""
    facets = set()
    for theme in themes:
        facets.add(("theme", theme.slug, theme.name))
        parent = published_or_none(theme.parent)
        if parent:
            facets.add(("theme", parent.slug, parent.name))
    return facets


def organisation_facet(organisation: Organisation | None) -> set[tuple[str, str, str]]:
    if published_or_none(organisation) is None:
        return set()
    return {("organisation", organisation.slug, organisation.name)}


def joined(names: Iterable[str]) -> str:
    return ", ".join(name for name in names if name)


def area_places(organisations: Iterable[Organisation | None]) -> set[tuple[str, str, str]]:
    """The areas of the published organisations among these (their `area` selected with them)."""
    return {
        (PLACE, organisation.area.code, organisation.area.name)
        for organisation in organisations
        if published_or_none(organisation) and organisation.area
    }


def dataset_places(dataset: Dataset, areas: Iterable[Area]) -> set[tuple[str, str, str]]:
    """The areas a dataset covers, and England or the UK for national data."""
    places = {(PLACE, area.code, area.name) for area in areas}
    if dataset.is_national:
        places.add((PLACE, dataset.coverage_scope, dataset.get_coverage_scope_display()))
    return places


def project_links(prefix: str = "") -> list:
    """The prefetches `project_places` reads, for projects reached through `prefix`."""
    return [
        Prefetch(
            f"{prefix}partner_organisations", queryset=Organisation.objects.published().select_related("area")
        ),
        Prefetch(
            f"{prefix}memberships",
            queryset=Membership.objects.filter(researcher__status=PUBLISHED).select_related(
                "researcher__organisation__area"
            ),
        ),
        Prefetch(
            f"{prefix}usages",
            queryset=DatasetUsage.objects.filter(dataset__status=PUBLISHED).select_related("dataset"),
        ),
        f"{prefix}usages__dataset__areas",
    ]


@dataclass
class ProjectLinks:
    """What the documents of a project and of its members show of the project's links: its published
    themes, members (on published researchers, in membership order), data, partners and outputs.

    Built from a project prefetched with `project_links` (`linked_project`), or from a batch's rows
    (search.batches), holding instances or `Linked` stand-ins with the same attributes.
    """

    title: str
    themes: list
    memberships: list
    datasets: list
    partners: list
    outputs: list
    places: set[tuple[str, str, str]]


class Linked:
    """A linked row as a batch reads it (search.batches): the few fields a document shows, equal to and
    hashed as a model instance of the same row is, so that a set of them keeps the order a set of
    instances has."""

    def __init__(self, pk: int, **fields):
        self.pk = pk
        self.__dict__.update(fields)

    def __eq__(self, other) -> bool:
        return isinstance(other, Linked) and self.pk == other.pk

    def __hash__(self) -> int:
        return hash(self.pk)


def project_places(
    partners: Iterable[Organisation],
    memberships: Iterable,
    datasets: Iterable[tuple[Dataset, Iterable[Area]]],
) -> set[tuple[str, str, str]]:
    """The places of a project's published data (with their areas), partners and members' organisations."""
    places = area_places(partners)
    places |= area_places(membership.researcher.organisation for membership in memberships)
    for dataset, areas in datasets:
        places |= dataset_places(dataset, areas)
    return places


def linked_project(project: Project, with_outputs: bool = False) -> ProjectLinks:
    """The links of a project prefetched with `project_links` (and its `outputs` if `with_outputs`)."""
    memberships = list(project.memberships.all())
    partners = list(project.partner_organisations.all())
    datasets = [usage.dataset for usage in project.usages.all()]
    return ProjectLinks(
        title=project.title,
        themes=list(project.themes.all()),
        memberships=memberships,
        datasets=datasets,
        partners=partners,
        outputs=list(project.outputs.all()) if with_outputs else [],
        places=project_places(partners, memberships, ((d, d.areas.all()) for d in datasets)),
    )


def researcher_summary(person: Researcher) -> str:
    """What a researcher's result shows: their biography, then their expertise."""
    biography = person.biography
    if len(biography) > BIOGRAPHY_IN_SUMMARY:
        biography = biography[:BIOGRAPHY_IN_SUMMARY].rsplit(" ", 1)[0] + " …"
    expertise = f"Expertise: {person.expertise}" if person.expertise else ""
    return "\n".join(text for text in (biography, expertise) if text)


def researchers(queryset) -> Iterator[Document]:
    projects = Membership.objects.filter(project__status=PUBLISHED).select_related("project")
    queryset = queryset.select_related("organisation__area").prefetch_related(
        Prefetch("affiliations", queryset=Organisation.objects.published().select_related("area")),
        Prefetch("themes", queryset=published_themes()),
        Prefetch("memberships", queryset=projects),
        Prefetch("memberships__project__themes", queryset=Theme.objects.published()),
        *project_links("memberships__project__"),
    )
    for person in queryset:
        organisations = [person.organisation, *person.affiliations.all()]
        yield researcher_document(
            person,
            [o for o in organisations if published_or_none(o)],
            list(person.themes.all()),
            [linked_project(membership.project) for membership in person.memberships.all()],
        )


def researcher_document(
    person: Researcher,
    organisations: list[Organisation],
    themes: list[Theme],
    projects: list[ProjectLinks],
    url: str | None = None,
) -> Document:
    """A researcher's document, from their published organisations, themes and projects (and their address,
    when the caller knows it: search.batches.Addresses)."""
    datasets = {dataset for project in projects for dataset in project.datasets}
    document = Document(
        kind=Kind.RESEARCHER,
        object_id=person.pk,
        url=url or person.get_absolute_url(),
        title=person.display_name,
        updated=person.updated,
        keywords=[
            person.job_title,
            person.expertise,
            person.methods,
            WELCOMES_INVOLVEMENT if person.welcomes_lived_experience else "",
        ],
        linked=[
            *(o.name for o in organisations),
            *(t.name for t in themes),
            *(p.title for p in projects),
            *(t.name for p in projects for t in p.themes),
            *(d.title for d in datasets),
            *(d.keywords for d in datasets),
        ],
        body=[person.biography, person.public_lived_experience],
        summary=researcher_summary(person),
        facts=[
            ("Organisation", joined(o.name for o in organisations[:1])),
            ("Career stage", person.get_career_stage_display()),
            ("Themes", joined(t.name for t in themes)),
        ],
    )
    document.facets |= theme_facets(themes)
    for organisation in organisations:
        document.facets |= organisation_facet(organisation)
    if person.career_stage:
        document.facets.add(("career_stage", person.career_stage, person.get_career_stage_display()))
    document.facets |= area_places(organisations)
    for project in projects:
        document.facets |= project.places
    return document


def indexed_variables():
    """A dataset's variables as its entry names them (by name and label), in dictionary order."""
    ordered = Variable.objects.only("dataset_id", "name", "label").order_by(
        "dataset_id", "table__position", "table__name", "position", "name"
    )
    return Prefetch("variables", queryset=ordered[:MOST_VARIABLES_INDEXED], to_attr="indexed_variables")


def datasets(queryset) -> Iterator[Document]:
    queryset = queryset.select_related("custodian").prefetch_related(
        Prefetch("themes", queryset=published_themes()),
        "areas",
        "identifiers",
        Prefetch("linked_datasets", queryset=Dataset.objects.published()),
        indexed_variables(),
    )
    for dataset in queryset:
        yield dataset_document(
            dataset,
            custodian=published_or_none(dataset.custodian),
            themes=list(dataset.themes.all()),
            areas=list(dataset.areas.all()),
            identifiers=list(dataset.identifiers.all()),
            variables=dataset.indexed_variables,
            linked_datasets=list(dataset.linked_datasets.all()),
        )


def dataset_document(
    dataset: Dataset,
    custodian: Organisation | None,
    themes: list[Theme],
    areas: list[Area],
    identifiers: list,
    variables: list,
    linked_datasets: list,
    url: str | None = None,
) -> Document:
    """A dataset's document, from its published custodian, themes and linked datasets, its areas,
    identifiers and first variables (`indexed_variables`)."""
    coverage = (
        dataset.get_coverage_scope_display() if dataset.is_national else joined(a.name for a in areas[:3])
    )
    if not dataset.is_national and len(areas) > 3:
        coverage += f" and {len(areas) - 3} more"
    document = Document(
        kind=Kind.DATASET,
        object_id=dataset.pk,
        url=url or dataset.get_absolute_url(),
        title=dataset.title,
        updated=dataset.updated,
        keywords=[
            dataset.keywords,
            dataset.get_source_kind_display(),
            *(i.name for i in identifiers),
            *(f"{VARIABLE_MARK}{v.name}: {v.label}".rstrip(": ") for v in variables),
        ],
        linked=[
            custodian.name if custodian else "",
            custodian.short_name if custodian else "",
            *(t.name for t in themes),
            *(a.name for a in areas),
            dataset.get_coverage_scope_display() if dataset.is_national else "",
            *(d.title for d in linked_datasets),
            dataset.trusted_research_environment,
        ],
        body=[dataset.summary, dataset.description, dataset.population, dataset.access_instructions],
        summary=dataset.summary,
        facts=[
            ("Access", dataset.get_access_level_display()),
            ("Held by", custodian.name if custodian else ""),
            ("Covers", coverage),
            ("Ages", dataset.age_range),
            ("Years", dataset.time_coverage),
        ],
    )
    document.facets |= theme_facets(themes) | organisation_facet(custodian)
    document.facets |= {("area", area.code, area.name) for area in areas}
    if dataset.is_national:
        document.facets.add(("area", dataset.coverage_scope, dataset.get_coverage_scope_display()))
    document.facets |= {("life_stage", stage.slug, stage.label) for stage in dataset.life_stages}
    document.facets.add(("access_level", dataset.access_level, dataset.get_access_level_display()))
    document.facets.add(("source_kind", dataset.source_kind, dataset.get_source_kind_display()))
    document.facets |= dataset_places(dataset, areas)
    if dataset.min_age is not None:
        document.age_from, document.age_to = dataset.min_age, dataset.max_age
    return document


def projects(queryset) -> Iterator[Document]:
    queryset = queryset.prefetch_related(
        Prefetch("themes", queryset=published_themes()), *project_links(), "outputs"
    )
    for project in queryset:
        yield project_document(project, linked_project(project, with_outputs=True))


def project_document(project: Project, links: ProjectLinks, url: str | None = None) -> Document:
    """A project's document, from its links (with its outputs)."""
    themes, memberships, partners = links.themes, links.memberships, links.partners
    leads = [m.researcher.display_name for m in memberships if m.role == Membership.Role.LEAD]
    dates = " to ".join(str(day.year) for day in (project.start_date, project.end_date) if day)
    document = Document(
        kind=Kind.PROJECT,
        object_id=project.pk,
        url=url or project.get_absolute_url(),
        title=project.title,
        updated=project.updated,
        keywords=[project.funder, *(output.title for output in links.outputs)],
        linked=[
            *(t.name for t in themes),
            *(m.researcher.name for m in memberships),
            *(d.title for d in links.datasets),
            *(o.name for o in partners),
        ],
        body=[project.summary, *(output.key_finding for output in links.outputs)],
        summary=project.summary,
        facts=[
            ("Status", project.get_stage_display()),
            ("Dates", dates),
            ("Led by", joined(leads)),
            ("Themes", joined(t.name for t in themes)),
        ],
    )
    document.facets |= theme_facets(themes)
    document.facets.add(("stage", project.stage, project.get_stage_display()))
    if project.stage == Project.Stage.ACTIVE and project.end_date:
        document.facets.add((ENDS, project.end_date.isoformat(), ""))
    for organisation in [*partners, *(m.researcher.organisation for m in memberships)]:
        document.facets |= organisation_facet(organisation)
    document.facets |= links.places
    return document


def organisations(queryset) -> Iterator[Document]:
    for organisation in queryset.select_related("area"):
        document = Document(
            kind=Kind.ORGANISATION,
            object_id=organisation.pk,
            url=organisation.get_absolute_url(),
            title=organisation.name,
            updated=organisation.updated,
            keywords=[organisation.short_name, organisation.get_kind_display()],
            linked=[organisation.area.name if organisation.area else ""],
            body=[organisation.description],
            summary=organisation.description,
            facts=[
                ("Kind", organisation.get_kind_display()),
                ("Area", organisation.area.name if organisation.area else ""),
            ],
        )
        document.facets |= organisation_facet(organisation)
        if organisation.area:
            document.facets.add(("area", organisation.area.code, organisation.area.name))
        document.facets |= area_places([organisation])
        yield document


def themes(queryset) -> Iterator[Document]:
    for theme in queryset.select_related("parent"):
        parent = published_or_none(theme.parent)
        document = Document(
            kind=Kind.THEME,
            object_id=theme.pk,
            url=theme.get_absolute_url(),
            title=theme.name,
            updated=theme.updated,
            linked=[parent.name if parent else ""],
            body=[theme.description],
            summary=theme.description,
            facts=[("Family", theme.get_family_display()), ("Part of", parent.name if parent else "")],
        )
        document.facets |= theme_facets([theme])
        yield document


def opportunities(queryset) -> Iterator[Document]:
    for opportunity in queryset.select_related("project", "organisation__area"):
        offerers = [offerer for offerer in (opportunity.project, opportunity.organisation) if offerer]
        if not all(offerer.is_published for offerer in offerers):
            continue
        wanted = opportunity.wanted
        document = Document(
            kind=Kind.OPPORTUNITY,
            object_id=opportunity.pk,
            url=opportunity.get_absolute_url(),
            title=opportunity.title,
            updated=opportunity.updated,
            # People look for these in words of their own: "get involved", "take part", "paid".
            keywords=[
                "get involved, take part, involvement",
                *wanted,
                opportunity.get_payment_display(),
                opportunity.commitment,
            ],
            linked=[str(offerer) for offerer in offerers],
            body=[
                opportunity.summary,
                opportunity.accessibility,
                opportunity.payment_details,
                opportunity.location,
            ],
            summary=opportunity.summary,
            facts=[
                ("Who is wanted", joined(wanted).capitalize()),
                ("Payment", opportunity.get_payment_display()),
                ("Closes", f"{opportunity.closes_on.day} {opportunity.closes_on:%B %Y}"),
                ("Offered by", joined(str(offerer) for offerer in offerers[:1])),
            ],
        )
        document.facets.add((CLOSES, opportunity.closes_on.isoformat(), ""))
        document.facets |= organisation_facet(opportunity.organisation)
        document.facets |= area_places([opportunity.organisation])
        yield document


BUILDERS = {
    Kind.RESEARCHER: (Researcher, researchers),
    Kind.DATASET: (Dataset, datasets),
    Kind.PROJECT: (Project, projects),
    Kind.ORGANISATION: (Organisation, organisations),
    Kind.THEME: (Theme, themes),
    Kind.OPPORTUNITY: (Opportunity, opportunities),
}
KIND_OF_MODEL = {model: kind for kind, (model, _) in BUILDERS.items()}
