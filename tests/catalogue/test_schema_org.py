"""Each entry page embeds a schema.org description that search engines can read and that tells no secrets."""

import json
import re

import pytest

from tests.factories import (
    DatasetFactory,
    MembershipFactory,
    OrganisationFactory,
    ProjectFactory,
    ResearcherFactory,
)

SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


def json_ld(client, url: str) -> dict:
    response = client.get(url)
    assert response.status_code == 200, url
    head = response.content.decode().split("</head>", 1)[0]
    scripts = SCRIPT.findall(head)
    assert len(scripts) == 1, scripts
    return json.loads(scripts[0])


def test_a_dataset_page_has_what_dataset_search_asks_for(client, complete_dataset):
    data = json_ld(client, complete_dataset.get_absolute_url())
    assert data["@context"] == "https://schema.org" and data["@type"] == "Dataset"
    assert data["name"] == "Born in Bradford"
    assert len(data["description"]) >= 50 and "questionnaires" in data["description"]
    assert data["url"] == "http://testserver/datasets/born-in-bradford/"
    assert "https://doi.org/10.1234/bib.2024" in data["identifier"]
    assert data["keywords"] == ["birth cohort", "child health"]
    assert data["creator"] == data["publisher"]
    assert (
        data["publisher"]["@type"] == "Organization"
        and data["publisher"]["sameAs"] == "https://ror.org/01v29qb04"
    )
    assert data["license"] == "http://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
    assert data["isAccessibleForFree"] is True
    assert data["temporalCoverage"] == "2007/2024"
    codes = {place["identifier"] for place in data["spatialCoverage"]}
    assert codes == {"E92000001", "E08000032", "E08000035"}
    # Its access address is a page about applying, not a file to download.
    assert "distribution" not in data


def test_open_data_with_a_file_to_download_has_a_distribution(client, db):
    dataset = DatasetFactory(
        access_level="open", access_url="https://example.org/data/counts.csv", formats="CSV"
    )
    data = json_ld(client, dataset.get_absolute_url())
    assert data["distribution"] == [
        {
            "@type": "DataDownload",
            "contentUrl": "https://example.org/data/counts.csv",
            "encodingFormat": "CSV",
        }
    ]


def test_restricted_ongoing_data_claims_no_download_and_no_free_access(client, db):
    dataset = DatasetFactory(
        access_level="controlled", access_url="https://example.org/data.csv", start_year=2019, is_ongoing=True
    )
    data = json_ld(client, dataset.get_absolute_url())
    assert data["temporalCoverage"] == "2019/.."
    assert "distribution" not in data and "isAccessibleForFree" not in data


def test_an_unpublished_custodian_is_not_named(client, db):
    dataset = DatasetFactory(custodian=OrganisationFactory(name="Hidden Org", status="draft"))
    data = json_ld(client, dataset.get_absolute_url())
    assert "publisher" not in data and "Hidden Org" not in json.dumps(data)


def test_a_researcher_page_describes_the_person(client, db):
    person = ResearcherFactory(
        name="Ada Example",
        orcid="0000-0002-1825-0097",
        organisation=OrganisationFactory(name="University of York"),
        email="ada@example.org",
    )
    person.affiliations.add(OrganisationFactory(name="Hidden Institute", status="draft"))
    data = json_ld(client, person.get_absolute_url())
    assert data["@type"] == "Person" and data["name"] == "Ada Example"
    assert data["jobTitle"] == "Research Fellow"
    assert data["worksFor"]["name"] == "University of York"
    assert data["sameAs"] == "https://orcid.org/0000-0002-1825-0097"
    assert data["knowsAbout"] == ["school readiness", "data linkage"]
    assert "Hidden Institute" not in json.dumps(data)


@pytest.mark.parametrize("show_email", [False, True])
def test_an_email_appears_only_when_the_person_chose_to_show_it(client, db, show_email):
    person = ResearcherFactory(email="ada@example.org", show_email=show_email)
    data = json_ld(client, person.get_absolute_url())
    assert ("ada@example.org" in json.dumps(data)) is show_email


