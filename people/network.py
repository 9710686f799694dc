"""Who is close to a researcher: their collaborators, and similar people with the reasons why.

The work per page is bounded however large the directory grows: candidates come from a few
capped queries (people on the same projects, people who used the same data, people in the same
themes), and are then scored in Python. People who share only keywords, and no project, dataset
or theme, are not found here; search finds them.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Case, Q, Value, When

from core.keywords import split_keywords
from core.models import Entry
from organisations.models import Organisation
from projects.models import DatasetUsage, Membership

from .models import Researcher

PUBLISHED = Entry.Status.PUBLISHED
# Caps that keep one page's work bounded at national scale.
MOST_MEMBERSHIPS = 1000
MOST_PROJECTS = 100
MOST_CANDIDATES_PER_SIGNAL = 400
SIMILAR_SHOWN = 6
COLLABORATORS_SHOWN = 12
# What similarity reads of every candidate, and what the page and the graph show of the chosen few.
CANDIDATE_FIELDS = (
    "pk",
    "name",
    "title",
    "slug",
    "expertise",
    "methods",
    "organisation_id",
    "organisation__name",
    "organisation__slug",
    "organisation__status",
)
# How much each kind of shared thing counts towards similarity.
WEIGHTS = {"projects": 3, "datasets": 2, "themes": 1, "keywords": 1}


@dataclass
class Neighbour:
    pk: int
    researcher: Researcher | None = None  # set for the neighbours shown
    name: str = ""
    projects: set = field(default_factory=set)
    datasets: set = field(default_factory=set)
    themes: set = field(default_factory=set)
    keywords: set = field(default_factory=set)

    @property
    def score(self) -> int:
        return sum(weight * len(getattr(self, name)) for name, weight in WEIGHTS.items())

    @property
    def reasons(self) -> list[str]:
        """Why they are similar, in words: 'worked together on …', 'both used …'."""
        said = []
        if self.projects:
            said.append("worked together on " + listed(self.projects))
        if self.datasets:
            said.append("both used " + listed(self.datasets))
        if self.themes:
            said.append("both work on " + listed(self.themes))
        if self.keywords:
            said.append("shared expertise: " + listed(self.keywords))
        return said


def listed(names) -> str:
    names = sorted(names)
    return ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")


@dataclass
class Network:
    collaborators: list[Neighbour]
    similar: list[Neighbour]
    # Pairs of collaborators who also worked with each other, for the graph.
    links_between: list[tuple[int, int]]


def network_of(researcher: Researcher, memberships: list[Membership] | None = None) -> Network:
    """The researcher's collaborators and similar people: three queries, or four without
    `memberships` (everyone's on the researcher's projects, as `project_memberships` gives them)."""
    neighbours: dict[int, Neighbour] = {}
    if memberships is None:
        memberships = project_memberships(researcher)
    own = [membership for membership in memberships if membership.researcher_id == researcher.pk]
    for membership in memberships:
        if membership.researcher_id != researcher.pk:
            neighbour_for(neighbours, membership.researcher_id).projects.add(membership.project.title)
    for candidate_id, dataset_title in shared_datasets(own):
        if candidate_id is not None:  # a project with no members
            neighbour_for(neighbours, candidate_id).datasets.add(dataset_title)
    my_themes = {theme.pk: theme.name for theme in researcher.themes.all() if theme.is_published}
    for candidate_id, theme_id in shared_themes(researcher, my_themes):
        neighbour_for(neighbours, candidate_id).themes.add(my_themes[theme_id])
    rows = fill_in(neighbours, researcher)
    collaborators = sorted(
        (n for n in neighbours.values() if n.projects), key=lambda n: (-len(n.projects), n.name)
    )
    similar = sorted((n for n in neighbours.values() if not n.projects), key=lambda n: (-n.score, n.name))
    shown, similar = collaborators[:COLLABORATORS_SHOWN], similar[:SIMILAR_SHOWN]
    for neighbour in shown + similar:
        neighbour.researcher = person_from(rows[neighbour.pk])
    return Network(shown, similar, links_among(shown))


def neighbour_for(neighbours: dict, candidate_id: int) -> Neighbour:
    if candidate_id not in neighbours:
        neighbours[candidate_id] = Neighbour(candidate_id)
    return neighbours[candidate_id]


def project_memberships(researcher: Researcher) -> list[Membership]:
    """Everyone's memberships of the researcher's published projects, with the projects: the
    researcher's own first, then the published people they worked with (one query, at most
    MOST_MEMBERSHIPS rows). The researcher's page lists the first; the network reads the others."""
    mine = Membership.objects.filter(researcher=researcher, project__status=PUBLISHED).values("project")
    own_first = Case(When(researcher=researcher, then=Value(0)), default=Value(1))
    return list(
        Membership.objects.filter(project__in=mine)
        .filter(Q(researcher=researcher) | Q(researcher__status=PUBLISHED))
        .select_related("project")
        .order_by(own_first, "project", "role", "pk")[:MOST_MEMBERSHIPS]
    )


