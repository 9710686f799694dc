"""Connecting an account to its owner's ORCID iD (ORCID's OAuth authorization-code flow, /authenticate
scope), against a stand-in for ORCID's token endpoint served over real HTTP on 127.0.0.1; and what a
verified iD does: a claim on the profile with that iD is linked at once, a typed iD proves nothing."""

import json
import time
import urllib.parse

import pytest
from django.core import mail

from accounts.models import OrcidConnection, ProfileClaim
from people.models import Researcher
from tests.factories import ResearcherFactory, UserFactory
from tests.local_server import StubHandler, serving

RIAS_ORCID = "0000-0002-1825-0097"
ANOTHER_ORCID = "0000-0001-5109-3700"


class FakeOrcidTokens(StubHandler):
    """ORCID's POST /oauth/token: what it answers depends on the code it is given."""

    answers = {
        "good": (200, "application/json", {"access_token": "t", "orcid": RIAS_ORCID, "name": "Ria Patel"}),
        "as-a-url": (200, "application/json", {"orcid": f"https://orcid.org/{RIAS_ORCID}", "name": "Ria"}),
        "expired": (400, "application/json", {"error": "invalid_grant"}),
        "broken": (500, "text/html", "<html><body>Internal error</body></html>"),
        "garbage": (200, "text/html", "<html><body>Maintenance</body></html>"),
        "no-id": (200, "application/json", {"access_token": "t", "name": "Ria"}),
        "bad-id": (200, "application/json", {"orcid": "0000-0002-1825-0098"}),  # wrong check digit
        "a-list": (200, "application/json", [RIAS_ORCID]),
    }

    def do_POST(self):
        form = urllib.parse.parse_qs(self.rfile.read(int(self.headers["Content-Length"])).decode())
        self.server.requests.append((self.path, self.headers.get("Accept"), form))
        code = form.get("code", [""])[0]
        if code == "slow":
            time.sleep(1.5)
            code = "good"
        status, content_type, body = self.answers.get(code, self.answers["expired"])
        self.reply(status, (body if isinstance(body, str) else json.dumps(body)).encode(), content_type)


@pytest.fixture
def orcid_server(settings):
    with serving(FakeOrcidTokens) as server:
        settings.ORCID_CLIENT_ID = "APP-N8TESTCLIENT"
        settings.ORCID_CLIENT_SECRET = "the-client-secret"
        settings.ORCID_BASE_URL = server.url
        settings.ORCID_TIMEOUT = 0.5
        yield server


@pytest.fixture
def ria(db):
    return UserFactory(username="ria", email="ria@example.org", first_name="Ria")


@pytest.fixture
def signed_in(client, ria):
    client.force_login(ria)
    return client


def sent_to_orcid(client, server) -> dict:
    """Presses "Connect your ORCID iD"; checks it leads to ORCID's authorize page; returns its query."""
    response = client.get("/accounts/orcid/connect/")
    assert response.status_code == 302
    address = urllib.parse.urlsplit(response["Location"])
    assert f"{address.scheme}://{address.netloc}{address.path}" == f"{server.url}/oauth/authorize"
    return {name: values[0] for name, values in urllib.parse.parse_qs(address.query).items()}


def back_from_orcid(client, **answer):
    """ORCID sends the person back with `answer`; returns the account page it leads to."""
    response = client.get("/accounts/orcid/done/", answer)
    assert response.status_code == 302 and response["Location"] == "/accounts/"
    return client.get("/accounts/")


def messages_on(page) -> str:
    return " ".join(message.message for message in page.context["messages"])


