"""Factories for test data: published, valid entries unless a test says otherwise."""

import datetime

import factory
from factory.django import DjangoModelFactory

from datasets.models import Dataset
from organisations.models import Organisation
from people.models import Researcher
from projects.models import DatasetUsage, Membership, Output, Project
from themes.models import Theme

PUBLISHED = "published"


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    kind = Organisation.Kind.UNIVERSITY
    status = PUBLISHED


class ThemeFactory(DjangoModelFactory):
    class Meta:
        model = Theme

    name = factory.Sequence(lambda n: f"Theme {n}")
    family = Theme.Family.CHILD_OF_THE_NORTH
    description = "A theme for tests."
    status = PUBLISHED


class ResearcherFactory(DjangoModelFactory):
    class Meta:
        model = Researcher

    name = factory.Sequence(lambda n: f"Researcher {n}")
    job_title = "Research Fellow"
    career_stage = Researcher.CareerStage.EARLY
    organisation = factory.SubFactory(OrganisationFactory)
    expertise = "school readiness, data linkage"
    status = PUBLISHED


class DatasetFactory(DjangoModelFactory):
    class Meta:
        model = Dataset

    title = factory.Sequence(lambda n: f"Dataset {n}")
    summary = "Data about children for tests."
    custodian = factory.SubFactory(OrganisationFactory)
    source_kind = Dataset.SourceKind.ADMINISTRATIVE
    access_level = Dataset.AccessLevel.SAFEGUARDED
    min_age = 0
    max_age = 18
    status = PUBLISHED


class ProjectFactory(DjangoModelFactory):
    class Meta:
        model = Project

    title = factory.Sequence(lambda n: f"Project {n}")
    summary = "A project for tests."
    stage = Project.Stage.ACTIVE
    start_date = datetime.date(2022, 1, 1)
    end_date = datetime.date(2024, 12, 31)
    status = PUBLISHED


class MembershipFactory(DjangoModelFactory):
    class Meta:
        model = Membership

    project = factory.SubFactory(ProjectFactory)
    researcher = factory.SubFactory(ResearcherFactory)
    role = Membership.Role.RESEARCHER


class DatasetUsageFactory(DjangoModelFactory):
    class Meta:
        model = DatasetUsage

    project = factory.SubFactory(ProjectFactory)
    dataset = factory.SubFactory(DatasetFactory)
    note = "Used for tests."


class OutputFactory(DjangoModelFactory):
    class Meta:
        model = Output

    project = factory.SubFactory(ProjectFactory)
    kind = Output.Kind.REPORT
    title = factory.Sequence(lambda n: f"Output {n}")
    year = 2024
    key_finding = "Something was found."


class CollectionFactory(DjangoModelFactory):
    class Meta:
        model = "collection.Collection"

    title = factory.Sequence(lambda n: f"Collection {n}")
    introduction = "Where to start on a question, for tests."
    status = PUBLISHED


class CollectionItemFactory(DjangoModelFactory):
    """An item pointing at a new published dataset unless a test chooses another target."""

    class Meta:
        model = "collection.CollectionItem"

    collection = factory.SubFactory(CollectionFactory)
    position = factory.Sequence(lambda n: n)
    researcher = None
    project = None
    output = None
    dataset = factory.Maybe(
        factory.LazyAttribute(lambda item: not (item.researcher or item.project or item.output)),
        yes_declaration=factory.SubFactory(DatasetFactory),
        no_declaration=None,
    )


class UserFactory(DjangoModelFactory):
    class Meta:
        model = "auth.User"
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"person{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")


class FollowFactory(DjangoModelFactory):
    """A follow of a new published theme unless a test follows something else."""

    class Meta:
        model = "following.Follow"

    user = factory.SubFactory(UserFactory)
    kind = "theme"
    theme = factory.Maybe(
        factory.LazyAttribute(lambda follow: follow.kind == "theme"),
        yes_declaration=factory.SubFactory(ThemeFactory),
        no_declaration=None,
    )
    area = None
    key = factory.LazyAttribute(lambda follow: f"{follow.kind}:{(follow.theme or follow.area).pk}")
    label = factory.LazyAttribute(lambda follow: f"{follow.kind.title()}: {follow.theme or follow.area}")
