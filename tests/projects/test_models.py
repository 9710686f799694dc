import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from projects.models import Membership
from tests.factories import MembershipFactory, ProjectFactory


def test_a_project_cannot_end_before_it_starts(db):
    project = ProjectFactory.build(start_date=datetime.date(2024, 1, 1), end_date=datetime.date(2023, 1, 1))
    with pytest.raises(ValidationError) as error:
        project.full_clean()
    assert error.value.message_dict["end_date"] == ["The end date is before the start date."]


def test_the_database_refuses_dates_out_of_order(db):
    with pytest.raises(IntegrityError):
        ProjectFactory(start_date=datetime.date(2024, 1, 1), end_date=datetime.date(2023, 1, 1))


def test_a_project_has_one_lead(db):
    project = ProjectFactory()
    MembershipFactory(project=project, role=Membership.Role.LEAD)
    second_lead = MembershipFactory.build(project=project, role=Membership.Role.LEAD)
    second_lead.researcher.organisation.save()
    second_lead.researcher.save()
    with pytest.raises(ValidationError, match="A project has one lead"):
        second_lead.full_clean()


def test_relations_are_navigable_both_ways(db):
    membership = MembershipFactory()
    assert list(membership.project.members.all()) == [membership.researcher]
    assert list(membership.researcher.projects.all()) == [membership.project]