def test_connecting_keeps_the_id_orcid_vouches_for(signed_in, ria, orcid_server):
    asked = sent_to_orcid(signed_in, orcid_server)
    assert asked["client_id"] == "APP-N8TESTCLIENT"
    assert asked["response_type"] == "code" and asked["scope"] == "/authenticate"
    assert asked["redirect_uri"] == "http://testserver/accounts/orcid/done/"
    assert len(asked["state"]) >= 32

    page = back_from_orcid(signed_in, code="good", state=asked["state"])
    assert f"Your ORCID iD, {RIAS_ORCID}, is connected" in messages_on(page)
    connection = OrcidConnection.objects.get(user=ria)
    assert connection.orcid == RIAS_ORCID and connection.verified is not None
    [(path, accept, form)] = orcid_server.requests
    assert path == "/oauth/token" and accept == "application/json"
    assert form == {
        "client_id": ["APP-N8TESTCLIENT"],
        "client_secret": ["the-client-secret"],
        "grant_type": ["authorization_code"],
        "code": ["good"],
        "redirect_uri": [asked["redirect_uri"]],
    }
    assert f"{orcid_server.url}/{RIAS_ORCID}" in page.text
    assert "Disconnect your ORCID iD" in page.text and "Connect your ORCID iD" not in page.text


def test_an_id_given_as_its_address_is_kept_as_the_bare_id(signed_in, ria, orcid_server):
    state = sent_to_orcid(signed_in, orcid_server)["state"]
    back_from_orcid(signed_in, code="as-a-url", state=state)
    assert OrcidConnection.objects.get(user=ria).orcid == RIAS_ORCID


@pytest.mark.parametrize("state", ["not-the-one-we-sent", ""])
def test_an_answer_for_another_request_is_refused_without_asking_orcid(signed_in, orcid_server, state):
    sent_to_orcid(signed_in, orcid_server)
    page = back_from_orcid(signed_in, code="good", state=state)
    assert "not for a request made from this browser" in messages_on(page)
    assert not OrcidConnection.objects.exists()
    assert orcid_server.requests == []


def test_an_answer_is_used_once(signed_in, orcid_server):
    state = sent_to_orcid(signed_in, orcid_server)["state"]
    back_from_orcid(signed_in, code="good", state=state)
    OrcidConnection.objects.all().delete()
    page = back_from_orcid(signed_in, code="good", state=state)
    assert "already used" in messages_on(page)
    assert not OrcidConnection.objects.exists() and len(orcid_server.requests) == 1


def test_an_answer_to_someone_elses_request_is_refused(client, ria, orcid_server):
    """A link with the attacker's own code and state, opened by Ria, connects nothing (login CSRF)."""
    mallory = UserFactory(username="mallory")
    client.force_login(mallory)
    state = sent_to_orcid(client, orcid_server)["state"]
    client.force_login(ria)
    page = back_from_orcid(client, code="good", state=state)
    assert "not for a request made from this browser" in messages_on(page)
    assert not OrcidConnection.objects.exists()


def test_saying_no_at_orcid_connects_nothing_and_says_so(signed_in, orcid_server):
    state = sent_to_orcid(signed_in, orcid_server)["state"]
    page = back_from_orcid(
        signed_in, error="access_denied", error_description="User denied access", state=state
    )
    assert "You did not give the portal permission at ORCID" in messages_on(page)
    assert not OrcidConnection.objects.exists() and orcid_server.requests == []


@pytest.mark.parametrize(
    "code, said",
    [
        ("broken", "ORCID answered with an error (HTTP 500)"),
        ("garbage", "ORCID’s answer could not be read"),
        ("no-id", "ORCID’s answer could not be read"),
        ("bad-id", "ORCID’s answer could not be read"),
        ("a-list", "ORCID’s answer could not be read"),
        ("slow", "ORCID did not answer within 0.5 seconds"),
        ("expired", "ORCID did not accept the sign-in"),
        ("", "ORCID did not confirm your iD"),
    ],
)
def test_when_orcid_fails_nothing_is_connected_and_the_person_is_told(signed_in, orcid_server, code, said):
    state = sent_to_orcid(signed_in, orcid_server)["state"]
    started = time.monotonic()
    page = back_from_orcid(signed_in, code=code, state=state)
    assert time.monotonic() - started < 1.4  # the slow answer is given up on
    assert said in messages_on(page)
    assert not OrcidConnection.objects.exists()


