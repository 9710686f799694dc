"""Who is close to a researcher: their collaborators, and similar people with the reasons why.

The work per page is bounded however large the directory grows: candidates come from a few
capped queries (people on the same projects, people who used the same data, people in the same
themes), and are then scored in Python. People who share only keywords, and no project, dataset
or theme, are not found here; search finds them.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Prefetch

from core.models import Entry
from projects.models import DatasetUsage, Membership
from themes.models import Theme

from .models import Researcher

PUBLISHED = Entry.Status.PUBLISHED
# Caps that keep one page's work bounded at national scale.
MOST_PROJECTS = 100
MOST_CANDIDATES_PER_SIGNAL = 400
SIMILAR_SHOWN = 6
COLLABORATORS_SHOWN = 12
# How much each kind of shared thing counts towards similarity.
WEIGHTS = {"projects": 3, "datasets": 2, "themes": 1, "keywords": 1}


@dataclass
class Neighbour:
    researcher: Researcher
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


def network_of(researcher: Researcher) -> Network:
    """The researcher's collaborators and similar people: a fixed number of queries."""
    neighbours: dict[int, Neighbour] = {}
    together = shared_projects(researcher)
    for candidate_id, project_title in together:
        neighbour_for(neighbours, candidate_id).projects.add(project_title)
    for candidate_id, dataset_title in shared_datasets(researcher):
        neighbour_for(neighbours, candidate_id).datasets.add(dataset_title)
    my_themes = {theme.pk: theme.name for theme in researcher.themes.all() if theme.is_published}
    for candidate_id, theme_id in shared_themes(researcher, my_themes):
        neighbour_for(neighbours, candidate_id).themes.add(my_themes[theme_id])
    fill_in(neighbours, researcher)
    collaborators = sorted(
        (n for n in neighbours.values() if n.projects), key=lambda n: (-len(n.projects), n.researcher.name)
    )
    similar = sorted(
        (n for n in neighbours.values() if not n.projects),
        key=lambda n: (-n.score, n.researcher.name),
    )
    shown = collaborators[:COLLABORATORS_SHOWN]
    return Network(shown, similar[:SIMILAR_SHOWN], links_among(shown))


def neighbour_for(neighbours: dict, candidate_id: int) -> Neighbour:
    if candidate_id not in neighbours:
        neighbours[candidate_id] = Neighbour(researcher=None)
    return neighbours[candidate_id]


def my_projects(researcher: Researcher):
    return (
        Membership.objects.filter(researcher=researcher, project__status=PUBLISHED)
        .order_by("-project__updated")
        .values("project")[:MOST_PROJECTS]
    )


def shared_projects(researcher: Researcher) -> list[tuple[int, str]]:
    rows = (
        Membership.objects.filter(project__in=my_projects(researcher), researcher__status=PUBLISHED)
        .exclude(researcher=researcher)
        .values_list("researcher", "project__title")
    )
    return list(rows[:MOST_CANDIDATES_PER_SIGNAL])


def shared_datasets(researcher: Researcher) -> list[tuple[int, str]]:
    """People on other projects that used the data the researcher's projects used."""
    my_data = DatasetUsage.objects.filter(
        project__in=my_projects(researcher), dataset__status=PUBLISHED
    ).values("dataset")
    rows = (
        DatasetUsage.objects.filter(dataset__in=my_data, project__status=PUBLISHED)
        .filter(project__memberships__researcher__status=PUBLISHED)
        .exclude(project__memberships__researcher=researcher)
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


def fill_in(neighbours: dict[int, Neighbour], researcher: Researcher) -> None:
    """Loads the candidates (two queries), adds shared keywords, and drops any that are not public."""
    people = (
        Researcher.objects.published()
        .filter(pk__in=list(neighbours))
        .select_related("organisation")
        .prefetch_related(Prefetch("themes", queryset=Theme.objects.published()))
    )
    mine = {keyword.lower() for keyword in researcher.expertise_list + researcher.methods_list}
    found = {person.pk: person for person in people}
    for candidate_id in list(neighbours):
        person = found.get(candidate_id)
        if person is None:
            del neighbours[candidate_id]
            continue
        neighbours[candidate_id].researcher = person
        theirs = {keyword.lower() for keyword in person.expertise_list + person.methods_list}
        neighbours[candidate_id].keywords = mine & theirs


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
