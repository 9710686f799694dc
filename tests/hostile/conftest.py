"""Shared fixtures for the hostile-input tests, and the count of cases they try.

Every request these tests send through Django (test client or WSGI) is counted; the total is
printed at the end of the run as "hostile cases tried: N" so it can be reported.
"""

import pytest
from django.contrib.auth.models import Group
from django.core.signals import request_started

from accounts.policy import CURATORS_GROUP
from tests.factories import (
    CollectionItemFactory,
    DatasetFactory,
    DatasetUsageFactory,
    MembershipFactory,
    OrganisationFactory,
    OutputFactory,
    ProjectFactory,
    ResearcherFactory,
    ThemeFactory,
)

cases_tried = 0


def count_request(**kwargs) -> None:
    global cases_tried
    cases_tried += 1


@pytest.fixture(autouse=True)
def counted_requests():
    request_started.connect(count_request, dispatch_uid="hostile-cases")
    yield
    request_started.disconnect(dispatch_uid="hostile-cases")


@pytest.fixture(autouse=True)
def no_rate_limits(settings):
    """Rate limits would answer most generated requests with 429 before the code under test ran."""
    settings.RATELIMIT_ENABLE = False
    settings.INTRODUCTIONS_PER_HOUR = 1_000_000


def pytest_terminal_summary(terminalreporter) -> None:
    if cases_tried:
        terminalreporter.write_line(f"hostile cases tried: {cases_tried}")


@pytest.fixture
def directory(db, bradford):
    """A small published directory, every entry called "known", linked the way real entries are."""
    theme = ThemeFactory(slug="known", name="Known theme")
    ThemeFactory(slug="known-child", name="Known sub-theme", parent=theme)
    organisation = OrganisationFactory(slug="known", name="Known University")
    dataset = DatasetFactory(slug="known", title="Known dataset", custodian=organisation)
    dataset.themes.add(theme)
    dataset.areas.add(bradford)
    other = DatasetFactory(slug="known-other", title="Other dataset", custodian=organisation)
    dataset.linked_datasets.add(other)
    researcher = ResearcherFactory(
        slug="known", name="Known Researcher", organisation=organisation, email="known@example.org"
    )
    researcher.themes.add(theme)
    project = ProjectFactory(slug="known", title="Known project")
    project.themes.add(theme)
    MembershipFactory(project=project, researcher=researcher, role="lead")
    DatasetUsageFactory(project=project, dataset=dataset)
    output = OutputFactory(project=project, year=2023)
    CollectionItemFactory(collection__slug="known", collection__theme=theme, output=output)
    return {
        "theme": theme,
        "organisation": organisation,
        "dataset": dataset,
        "researcher": researcher,
        "project": project,
    }


@pytest.fixture
def curator(django_user_model):
    user = django_user_model.objects.create_user("curator", "curator@example.org", "pw")
    user.groups.add(Group.objects.get(name=CURATORS_GROUP))
    return user


@pytest.fixture
def curator_client(client, curator):
    client.force_login(curator)
    return client