def test_orcid_out_of_reach_is_said_plainly(signed_in, settings):
    with serving(FakeOrcidTokens) as server:
        settings.ORCID_CLIENT_ID, settings.ORCID_CLIENT_SECRET = "APP-N8TESTCLIENT", "secret"
        settings.ORCID_BASE_URL = server.url
        state = sent_to_orcid(signed_in, server)["state"]
    page = back_from_orcid(signed_in, code="good", state=state)  # the server has stopped
    assert "ORCID could not be reached" in messages_on(page)


def test_an_id_connected_to_another_account_is_refused(signed_in, ria, orcid_server):
    other = UserFactory(username="other")
    OrcidConnection.objects.create(user=other, orcid=RIAS_ORCID)
    state = sent_to_orcid(signed_in, orcid_server)["state"]
    page = back_from_orcid(signed_in, code="good", state=state)
    assert f"The ORCID iD {RIAS_ORCID} is already connected to another account" in messages_on(page)
    assert OrcidConnection.objects.get().user == other


def test_connecting_links_the_unclaimed_profile_with_that_id(signed_in, ria, orcid_server):
    profile = ResearcherFactory(name="Ria Patel", orcid=RIAS_ORCID, email="r.patel@uni-a.example.org")
    ProfileClaim.objects.create(user=ria, researcher=profile, message="It is me.")
    state = sent_to_orcid(signed_in, orcid_server)["state"]
    page = back_from_orcid(signed_in, code="good", state=state)
    assert "Your account is linked to your researcher profile, Ria Patel." in messages_on(page)
    assert Researcher.objects.get(pk=profile.pk).account == ria
    assert ProfileClaim.objects.get().status == ProfileClaim.Status.APPROVED  # no longer waiting


def test_connecting_leaves_a_profile_linked_to_someone_else_alone(signed_in, ria, orcid_server):
    someone = UserFactory(username="someone")
    profile = ResearcherFactory(orcid=RIAS_ORCID, account=someone)
    state = sent_to_orcid(signed_in, orcid_server)["state"]
    page = back_from_orcid(signed_in, code="good", state=state)
    assert "linked to your researcher profile" not in messages_on(page)
    assert Researcher.objects.get(pk=profile.pk).account == someone


def claim(client, researcher):
    return client.post(f"/accounts/claim/{researcher.slug}/", {"message": ""})


def test_a_claim_on_the_profile_with_the_verified_id_is_linked_at_once(signed_in, ria):
    OrcidConnection.objects.create(user=ria, orcid=RIAS_ORCID)
    profile = ResearcherFactory(orcid=RIAS_ORCID, email="r.patel@uni-a.example.org")
    assert claim(signed_in, profile)["Location"] == "/accounts/"
    assert Researcher.objects.get(pk=profile.pk).account == ria
    assert not ProfileClaim.objects.exists() and mail.outbox == []


def test_the_ids_are_compared_whatever_form_the_profile_keeps(signed_in, ria):
    OrcidConnection.objects.create(user=ria, orcid="0000-0002-9079-593X")
    profile = ResearcherFactory(email="")
    Researcher.objects.filter(pk=profile.pk).update(orcid="https://orcid.org/0000-0002-9079-593x")
    claim(signed_in, profile)
    assert Researcher.objects.get(pk=profile.pk).account == ria


def test_a_typed_id_proves_nothing(signed_in, ria):
    """Ria has connected no iD: the profile's iD, whoever typed it, only leads to a claim to approve."""
    profile = ResearcherFactory(orcid=RIAS_ORCID, email="")
    claim(signed_in, profile)
    assert Researcher.objects.get(pk=profile.pk).account is None
    assert ProfileClaim.objects.get().status == ProfileClaim.Status.PENDING


def test_a_different_verified_id_is_not_linked_at_once(signed_in, ria):
    OrcidConnection.objects.create(user=ria, orcid=ANOTHER_ORCID)
    profile = ResearcherFactory(orcid=RIAS_ORCID, email="")
    claim(signed_in, profile)
    assert Researcher.objects.get(pk=profile.pk).account is None
    assert ProfileClaim.objects.get().status == ProfileClaim.Status.PENDING


