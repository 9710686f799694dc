import re
from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from areas.models import Area
from datasets.models import Dataset
from following.follows import follow
from following.models import Follow
from search.models import SearchEntry
from tests.factories import DatasetFactory, FollowFactory, ResearcherFactory, ThemeFactory, UserFactory

A_WEEK_AGO = timezone.now() - timedelta(days=7)


def age(entry, when) -> None:
    """Makes `entry` (and its search index row) look last changed at `when`."""
    type(entry).objects.filter(pk=entry.pk).update(updated=when)
    SearchEntry.objects.filter(url=entry.get_absolute_url()).update(updated=when)


@pytest.fixture
def theme_follow(person):
    followed = FollowFactory(user=person, theme=ThemeFactory(name="Followed theme"))
    Follow.objects.filter(pk=followed.pk).update(last_sent=A_WEEK_AGO - timedelta(days=1))
    return Follow.objects.get(pk=followed.pk)


def digest(*args) -> str:
    out = StringIO()
    call_command("send_digests", *args, stdout=out)
    return out.getvalue()


def test_a_theme_digest_lists_only_new_published_entries(theme_follow):
    new_dataset = DatasetFactory(title="New dataset in theme")
    new_person = ResearcherFactory(name="New person in theme")
    old = DatasetFactory(title="Old dataset in theme")
    draft = DatasetFactory(title="Draft dataset in theme", status="draft")
    elsewhere = DatasetFactory(title="New dataset elsewhere")
    for entry in (new_dataset, new_person, old, draft):
        entry.themes.add(theme_follow.theme)
    age(old, A_WEEK_AGO - timedelta(days=2))
    digest()
    [email] = mail.outbox
    assert email.to == ["follower@example.org"]
    assert "New dataset in theme" in email.body and "New person in theme" in email.body
    assert f"http://testserver.example{new_dataset.get_absolute_url()}" in email.body
    for title in (old.title, draft.title, elsewhere.title):
        assert title not in email.body


def test_one_email_per_person_combines_their_follows(theme_follow, person, bradford):
    DatasetFactory(title="Themed data").themes.add(theme_follow.theme)
    area_follow = FollowFactory(user=person, kind="area", area=bradford)
    Follow.objects.filter(pk=area_follow.pk).update(last_sent=A_WEEK_AGO)
    DatasetFactory(title="Bradford data").areas.add(bradford)
    digest()
    [email] = mail.outbox
    assert "Theme: Followed theme" in email.body and "Themed data" in email.body
    assert "Area: Bradford" in email.body and "Bradford data" in email.body


def test_running_twice_sends_once(theme_follow):
    DatasetFactory().themes.add(theme_follow.theme)
    assert "Emailed 1 people about 1 new entries." in digest()
    assert "Emailed 0 people" in digest()
    assert len(mail.outbox) == 1
    theme_follow.refresh_from_db()
    assert theme_follow.last_sent > A_WEEK_AGO


def test_nothing_is_sent_when_nothing_is_new(theme_follow):
    DatasetFactory()  # not in the theme
    digest()
    assert mail.outbox == []
    assert Follow.objects.get().last_sent == theme_follow.last_sent


def test_a_dry_run_sends_and_records_nothing(theme_follow):
    DatasetFactory().themes.add(theme_follow.theme)
    assert "Would email 1 people about 1 new entries." in digest("--dry-run")
    assert mail.outbox == []
    assert Follow.objects.get().last_sent == theme_follow.last_sent


def test_a_search_digest_lists_new_published_matches(person, committed, bradford):
    with committed():
        fresh = DatasetFactory(title="Fresh readiness survey")
        fresh.areas.add(bradford)
        stale = DatasetFactory(title="Stale readiness survey")
        stale.areas.add(bradford)
        DatasetFactory(title="Fresh readiness elsewhere")
        DatasetFactory(title="Draft readiness survey", status="draft").areas.add(bradford)
    age(stale, A_WEEK_AGO - timedelta(days=1))
    followed, _ = follow(person, "search", query="readiness", facets={"area": "E08000032"})
    Follow.objects.filter(pk=followed.pk).update(last_sent=A_WEEK_AGO)
    digest()
    [email] = mail.outbox
    assert "Fresh readiness survey" in email.body
    for title in ("Stale readiness survey", "Fresh readiness elsewhere", "Draft readiness survey"):
        assert title not in email.body


def test_a_new_follow_starts_from_now(person, db):
    theme = ThemeFactory()
    DatasetFactory().themes.add(theme)
    follow(person, "theme", theme=theme)
    digest()
    assert mail.outbox == []


def test_each_follow_gives_at_most_twenty_entries(theme_follow):
    for _ in range(25):
        DatasetFactory().themes.add(theme_follow.theme)
    digest()
    assert mail.outbox[0].body.count("(Dataset)") == 20