def test_lived_experience_is_never_embedded(client, db):
    person = ResearcherFactory(
        has_lived_experience=True, show_lived_experience=True, lived_experience="Grew up in care in Hull."
    )
    data = json_ld(client, person.get_absolute_url())
    assert "Hull" not in json.dumps(data)


def test_an_organisation_page_describes_the_organisation(client, db):
    organisation = OrganisationFactory(
        name="University of Leeds",
        ror_id="01v29qb04",
        website="https://www.leeds.ac.uk/",
        description="A university.",
    )
    data = json_ld(client, organisation.get_absolute_url())
    assert data["@type"] == "Organization" and data["name"] == "University of Leeds"
    assert data["url"] == "https://www.leeds.ac.uk/"
    assert data["sameAs"] == "https://ror.org/01v29qb04"
    assert data["description"] == "A university."


def test_a_project_page_lists_its_published_members(client, db):
    project = ProjectFactory(title="Healthy Start", funder="NIHR")
    lead = MembershipFactory(project=project, role="lead").researcher
    MembershipFactory(project=project, researcher=ResearcherFactory(name="Hidden Person", status="draft"))
    data = json_ld(client, project.get_absolute_url())
    assert data["@type"] == "ResearchProject" and data["name"] == "Healthy Start"
    assert data["funder"] == {"@type": "Organization", "name": "NIHR"}
    assert [member["member"]["url"] for member in data["member"]] == [
        f"http://testserver{lead.get_absolute_url()}"
    ]
    assert data["member"][0]["roleName"] == "Lead"
    assert data["foundingDate"] == "2022-01-01" and data["dissolutionDate"] == "2024-12-31"
    assert "Hidden Person" not in json.dumps(data)


def test_a_title_cannot_break_out_of_the_script(client, db):
    attack = '</script><script>alert(1)</script><!-- & "quotes"'
    dataset = DatasetFactory(title=attack)
    html = client.get(dataset.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in html
    assert json_ld(client, dataset.get_absolute_url())["name"] == attack


def test_a_dataset_page_links_to_its_metadata_and_a_draft_preview_does_not(client, curator_client, db):
    dataset = DatasetFactory()
    html = client.get(dataset.get_absolute_url()).content.decode()
    assert (
        f'href="/datasets/{dataset.slug}/dcat.ttl"' in html
        and f'href="/datasets/{dataset.slug}/dcat.jsonld"' in html
    )
    assert '<link rel="alternate" type="text/turtle"' in html
    draft = DatasetFactory(status="draft")
    assert "/dcat." not in curator_client.get(draft.get_absolute_url()).content.decode()


def test_the_dataset_list_links_to_the_catalogue(client, db):
    html = client.get("/datasets/").content.decode()
    assert 'href="/catalogue/dcat.jsonld"' in html and 'href="/catalogue/dcat.ttl"' in html


@pytest.mark.parametrize(
    ("cost", "level", "free"), [("free", "controlled", True), ("charged", "open", False)]
)
def test_what_access_costs_decides_whether_it_is_free(client, db, cost, level, free):
    dataset = DatasetFactory(cost=cost, access_level=level)
    assert json_ld(client, dataset.get_absolute_url())["isAccessibleForFree"] is free


def test_who_may_apply_and_what_they_need_are_its_conditions_of_access(client, db):
    dataset = DatasetFactory(who_may_apply=["nhs"], access_conditions=["accredited-researcher"])
    data = json_ld(client, dataset.get_absolute_url())
    assert (
        data["conditionsOfAccess"]
        == "Who may apply: NHS staff. Applicants need: Accredited researcher status."
    )
    bare = DatasetFactory()
    assert "conditionsOfAccess" not in json_ld(client, bare.get_absolute_url())
