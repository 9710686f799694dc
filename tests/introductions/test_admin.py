from django.urls import reverse

from introductions.models import IntroductionRequest

CHANGELIST = reverse("admin:introductions_introductionrequest_changelist")


def logged(researcher) -> IntroductionRequest:
    return IntroductionRequest.objects.create(
        researcher=researcher,
        requester_name="Ada Requester",
        requester_email="ada@example.com",
        message="Hello",
        ip="192.0.2.1",
        outcome=IntroductionRequest.Outcome.SENT,
    )


def test_curators_read_the_log(client, curator, researcher):
    request = logged(researcher)
    client.force_login(curator)
    assert "Ada Requester" in client.get(CHANGELIST).content.decode()
    change = reverse("admin:introductions_introductionrequest_change", args=[request.pk])
    assert client.get(change).status_code == 200


def test_the_log_is_read_only(client, curator, researcher):
    request = logged(researcher)
    client.force_login(curator)
    assert client.get(reverse("admin:introductions_introductionrequest_add")).status_code == 403
    delete = reverse("admin:introductions_introductionrequest_delete", args=[request.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    assert IntroductionRequest.objects.exists()


def test_staff_who_are_not_curators_cannot_read_it(client, django_user_model, researcher):
    logged(researcher)
    client.force_login(django_user_model.objects.create_user("staff", "s@example.org", is_staff=True))
    # Kept out of the admin altogether: it is for curators only (core/admin_site.py).
    assert client.get(CHANGELIST)["Location"].startswith("/admin/login/")
