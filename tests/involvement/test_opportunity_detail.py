import datetime

from django.utils import timezone

from core.models import Entry

from .conftest import CONTACT, make_opportunity


def test_it_shows_what_it_involves_and_offers_take_part_without_the_address(client, opportunity):
    response = client.get(opportunity.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "Join our young advisers" in html and "Students, people with lived experience" in html
    assert 'action="/introductions/opportunities/' in html and ">Take part<" in html
    assert CONTACT not in html


def test_a_closed_one_says_so_and_takes_no_messages(client, db):
    closed = make_opportunity(closes_on=timezone.localdate() - datetime.timedelta(days=3))
    html = client.get(closed.get_absolute_url()).content.decode()
    assert "This opportunity closed on" in html
    assert "/introductions/opportunities/" not in html


def test_drafts_are_not_public(client, db):
    draft = make_opportunity(status=Entry.Status.DRAFT)
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_its_project_page_lists_it(client, opportunity):
    html = client.get(opportunity.project.get_absolute_url()).content.decode()
    assert opportunity.get_absolute_url() in html


def test_an_organisations_own_opportunities_are_on_its_page(client, organisation):
    offered = make_opportunity(title="Parent panel", organisation=organisation)
    closed = make_opportunity(
        title="Old panel",
        organisation=organisation,
        closes_on=timezone.localdate() - datetime.timedelta(days=1),
    )
    html = client.get(organisation.get_absolute_url()).content.decode()
    assert offered.get_absolute_url() in html and "Ways to get involved" in html
    assert closed.get_absolute_url() not in html
