"""Every persistent identifier is shown and linked to where it resolves."""

import pytest

from tests.factories import DatasetFactory, OrganisationFactory, OutputFactory, ResearcherFactory

pytestmark = pytest.mark.django_db


def test_each_identifier_links_to_its_resolver(client):
    researcher = ResearcherFactory(orcid="0000-0002-1825-0097")
    organisation = OrganisationFactory(ror_id="024mrxd33")
    dataset = DatasetFactory(doi="10.1093/ije/dys066")
    output = OutputFactory(doi="10.1136/bmjopen-2019-000001")
    expected = {
        researcher.get_absolute_url(): 'href="https://orcid.org/0000-0002-1825-0097"',
        organisation.get_absolute_url(): 'href="https://ror.org/024mrxd33"',
        dataset.get_absolute_url(): 'href="https://doi.org/10.1093/ije/dys066"',
        output.project.get_absolute_url(): 'href="https://doi.org/10.1136/bmjopen-2019-000001"',
        "/areas/E08000032/": 'href="https://statistics.data.gov.uk/id/statistical-geography/E08000032"',
    }
    for url, link in expected.items():
        assert link in client.get(url).text, url
