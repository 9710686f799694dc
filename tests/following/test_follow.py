from urllib.parse import quote

import pytest
from django.test import Client

from following.models import Follow
from tests.factories import FollowFactory, ThemeFactory


@pytest.fixture
def theme(db):
    return ThemeFactory(name="Followed test theme", slug="followed-test-theme")


@pytest.mark.parametrize("page", ["/themes/followed-test-theme/", "/areas/E08000032/", "/search/?q=bradford"])
def test_visitors_are_asked_to_sign_in_to_follow(client, theme, page):
    html = client.get(page).content.decode()
    assert "Sign in to follow" in html
    assert f"/accounts/sign-in/?next={quote(page, safe='/')}" in html


def test_visitors_cannot_follow(client, theme):
    response = client.post("/following/themes/followed-test-theme/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/sign-in/?next=/themes/followed-test-theme/")
    assert not Follow.objects.exists()


def test_a_signed_in_person_follows_a_theme_once(signed_in, person, theme):
    assert (
        'action="/following/themes/followed-test-theme/"'
        in signed_in.get(theme.get_absolute_url()).content.decode()
    )
    response = signed_in.post("/following/themes/followed-test-theme/", follow=True)
    assert response.redirect_chain[-1][0] == "/themes/followed-test-theme/"
    assert "You follow this theme." in response.content.decode()
    signed_in.post("/following/themes/followed-test-theme/")
    follow = Follow.objects.get()
    assert (follow.user, follow.kind, follow.theme, follow.label) == (
        person,
        "theme",
        theme,
        "Theme: Followed test theme",
    )


def test_a_signed_in_person_follows_an_area(signed_in, bradford):
    signed_in.post("/following/areas/E08000032/")
    assert Follow.objects.get().area == bradford


def test_a_signed_in_person_follows_a_search_with_its_filters(signed_in, bradford):
    html = signed_in.get("/search/?q=school+readiness&area=E08000032&kind=dataset").content.decode()
    assert 'action="/following/search/"' in html
    response = signed_in.post(
        "/following/search/", {"q": "school readiness", "area": "E08000032", "kind": "dataset"}
    )
    assert response["Location"] == "/search/?q=school+readiness&area=E08000032&kind=dataset"
    follow = Follow.objects.get()
    assert (follow.query, follow.facets) == ("school readiness", {"area": ["E08000032"], "kind": ["dataset"]})
    assert follow.label.startswith("Search: “school readiness”")
    assert "You follow this search." in signed_in.get(response["Location"]).content.decode()


def test_it_needs_the_csrf_token(person, theme):
    client = Client(enforce_csrf_checks=True)
    client.force_login(person)
    assert client.post("/following/themes/followed-test-theme/").status_code == 403
    assert not Follow.objects.exists()


def test_drafts_cannot_be_followed(signed_in):
    ThemeFactory(slug="draft-theme", status="draft")
    assert signed_in.post("/following/themes/draft-theme/").status_code == 404


def test_the_list_needs_sign_in(client, db):
    response = client.get("/following/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/sign-in/")


def test_the_list_shows_what_you_follow_and_unfollows_it(signed_in, person):
    mine = FollowFactory(user=person)
    theirs = FollowFactory()
    html = signed_in.get("/following/").content.decode()
    assert mine.label in html and theirs.label not in html
    assert f'action="/following/{mine.pk}/unfollow/"' in html
    assert signed_in.post(f"/following/{mine.pk}/unfollow/")["Location"] == "/following/"
    assert not Follow.objects.filter(pk=mine.pk).exists()


def test_nobody_unfollows_for_someone_else(signed_in, client):
    theirs = FollowFactory()
    assert signed_in.post(f"/following/{theirs.pk}/unfollow/").status_code == 404
    assert Client().post(f"/following/{theirs.pk}/unfollow/").status_code == 302
    assert Follow.objects.filter(pk=theirs.pk).exists()


def test_the_account_page_links_to_what_you_follow(signed_in):
    assert 'href="/following/"' in signed_in.get("/accounts/").content.decode()


def test_a_search_with_several_values_is_followed_once_and_comes_back_whole(signed_in, bradford):
    leeds = "E08000035"
    html = signed_in.get(f"/search/?q=readiness&area={leeds}&area=E08000032&kind=dataset").content.decode()
    # The button sends every value chosen.
    assert '<input type="hidden" name="area" value="E08000032">' in html
    assert f'<input type="hidden" name="area" value="{leeds}">' in html
    posted = {"q": "readiness", "area": [leeds, "E08000032"], "kind": "dataset"}
    response = signed_in.post("/following/search/", posted)
    assert response["Location"] == f"/search/?q=readiness&area=E08000032&area={leeds}&kind=dataset"
    follow = Follow.objects.get()
    assert follow.facets == {"area": ["E08000032", leeds], "kind": ["dataset"]}
    assert follow.get_absolute_url() == response["Location"]
    assert follow.label == "Search: “readiness” · Type: Dataset · Area covered: Bradford or Leeds"
    # The same search with its values in another order is the same follow.
    signed_in.post("/following/search/", {"q": "readiness", "area": ["E08000032", leeds], "kind": "dataset"})
    assert Follow.objects.count() == 1
    assert "You follow this search." in signed_in.get(response["Location"]).content.decode()


def test_a_search_followed_with_one_value_keeps_its_key(signed_in, person, bradford):
    from following.models import search_key

    # Follows saved before several values could be chosen hold a string.
    assert search_key("readiness", {"area": "E08000032"}) == search_key("readiness", {"area": ["E08000032"]})
    old = FollowFactory(
        user=person,
        kind="search",
        query="readiness",
        facets={"area": "E08000032"},
        key=search_key("readiness", {"area": "E08000032"}),
    )
    assert old.get_absolute_url() == "/search/?q=readiness&area=E08000032"
    assert "You follow this search." in signed_in.get(old.get_absolute_url()).content.decode()
