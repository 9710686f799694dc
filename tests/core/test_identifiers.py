import pytest
from django.core.exceptions import ValidationError

from core.identifiers import validate_doi, validate_orcid, validate_ror
from tests.factories import DatasetFactory, OrganisationFactory, ResearcherFactory
from tests.reference import reference_rows


@pytest.mark.parametrize("orcid", ["0000-0002-1825-0097", "0000-0001-5109-3700", "0000-0002-1694-233X"])
def test_it_accepts_orcid_ids_with_a_correct_checksum(orcid):
    validate_orcid(orcid)


@pytest.mark.parametrize("orcid", ["0000-0002-1825-0098", "0000-0002-1694-2330"])
def test_it_rejects_orcid_ids_with_a_wrong_checksum(orcid):
    with pytest.raises(ValidationError) as error:
        validate_orcid(orcid)
    assert error.value.code == "orcid_checksum"


@pytest.mark.parametrize("orcid", ["0000-0002-1825", "abcd-0002-1825-0097", "0000000218250097"])
def test_it_rejects_malformed_orcid_ids(orcid):
    with pytest.raises(ValidationError) as error:
        validate_orcid(orcid)
    assert error.value.code == "orcid_format"


def test_a_researcher_orcid_typed_as_a_url_is_stored_bare(db):
    researcher = ResearcherFactory.build(orcid="https://orcid.org/0000-0002-1694-233x", organisation=None)
    researcher.full_clean()
    assert researcher.orcid == "0000-0002-1694-233X"
    assert researcher.orcid_url == "https://orcid.org/0000-0002-1694-233X"


def test_a_researcher_with_a_mistyped_orcid_does_not_validate(db):
    researcher = ResearcherFactory.build(orcid="0000-0002-1825-0098", organisation=None)
    with pytest.raises(ValidationError) as error:
        researcher.full_clean()
    assert "orcid" in error.value.message_dict


def test_the_n8_universities_ror_ids_are_valid():
    rows = reference_rows("n8-universities.csv")
    assert len(rows) == 8
    for row in rows:
        validate_ror(row["ror"].removeprefix("https://ror.org/"))


@pytest.mark.parametrize(
    "ror, code",
    [
        ("01v29qb05", "ror_checksum"),
        ("11v29qb04", "ror_format"),
        ("01v29qb0", "ror_format"),
        ("01u29qb04", "ror_format"),
    ],
)
def test_it_rejects_bad_ror_ids(ror, code):
    with pytest.raises(ValidationError) as error:
        validate_ror(ror)
    assert error.value.code == code


def test_an_organisation_ror_typed_as_a_url_is_stored_bare(db):
    organisation = OrganisationFactory.build(ror_id="https://ror.org/024MRXD33", slug="leeds")
    organisation.full_clean()
    assert organisation.ror_id == "024mrxd33"
    assert organisation.ror_url == "https://ror.org/024mrxd33"


def test_doi_is_stored_without_its_resolver(db):
    dataset = DatasetFactory.build(doi="https://doi.org/10.1093/ije/dys064", custodian=None, slug="d")
    dataset.full_clean()
    assert dataset.doi == "10.1093/ije/dys064"


@pytest.mark.parametrize("doi", ["11.1093/ije", "10.12/x", "doi", "10.1093/"])
def test_it_rejects_malformed_dois(doi):
    with pytest.raises(ValidationError):
        validate_doi(doi)
