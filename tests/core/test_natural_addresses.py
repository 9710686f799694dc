"""Addresses people type from memory are sent on for good to the page they mean."""

import pytest

from core.urls import NATURAL_ADDRESSES

# Each address people type, and where it must lead: written out, so the table cannot test itself.
EXPECTED = [
    ("/people/", "/researchers/"),
    ("/people/ada-example/", "/researchers/ada-example/"),
    ("/researcher/", "/researchers/"),
    ("/researcher/ada-example/", "/researchers/ada-example/"),
    ("/data/", "/datasets/"),
    ("/data/born-in-bradford/", "/datasets/born-in-bradford/"),
    ("/dataset/", "/datasets/"),
    ("/dataset/born-in-bradford/", "/datasets/born-in-bradford/"),
    ("/project/", "/projects/"),
    ("/project/ready-project/", "/projects/ready-project/"),
    ("/organisation/", "/organisations/"),
    ("/organisation/leeds/", "/organisations/leeds/"),
    ("/organizations/", "/organisations/"),
    ("/organizations/leeds/", "/organisations/leeds/"),
    ("/organization/", "/organisations/"),
    ("/organization/leeds/", "/organisations/leeds/"),
    ("/theme/", "/themes/"),
    ("/theme/early-years/", "/themes/early-years/"),
    ("/topics/", "/themes/"),
    ("/area/", "/areas/"),
    ("/area/E08000032/", "/areas/E08000032/"),
    ("/collection/", "/collections/"),
    ("/collection/send-support/", "/collections/send-support/"),
    ("/map/", "/coverage/"),
    ("/gaps/", "/coverage/gaps/"),
    ("/basket/", "/journey/"),
    ("/dashboard/", "/curation/"),
    ("/account/", "/accounts/"),
    ("/login/", "/accounts/sign-in/"),
    ("/log-in/", "/accounts/sign-in/"),
    ("/signin/", "/accounts/sign-in/"),
    ("/sign-in/", "/accounts/sign-in/"),
]


def test_every_natural_address_is_tested():
    assert len(EXPECTED) == len(NATURAL_ADDRESSES)


@pytest.mark.parametrize(("typed", "page"), EXPECTED)
def test_it_sends_a_typed_address_on_for_good(client, db, typed, page):
    response = client.get(typed)
    assert response.status_code == 301
    assert response["Location"] == page


@pytest.mark.parametrize(
    ("typed", "page"),
    [
        ("/data/?area=E08000032", "/datasets/?area=E08000032"),
        ("/people/?q=ada&page=2", "/researchers/?q=ada&page=2"),
        ("/gaps/?life_stage=early-years", "/coverage/gaps/?life_stage=early-years"),
        ("/login/?next=/curation/", "/accounts/sign-in/?next=/curation/"),
    ],
)
def test_it_keeps_the_query_string(client, db, typed, page):
    response = client.get(typed)
    assert response.status_code == 301
    assert response["Location"] == page


def test_the_page_it_leads_to_answers(client, db):
    response = client.get("/gaps/", follow=True)
    assert response.redirect_chain == [("/coverage/gaps/", 301)]
    assert response.status_code == 200


def test_an_address_without_its_slash_gets_there_too(client, db):
    response = client.get("/people", follow=True)
    assert response.redirect_chain[-1] == ("/researchers/", 301)
    assert response.status_code == 200


@pytest.mark.parametrize("unknown", ["/peoples/", "/data/born-in-bradford/extra/", "/nowhere/", "/logins/"])
def test_an_unknown_address_is_still_not_found(client, db, unknown):
    assert client.get(unknown).status_code == 404


def test_a_real_page_is_never_redirected(client, db):
    assert client.get("/datasets/").status_code == 200
    assert client.get("/accounts/sign-in/").status_code == 200
