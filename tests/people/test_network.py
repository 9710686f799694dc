"""The expertise network: collaborators, similar researchers with reasons, who knows a dataset."""

import xml.etree.ElementTree as ElementTree

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from people.network import network_of
from tests.factories import (
    DatasetFactory,
    DatasetUsageFactory,
    MembershipFactory,
    ProjectFactory,
    ResearcherFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def circle():
    """Ada works with Ben on one project; Cy used the same data elsewhere; Di shares a theme; Ed nothing."""
    theme = ThemeFactory(name="School readiness work")
    data = DatasetFactory(title="Born in Bradford")
    ada = ResearcherFactory(name="Ada Lovelace", expertise="data linkage, school readiness")
    ben = ResearcherFactory(name="Ben Brown", expertise="")
    cy = ResearcherFactory(name="Cy Young", expertise="Data linkage")
    di = ResearcherFactory(name="Di Prince", expertise="")
    ResearcherFactory(name="Ed Nobody")
    hidden = ResearcherFactory(name="Hidden Draft", status="draft")
    ada.themes.add(theme)
    di.themes.add(theme)
    shared = ProjectFactory(title="Ready to learn")
    for person in (ada, ben, hidden):
        MembershipFactory(project=shared, researcher=person)
    DatasetUsageFactory(project=shared, dataset=data)
    elsewhere = ProjectFactory(title="Other study")
    MembershipFactory(project=elsewhere, researcher=cy)
    DatasetUsageFactory(project=elsewhere, dataset=data)
    return ada


def test_collaborators_and_similar_people_with_reasons(circle):
    network = network_of(circle)
    assert [n.researcher.name for n in network.collaborators] == ["Ben Brown"]
    assert network.collaborators[0].reasons == ["worked together on Ready to learn"]
    similar = {n.researcher.name: n.reasons for n in network.similar}
    assert similar["Cy Young"] == ["both used Born in Bradford", "shared expertise: data linkage"]
    assert similar["Di Prince"] == ["both work on School readiness work"]
    assert "Ed Nobody" not in similar and "Hidden Draft" not in similar
    assert list(similar)[0] == "Cy Young", "data in common counts more than a theme"


def test_the_researcher_page_shows_the_network_and_a_well_formed_graph(client, circle):
    page = client.get(circle.get_absolute_url())
    assert "Ben Brown" in page.text and "Both used Born in Bradford" in page.text
    svg = page.text[page.text.index("<svg") : page.text.index("</svg>") + 6]
    graph = ElementTree.fromstring(svg)
    assert graph.find("title").text == "Collaborations of Ada Lovelace"
    assert len(graph.findall(".//circle")) == 2, "Ada in the middle and Ben"


def test_a_name_with_markup_is_escaped_in_the_graph(client):
    person = ResearcherFactory(name="<script>alert(1)</script> Smith")
    project = ProjectFactory()
    MembershipFactory(project=project, researcher=person)
    MembershipFactory(project=project)
    text = client.get(person.get_absolute_url()).text
    assert "<script>alert(1)</script>" not in text
    ElementTree.fromstring(text[text.index("<svg") : text.index("</svg>") + 6])


def test_the_network_costs_the_same_queries_for_a_small_or_busy_researcher(client):
    def busy(extra: int):
        theme = ThemeFactory()
        person = ResearcherFactory()
        person.themes.add(theme)
        for _ in range(extra):
            project = ProjectFactory()
            MembershipFactory(project=project, researcher=person)
            MembershipFactory(project=project)
            DatasetUsageFactory(project=project)
            ResearcherFactory().themes.add(theme)
        return person

    def queries(person) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(person.get_absolute_url()).status_code == 200
        return len(captured)

    assert queries(busy(2)) == queries(busy(15))


def test_who_knows_a_dataset_with_their_role(client):
    dataset = DatasetFactory()
    project = ProjectFactory(title="Cohort study")
    MembershipFactory(project=project, researcher=ResearcherFactory(name="Lead Person"), role="lead")
    MembershipFactory(project=project, researcher=ResearcherFactory(name="Draft Person", status="draft"))
    DatasetUsageFactory(project=project, dataset=dataset)
    text = client.get(dataset.get_absolute_url()).text
    assert "Lead Person" in text and "Lead on" in text and "Cohort study" in text
    assert "Draft Person" not in text
