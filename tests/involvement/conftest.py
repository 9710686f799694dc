import datetime

import pytest
from django.utils import timezone

from involvement.models import Opportunity
from tests.factories import OrganisationFactory, ProjectFactory

CONTACT = "advisers-team@example.org"


def make_opportunity(**fields) -> Opportunity:
    """A published opportunity closing in a month, offered by a new published project unless told otherwise."""
    if "project" not in fields and "organisation" not in fields:
        fields["project"] = ProjectFactory(end_date=timezone.localdate() + datetime.timedelta(days=365))
    defaults = {
        "title": "Join our young advisers",
        "summary": "Help us plan research with care-experienced young people.",
        "wants_students": True,
        "wants_lived_experience": True,
        "closes_on": timezone.localdate() + datetime.timedelta(days=30),
        "contact_email": CONTACT,
        "status": Opportunity.Status.PUBLISHED,
    }
    opportunity = Opportunity(**{**defaults, **fields})
    opportunity.full_clean()
    opportunity.save()
    return opportunity


@pytest.fixture
def opportunity(db) -> Opportunity:
    return make_opportunity()


@pytest.fixture
def organisation(db):
    return OrganisationFactory(name="Northshire Youth Trust")
