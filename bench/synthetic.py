"""A synthetic directory at national scale, for measuring the portal.

Text is assembled from vocabularies of the field so that searches behave
as they would on real entries: common words match many entries, rare ones
few. Everything is written with bulk inserts in batches, holding only ids in
memory, and marked as sample data.
"""

import datetime
import random
from collections.abc import Callable, Iterator

from django.db import transaction

from areas.models import Area
from core.cached_counts import forget_counts
from datasets.models import Dataset, LinkageIdentifier
from organisations.models import Organisation
from people.models import Researcher
from projects.models import DatasetUsage, Membership, Output, Project
from search import indexing
from themes.models import Theme

from .progress import Progress

BATCH = 5000
PUBLISHED, DRAFT = "published", "draft"

TOPICS = [
    "school readiness",
    "early language",
    "childhood obesity",
    "physical activity",
    "oral health",
    "mental health",
    "self-harm",
    "anxiety",
    "wellbeing",
    "school exclusion",
    "attendance",
    "attainment",
    "special educational needs",
    "autism",
    "care leavers",
    "children in need",
    "child protection",
    "looked-after children",
    "youth justice",
    "knife crime",
    "child poverty",
    "food insecurity",
    "housing",
    "free school meals",
    "breastfeeding",
    "immunisation",
    "asthma",
    "diabetes",
    "sleep",
    "screen time",
    "online safety",
    "young carers",
    "bereavement",
    "domestic abuse",
    "adverse childhood experiences",
    "speech and language",
    "neonatal care",
    "maternal health",
    "air pollution",
    "green space",
    "transport",
    "youth services",
    "apprenticeships",
    "NEET",
    "family hubs",
    "health visiting",
    "school nursing",
    "CAMHS waiting times",
    "eating disorders",
]
METHODS = [
    "data linkage",
    "multilevel models",
    "survival analysis",
    "machine learning",
    "natural language processing",
    "causal inference",
    "qualitative interviews",
    "participatory research",
    "geospatial analysis",
    "systematic review",
    "randomised controlled trials",
    "economic evaluation",
    "cohort analysis",
    "time series",
    "network analysis",
    "mixed methods",
    "co-production",
    "text mining",
    "R",
    "Python",
    "Stata",
]
FIRST = [
    "Aisha",
    "Ben",
    "Chen",
    "Dami",
    "Elif",
    "Femi",
    "Grace",
    "Harun",
    "Imogen",
    "Jamal",
    "Kasia",
    "Liam",
    "Maya",
    "Nikhil",
    "Orla",
    "Pavel",
    "Qasim",
    "Ruth",
    "Soren",
    "Tia",
    "Usman",
    "Vera",
    "Wes",
    "Ximena",
    "Yusuf",
    "Zara",
    "Abdul",
    "Bethan",
    "Callum",
    "Delia",
    "Euan",
    "Fatima",
    "Gethin",
    "Hollie",
    "Idris",
]
LAST = [
    "Ahmed",
    "Barker",
    "Clough",
    "Dawson",
    "Ekwueme",
    "Fletcher",
    "Gill",
    "Hartley",
    "Iqbal",
    "Jagger",
    "Kaur",
    "Lees",
    "Moss",
    "Naylor",
    "Okoro",
    "Patel",
    "Quigley",
    "Riley",
    "Shaw",
    "Tate",
    "Uddin",
    "Varley",
    "Walsh",
    "Xu",
    "Yates",
    "Zaman",
    "Ainsworth",
    "Brook",
    "Crowther",
    "Dyson",
    "Emmott",
]
ORGANISATION_KINDS = [
    ("university", "University of {place}"),
    ("local-authority", "{place} Council"),
    ("nhs-trust", "{place} Community NHS Trust"),
    ("research-institute", "{place} Institute for Child Health"),
    ("charity", "{place} Young People’s Trust"),
    ("public-body", "{place} Public Health Partnership"),
]
DATASET_WORDS = ["cohort", "register", "survey", "linked dataset", "records", "extract", "audit", "census"]
PROJECT_VERBS = ["Understanding", "Improving", "Evaluating", "Predicting", "Mapping", "Reducing", "Measuring"]
GROUPS = ["young children", "adolescents", "care leavers", "families", "pupils", "young people", "infants"]


