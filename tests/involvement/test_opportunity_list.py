import datetime

from django.utils import timezone

from core.models import Entry
from tests.factories import ProjectFactory

from .conftest import CONTACT, make_opportunity

LIST = "/get-involved/"


def titles(response) -> list[str]:
    return [opportunity.title for opportunity in response.context["page"].object_list]


def test_the_main_navigation_leads_to_it(client, db):
    html = client.get("/").content.decode()
    assert f'href="{LIST}"' in html and ">Get involved<" in html


def test_it_lists_open_opportunities_soonest_closing_first(client, db):
    today = timezone.localdate()
    make_opportunity(title="Later", closes_on=today + datetime.timedelta(days=40))
    make_opportunity(title="Sooner", closes_on=today)
    response = client.get(LIST)
    assert response.status_code == 200
    assert titles(response) == ["Sooner", "Later"]
    assert CONTACT not in response.content.decode()


def test_closed_opportunities_drop_out_by_themselves(client, db):
    make_opportunity(title="Closed yesterday", closes_on=timezone.localdate() - datetime.timedelta(days=1))
    make_opportunity(title="Still open")
    assert titles(client.get(LIST)) == ["Still open"]


def test_it_hides_drafts_and_opportunities_of_unpublished_projects(client, db):
    make_opportunity(title="A draft", status=Entry.Status.DRAFT)
    make_opportunity(title="Of a draft project", project=ProjectFactory(status=Entry.Status.DRAFT))
    make_opportunity(title="Shown")
    response = client.get(LIST)
    assert titles(response) == ["Shown"]
    assert "1 open opportunity." in response.content.decode()


def test_it_filters_by_who_is_wanted_payment_and_where(client, db):
    make_opportunity(
        title="For parents",
        wants_students=False,
        wants_lived_experience=False,
        wants_parents_and_carers=True,
        payment="paid",
        setting="online",
    )
    make_opportunity(title="For students", payment="voucher", setting="in-person")
    assert titles(client.get(LIST, {"who": "parents-carers"})) == ["For parents"]
    assert titles(client.get(LIST, {"who": ["parents-carers", "students"]})) == [
        "For parents",
        "For students",
    ]
    assert titles(client.get(LIST, {"payment": "paid"})) == ["For parents"]
    assert titles(client.get(LIST, {"setting": "in-person"})) == ["For students"]


def test_the_filters_are_a_plain_form_of_tick_boxes(client, opportunity):
    html = client.get(LIST).content.decode()
    assert '<form method="get" class="filters"' in html and 'type="checkbox"' in html
    assert 'name="who" value="lived-experience"' in html
    assert "Who is wanted" in html


def test_bad_filter_values_are_reported_not_a_crash(client, opportunity):
    response = client.get(LIST, {"who": "martians", "sort": "';drop", "page": "x", "format": "csv"})
    assert response.status_code == 200
    assert "could not be used" in response.content.decode()
    assert titles(response) == [opportunity.title]


def test_an_empty_list_leads_somewhere(client, db):
    html = client.get(LIST).content.decode()
    assert "0 open opportunities." in html
    assert "?lived_experience=welcomes" in html


def test_it_runs_the_same_queries_however_many_opportunities(client, db, count_queries):
    make_opportunity(title="First")
    count_queries(LIST)
    few = count_queries(LIST)
    for number in range(15):
        make_opportunity(title=f"More {number}")
    count_queries(LIST)  # the count is worked out again after a change, then kept
    assert count_queries(LIST) == few


def test_the_day_after_it_closes_the_count_and_the_list_agree_without_any_save(client, db, monkeypatch):
    today = timezone.localdate()
    make_opportunity(title="Closes today", closes_on=today)
    assert client.get(LIST).context["page"].paginator.count == 1  # the count is now kept
    monkeypatch.setattr(timezone, "localdate", lambda *args: today + datetime.timedelta(days=1))
    response = client.get(LIST)
    assert response.context["page"].paginator.count == 0
    assert titles(response) == []


def test_a_kept_search_forgets_an_opportunity_the_day_after_it_closes(client, db, committed, monkeypatch):
    today = timezone.localdate()
    with committed():
        make_opportunity(title="Young advisers wanted", closes_on=today)
    assert "Young advisers wanted" in client.get("/search/", {"q": "young advisers"}).content.decode()
    monkeypatch.setattr(timezone, "localdate", lambda *args: today + datetime.timedelta(days=1))
    assert "Young advisers wanted" not in client.get("/search/", {"q": "young advisers"}).content.decode()
