import pytest
from django.core.exceptions import ValidationError

from tests.factories import OrganisationFactory


def test_only_a_local_authority_links_to_an_area(bradford):
    university = OrganisationFactory.build(kind="university", area=bradford, slug="u")
    with pytest.raises(ValidationError) as error:
        university.full_clean()
    assert "area" in error.value.message_dict
    council = OrganisationFactory.build(kind="local-authority", area=bradford, slug="c")
    council.full_clean()