def shared_datasets(own: list[Membership]) -> list[tuple[int, str]]:
    """People on other projects that used the data the researcher's projects used (one query), from
    the researcher's `own` memberships of published projects. Whether those people are public is
    checked when they are read (fill_in): a join fewer here, which the planner took longer over than
    the query takes to run."""
    if not own:
        return []
    recent = sorted(own, key=lambda membership: membership.project.updated, reverse=True)[:MOST_PROJECTS]
    my_data = DatasetUsage.objects.filter(
        project__in=[membership.project_id for membership in recent], dataset__status=PUBLISHED
    ).values("dataset")
    rows = (
        DatasetUsage.objects.filter(dataset__in=my_data, project__status=PUBLISHED)
        .exclude(project__in=[membership.project_id for membership in own])
        .order_by()
        .values_list("project__memberships__researcher", "dataset__title")
        .distinct()
    )
    return list(rows[:MOST_CANDIDATES_PER_SIGNAL])


def shared_themes(researcher: Researcher, my_themes: dict[int, str]) -> list[tuple[int, int]]:
    if not my_themes:
        return []
    through = Researcher.themes.through.objects.filter(
        theme__in=list(my_themes), researcher__status=PUBLISHED
    ).exclude(researcher=researcher)
    # Most recently added profiles first: a bounded, fresh sample of a big theme.
    return list(
        through.order_by("-researcher_id").values_list("researcher", "theme")[:MOST_CANDIDATES_PER_SIGNAL]
    )


def fill_in(neighbours: dict[int, Neighbour], researcher: Researcher) -> dict[int, tuple]:
    """Reads every candidate's name and keywords (one query, plain rows: there can be a thousand),
    adds shared keywords, and drops any that are not public. Returns the rows by id."""
    rows = {
        row[0]: row
        for row in Researcher.objects.published()
        .filter(pk__in=list(neighbours))
        .order_by()
        .values_list(*CANDIDATE_FIELDS)
    }
    mine = {keyword.lower() for keyword in researcher.expertise_list + researcher.methods_list}
    for candidate_id in list(neighbours):
        row = rows.get(candidate_id)
        if row is None:
            del neighbours[candidate_id]
            continue
        neighbours[candidate_id].name = row[1]
        theirs = {keyword.lower() for keyword in split_keywords(row[4]) + split_keywords(row[5])}
        neighbours[candidate_id].keywords = mine & theirs
    return rows


def person_from(row: tuple) -> Researcher:
    """A published researcher as the page shows one (name, title, address, organisation), from a row of
    CANDIDATE_FIELDS: built, not queried, for the dozen or so shown."""
    pk, name, title, slug, expertise, methods, organisation_id, *organisation = row
    person = Researcher(
        pk=pk, name=name, title=title, slug=slug, expertise=expertise, methods=methods, status=PUBLISHED
    )
    if organisation_id is not None:
        org_name, org_slug, org_status = organisation
        person.organisation = Organisation(
            pk=organisation_id, name=org_name, slug=org_slug, status=org_status
        )
    return person


def links_among(collaborators: list[Neighbour]) -> list[tuple[int, int]]:
    """Pairs (by position in `collaborators`) who share a project the researcher is also on."""
    by_project = defaultdict(list)
    for position, neighbour in enumerate(collaborators):
        for project in neighbour.projects:
            by_project[project].append(position)
    pairs = set()
    for positions in by_project.values():
        for index, first in enumerate(positions):
            for second in positions[index + 1 :]:
                pairs.add((first, second))
    return sorted(pairs)