def test_disconnecting_forgets_the_id_and_keeps_the_profile_linked(signed_in, ria, orcid_server):
    OrcidConnection.objects.create(user=ria, orcid=RIAS_ORCID)
    profile = ResearcherFactory(account=ria, orcid=RIAS_ORCID)
    assert signed_in.get("/accounts/orcid/disconnect/").status_code == 405
    response = signed_in.post("/accounts/orcid/disconnect/")
    assert response["Location"] == "/accounts/"
    assert not OrcidConnection.objects.exists()
    assert Researcher.objects.get(pk=profile.pk).account == ria
    page = signed_in.get("/accounts/")
    assert "no longer connected" in messages_on(page) and "Connect your ORCID iD" in page.text
    assert signed_in.post("/accounts/orcid/disconnect/").status_code == 404


def test_not_configured_there_is_no_button_and_no_address(signed_in, ria, settings):
    settings.ORCID_CLIENT_ID = settings.ORCID_CLIENT_SECRET = ""
    page = signed_in.get("/accounts/")
    assert "ORCID iD" not in page.text
    assert signed_in.get("/accounts/orcid/connect/").status_code == 404
    assert signed_in.get("/accounts/orcid/done/", {"code": "good", "state": "x"}).status_code == 404
    signed_in.logout()
    assert signed_in.get("/accounts/orcid/connect/").status_code == 404
    signed_in.force_login(ria)
    # An iD connected before stays the person's to see and remove.
    OrcidConnection.objects.create(user=ria, orcid=RIAS_ORCID)
    assert RIAS_ORCID in signed_in.get("/accounts/").text
    assert signed_in.post("/accounts/orcid/disconnect/")["Location"] == "/accounts/"
    assert not OrcidConnection.objects.exists()


def test_configured_the_account_page_offers_the_button(signed_in, orcid_server):
    assert "Connect your ORCID iD" in signed_in.get("/accounts/").text


def test_signed_out_people_are_asked_to_sign_in(client, orcid_server):
    response = client.get("/accounts/orcid/connect/")
    assert response.status_code == 302 and "/accounts/sign-in/" in response["Location"]
    assert client.post("/accounts/orcid/disconnect/").status_code == 302
    assert orcid_server.requests == []


def test_my_data_includes_the_connected_id_and_closing_forgets_it(client, django_user_model):
    ria = django_user_model.objects.create_user("ria", "ria@example.org", "a-long-enough-password")
    OrcidConnection.objects.create(user=ria, orcid=RIAS_ORCID)
    client.force_login(ria)
    data = json.loads(client.get("/accounts/my-data/").content)
    [row] = data["accounts.orcidconnection (user)"]["rows"]
    assert row["orcid"] == RIAS_ORCID and row["verified"]
    assert RIAS_ORCID in client.get("/accounts/close/").text  # said to be forgotten
    client.post(
        "/accounts/close/",
        {"password": "a-long-enough-password", "understood": "on"},
    )
    ria.refresh_from_db()
    assert not ria.is_active
    assert not OrcidConnection.objects.exists()


def test_curators_see_connected_ids_in_the_admin_and_may_delete_one(client, ria):
    from django.contrib.auth.models import Group

    from accounts.policy import CURATORS_GROUP

    connection = OrcidConnection.objects.create(user=ria, orcid=RIAS_ORCID)
    staff = UserFactory(username="staff", is_staff=True)
    client.force_login(staff)
    assert client.get("/admin/accounts/orcidconnection/").status_code == 302  # to sign in: not a curator
    staff.groups.add(Group.objects.get(name=CURATORS_GROUP))
    assert RIAS_ORCID in client.get("/admin/accounts/orcidconnection/").text
    assert client.get("/admin/accounts/orcidconnection/add/").status_code == 403
    delete = f"/admin/accounts/orcidconnection/{connection.pk}/delete/"
    assert client.post(delete, {"post": "yes"}).status_code == 302
    assert not OrcidConnection.objects.exists()
