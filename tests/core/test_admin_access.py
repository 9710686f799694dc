"""The admin is for curators only, and refuses to save over a change made since it was opened."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from accounts.policy import CURATORS_GROUP
from tests.factories import OrganisationFactory, ResearcherFactory, ThemeFactory, UserFactory


@pytest.fixture
def staff_organisation_editor(client, db):
    """An organisation editor who was given is_staff (and even every model permission): not a curator."""
    editor = UserFactory(is_staff=True)
    editor.user_permissions.set(Permission.objects.all())
    OrganisationFactory().editors.add(editor)
    client.force_login(editor)
    return editor


@pytest.fixture
def curator_client(client, db):
    curator = UserFactory(is_staff=True)
    curator.groups.add(Group.objects.get(name=CURATORS_GROUP))
    client.force_login(curator)
    return client


def change_url(entry) -> str:
    return reverse(f"admin:{entry._meta.app_label}_{entry._meta.model_name}_change", args=[entry.pk])


def test_staff_who_are_not_curators_cannot_open_the_admin(client, staff_organisation_editor):
    other = ResearcherFactory(email="private@example.org", lived_experience="Not to be shown")
    for address in ["/admin/", change_url(other), change_url(other.organisation)]:
        response = client.get(address)
        assert response.status_code == 302, address
        assert response["Location"].startswith("/admin/login/")
    page = client.get(change_url(other), follow=True).content.decode()
    assert "private@example.org" not in page and "Not to be shown" not in page


def test_curators_use_the_admin(curator_client):
    assert curator_client.get("/admin/").status_code == 200
    assert curator_client.get(change_url(ResearcherFactory())).status_code == 200


def form_data(response) -> dict:
    """What the admin's change form would send back unchanged."""
    form = response.context["adminform"].form
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None or value is False:
            continue
        data[name] = "on" if value is True else value
    return data


def test_an_admin_save_over_a_change_made_meanwhile_is_refused(curator_client):
    theme = ThemeFactory(description="As it was")
    page = curator_client.get(change_url(theme))
    assert f'name="version" value="{theme.updated.isoformat()}"' in page.text
    data = form_data(page)
    # Meanwhile, someone saves the theme on the site.
    theme.description = "Changed on the site"
    theme.save()
    response = curator_client.post(change_url(theme), {**data, "description": "Changed in the admin"})
    assert response.status_code == 200
    assert "Someone else saved this entry after you opened it" in response.content.decode()
    theme.refresh_from_db()
    assert theme.description == "Changed on the site"


def test_an_admin_save_with_no_change_meanwhile_goes_through(curator_client):
    theme = ThemeFactory(description="As it was")
    data = form_data(curator_client.get(change_url(theme)))
    response = curator_client.post(change_url(theme), {**data, "description": "Changed in the admin"})
    assert response.status_code == 302
    theme.refresh_from_db()
    assert theme.description == "Changed in the admin"


def test_reverting_to_an_older_version_from_the_history_is_not_refused(curator_client):
    import reversion
    from reversion.models import Version

    theme = ThemeFactory(description="First")
    with reversion.create_revision():
        theme.save()
    with reversion.create_revision():
        theme.description = "Second"
        theme.save()
    first = Version.objects.get_for_object(theme).last()
    address = reverse("admin:themes_theme_revision", args=[theme.pk, first.pk])
    data = form_data(curator_client.get(address))
    assert curator_client.post(address, data).status_code == 302
    theme.refresh_from_db()
    assert theme.description == "First"