def words(rng: random.Random, pool: list[str], low: int, high: int) -> list[str]:
    return rng.sample(pool, rng.randint(low, high))


class Generator:
    def __init__(self, researchers: int, datasets: int, projects: int, seed: int = 1, log=print, stream=None):
        self.counts = {"researchers": researchers, "datasets": datasets, "projects": projects}
        self.rng = random.Random(seed)
        self.log, self.stream = log, stream
        self.areas = list(Area.objects.all())
        self.themes = list(Theme.objects.values_list("pk", flat=True))
        self.identifiers = list(LinkageIdentifier.objects.values_list("pk", flat=True))
        self.run = datetime.datetime.now().strftime("%Y%m%d%H%M%S")

    def progress(self, label: str, total: int) -> Progress:
        return Progress(label, total, **({"stream": self.stream} if self.stream else {}))

    def generate(self) -> None:
        with indexing.paused():
            organisations = self.insert(
                "organisations", max(50, self.counts["researchers"] // 100), self.organisation
            )
            self.organisations = organisations
            researchers = self.insert("researchers", self.counts["researchers"], self.researcher)
            self.link_themes(Researcher, researchers, "researcher")
            datasets = self.insert("datasets", self.counts["datasets"], self.dataset)
            self.link_themes(Dataset, datasets, "dataset")
            self.link_areas(datasets)
            projects = self.insert("projects", self.counts["projects"], self.project)
            self.link_themes(Project, projects, "project")
            self.link_projects(projects, researchers, datasets)
        # Bulk inserts send no signals: the counts pages keep would go on showing the directory before.
        forget_counts()

    def insert(self, label: str, total: int, make: Callable[[int], object]) -> list[int]:
        progress, ids = self.progress(label, total), []
        for start in range(0, total, BATCH):
            objects = [make(start + offset) for offset in range(min(BATCH, total - start))]
            with transaction.atomic():
                ids += [obj.pk for obj in type(objects[0]).objects.bulk_create(objects)]
            progress.advance(len(objects))
        return ids

    def place(self) -> Area:
        return self.rng.choice(self.areas)

    def status(self) -> str:
        return DRAFT if self.rng.random() < 0.03 else PUBLISHED

    def organisation(self, index: int) -> Organisation:
        kind, pattern = self.rng.choice(ORGANISATION_KINDS)
        area = self.place()
        return Organisation(
            name=pattern.format(place=area.name) + f" {index}",
            slug=f"synthetic-{self.run}-organisation-{index}",
            kind=kind,
            area=area if kind == "local-authority" else None,
            description=f"A synthetic {kind.replace('-', ' ')} in {area.name} working on "
            + ", ".join(words(self.rng, TOPICS, 2, 4))
            + ".",
            status=PUBLISHED,
            is_sample=True,
        )

    def researcher(self, index: int) -> Researcher:
        topics = words(self.rng, TOPICS, 2, 4)
        methods = words(self.rng, METHODS, 1, 3)
        stage = self.rng.choice(["student", "early", "mid", "senior"])
        name = f"{self.rng.choice(FIRST)} {self.rng.choice(LAST)}"
        return Researcher(
            name=name,
            slug=f"synthetic-{self.run}-researcher-{index}",
            job_title=self.rng.choice(
                ["Research Fellow", "Lecturer", "PhD student", "Data Analyst", "Professor"]
            ),
            career_stage=stage,
            organisation_id=self.rng.choice(self.organisations),
            expertise=", ".join(topics),
            methods=", ".join(methods),
            biography=f"{name} studies {topics[0]} and {topics[-1]} using {methods[0]}, "
            f"working with partners across {self.place().name}.",
            open_to_collaboration=self.rng.random() < 0.5,
            open_to_supervision=stage in ("mid", "senior") and self.rng.random() < 0.5,
            status=self.status(),
            is_sample=True,
        )

    def dataset(self, index: int) -> Dataset:
        topics = words(self.rng, TOPICS, 2, 5)
        place = self.place()
        low = self.rng.choice([0, 0, 2, 4, 5, 11, 16])
        national = self.rng.random() < 0.1
        start = self.rng.randint(1990, 2022)
        return Dataset(
            title=f"{place.name} {topics[0]} {self.rng.choice(DATASET_WORDS)} {index}",
            slug=f"synthetic-{self.run}-dataset-{index}",
            summary=f"Records about {topics[0]} and {topics[1]} among children in {place.name}.",
            description=f"Collected to understand {', '.join(topics)}. Covers {self.rng.choice(GROUPS)}.",
            custodian_id=self.rng.choice(self.organisations),
            keywords=", ".join(topics),
            source_kind=self.rng.choice([choice for choice, _ in Dataset.SourceKind.choices]),
            access_level=self.rng.choice([choice for choice, _ in Dataset.AccessLevel.choices]),
            min_age=low,
            max_age=self.rng.choice([low + 4, low + 10, 18, 25, None]),
            includes_antenatal=low == 0 and self.rng.random() < 0.3,
            coverage_scope=self.rng.choice(["england", "uk"]) if national else "local",
            start_year=start,
            is_ongoing=self.rng.random() < 0.5,
            status=self.status(),
            is_sample=True,
        )

    def project(self, index: int) -> Project:
        topic = self.rng.choice(TOPICS)
        start = datetime.date(self.rng.randint(2010, 2026), self.rng.randint(1, 12), 1)
        return Project(
            title=f"{self.rng.choice(PROJECT_VERBS)} {topic} for {self.rng.choice(GROUPS)} "
            f"in {self.place().name} ({index})",
            slug=f"synthetic-{self.run}-project-{index}",
            summary=f"A synthetic project on {topic} and {self.rng.choice(TOPICS)}.",
            stage=self.rng.choice(["planned", "active", "completed"]),
            start_date=start,
            end_date=start + datetime.timedelta(days=self.rng.randint(180, 1500)),
            funder=self.rng.choice(["A national funder", "A charity", "A local authority", "The NHS"]),
            status=self.status(),
            is_sample=True,
        )

    def link_themes(self, model, ids: list[int], field: str) -> None:
        through = model.themes.through
        rows = (
            (through(**{f"{field}_id": pk, "theme_id": theme}))
            for pk in ids
            for theme in self.rng.sample(self.themes, self.rng.randint(1, 3))
        )
        self.insert_rows(f"{field} themes", len(ids) * 2, rows, through)

    def link_areas(self, ids: list[int]) -> None:
        through = Dataset.areas.through
        rows = (
            through(dataset_id=pk, area_id=area.pk)
            for pk in ids
            for area in self.rng.sample(self.areas, self.rng.randint(1, 4))
        )
        self.insert_rows("dataset areas", int(len(ids) * 2.5), rows, through)

    def link_projects(self, projects: list[int], researchers: list[int], datasets: list[int]) -> None:
        def memberships() -> Iterator[Membership]:
            for pk in projects:
                team = self.rng.sample(researchers, self.rng.randint(2, 6))
                yield Membership(project_id=pk, researcher_id=team[0], role="lead")
                for member in team[1:]:
                    yield Membership(project_id=pk, researcher_id=member, role="researcher")

        def usages() -> Iterator[DatasetUsage]:
            for pk in projects:
                for dataset in self.rng.sample(datasets, self.rng.randint(1, 3)):
                    yield DatasetUsage(project_id=pk, dataset_id=dataset, note="Main analysis")

        def outputs() -> Iterator[Output]:
            for pk in projects:
                for number in range(self.rng.randint(0, 2)):
                    yield Output(
                        project_id=pk,
                        kind="report",
                        title=f"Findings {number + 1}",
                        year=2024,
                        key_finding=f"{self.rng.choice(TOPICS).capitalize()} mattered.",
                    )

        self.insert_rows("memberships", len(projects) * 4, memberships(), Membership)
        self.insert_rows("dataset usages", len(projects) * 2, usages(), DatasetUsage)
        self.insert_rows("outputs", len(projects), outputs(), Output)

    def insert_rows(self, label: str, estimate: int, rows, model) -> None:
        progress, batch = self.progress(label, estimate), []
        for row in rows:
            batch.append(row)
            if len(batch) == BATCH:
                model.objects.bulk_create(batch)
                progress.advance(len(batch))
                batch = []
        if batch:
            model.objects.bulk_create(batch)
        progress.advance(max(0, estimate - progress.done))