def test_people_without_an_address_get_nothing(theme_follow, person):
    person.email = ""
    person.save()
    DatasetFactory().themes.add(theme_follow.theme)
    digest()
    assert mail.outbox == []


def test_deactivated_accounts_get_nothing(theme_follow, person):
    other = FollowFactory(user=UserFactory(username="active"), theme=theme_follow.theme)
    Follow.objects.filter(pk=other.pk).update(last_sent=theme_follow.last_sent)
    person.is_active = False
    person.save()
    DatasetFactory().themes.add(theme_follow.theme)
    digest()
    assert [email.to for email in mail.outbox] == [["active@example.org"]]


@pytest.fixture
def sent(theme_follow, person):
    """A digest sent about two follows: its email."""
    DatasetFactory(title="Themed data").themes.add(theme_follow.theme)
    other = FollowFactory(user=person, theme=ThemeFactory(name="Second theme"))
    Follow.objects.filter(pk=other.pk).update(last_sent=A_WEEK_AGO)
    DatasetFactory(title="Second data").themes.add(other.theme)
    digest()
    return mail.outbox[0]


def unsubscribe_links(email) -> list[str]:
    return [
        link.removeprefix("http://testserver.example")
        for link in re.findall(r"http://testserver\.example/following/unsubscribe/\S+/", email.body)
    ]


def test_the_digest_offers_one_click_unsubscribe(sent):
    assert sent.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    link = re.fullmatch(
        r"<http://testserver\.example(/following/unsubscribe/\S+/)>", sent.extra_headers["List-Unsubscribe"]
    )
    # A mail program posts without a CSRF token or a session.
    response = Client(enforce_csrf_checks=True).post(link[1], {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not Follow.objects.exists()


def test_opening_an_unsubscribe_link_only_asks(sent):
    stop_first, _, stop_all = unsubscribe_links(sent)
    html = Client().get(stop_first).content.decode()
    assert "Theme: Followed theme" in html and "<button" in html
    assert Follow.objects.count() == 2
    assert Client().post(stop_first).status_code == 200
    assert list(Follow.objects.values_list("label", flat=True)) == ["Theme: Second theme"]
    Client().post(stop_all)
    assert not Follow.objects.exists()


def test_an_unsubscribe_link_used_twice_says_so(sent):
    stop_first = unsubscribe_links(sent)[0]
    Client().post(stop_first)
    response = Client().post(stop_first)
    assert response.status_code == 200
    assert "nothing to stop" in response.content.decode()


def test_a_tampered_unsubscribe_link_is_refused(sent):
    stop_all = unsubscribe_links(sent)[-1]
    tampered = stop_all.replace("/following/unsubscribe/", "/following/unsubscribe/x")
    for response in (Client().get(tampered), Client().post(tampered)):
        assert response.status_code == 400
        assert "This link does not work" in response.content.decode()
    assert Client().post("/following/unsubscribe/not-a-token/").status_code == 400
    assert Follow.objects.count() == 2


def test_an_expired_unsubscribe_link_is_refused(sent, monkeypatch):
    monkeypatch.setattr("following.tokens.MAX_AGE", timedelta(seconds=-1))
    assert Client().post(unsubscribe_links(sent)[-1]).status_code == 400
    assert Follow.objects.count() == 2


def test_a_link_names_only_its_own_follows(sent, db):
    someone_else = FollowFactory()
    for link in unsubscribe_links(sent):
        Client().post(link)
    assert list(Follow.objects.all()) == [someone_else]


def test_datasets_listing_the_area_are_news_for_an_area(person, bradford, leeds):
    area_follow = FollowFactory(user=person, kind="area", area=leeds)
    Follow.objects.filter(pk=area_follow.pk).update(last_sent=A_WEEK_AGO)
    DatasetFactory(title="Leeds data").areas.add(leeds)
    DatasetFactory(title="Bradford only data").areas.add(bradford)
    DatasetFactory(title="England data", coverage_scope=Dataset.CoverageScope.ENGLAND)
    digest()
    body = mail.outbox[0].body
    assert "Leeds data" in body and "England data" in body
    assert "Bradford only data" not in body


def test_a_search_digest_with_two_areas_lists_new_matches_in_either(person, committed, bradford, leeds):
    with committed():
        DatasetFactory(title="Fresh readiness in Bradford").areas.add(bradford)
        DatasetFactory(title="Fresh readiness in Leeds").areas.add(leeds)
        DatasetFactory(title="Fresh readiness in Sheffield").areas.add(Area.objects.get(code="E08000039"))
    followed, _ = follow(person, "search", query="readiness", facets={"area": [leeds.code, bradford.code]})
    Follow.objects.filter(pk=followed.pk).update(last_sent=A_WEEK_AGO)
    digest()
    [email] = mail.outbox
    assert "Fresh readiness in Bradford" in email.body and "Fresh readiness in Leeds" in email.body
    assert "Fresh readiness in Sheffield" not in email.body
