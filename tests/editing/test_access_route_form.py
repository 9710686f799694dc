"""The custodian's editors keep a dataset's route to access on the site: its facts, steps and dated counts."""

import pytest

from tests.factories import DatasetFactory, OrganisationFactory

from .conftest import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def dataset(editor):
    return DatasetFactory(custodian=editor.edited_organisations.get(), title="School nurse visits")


def posted(client, dataset, **changes) -> dict:
    form = client.get(f"/edit/datasets/{dataset.slug}/").context["form"]
    data = form_data(form, version=dataset.updated.isoformat(), action="save", **changes)
    data.update(
        {
            "steps-TOTAL_FORMS": "2",
            "steps-INITIAL_FORMS": "0",
            "observations-TOTAL_FORMS": "1",
            "observations-INITIAL_FORMS": "0",
        }
    )
    return data


def test_the_form_offers_the_access_facts_steps_and_counts(client, editor, dataset):
    client.force_login(editor)
    html = client.get(f"/edit/datasets/{dataset.slug}/").content.decode()
    assert "Steps to access, in order, each with a link" in html
    assert "Counts, each with the date it was true" in html
    assert 'name="access_conditions" value="ethics-approval"' in html
    assert 'name="weeks_to_access_from"' in html


def test_an_editor_saves_the_route(client, editor, dataset):
    client.force_login(editor)
    data = posted(
        client,
        dataset,
        access_service="on-request",
        access_conditions=["ethics-approval", "data-sharing-agreement"],
        weeks_to_access_from="6",
        weeks_to_access_to="10",
    )
    data.update(
        {
            "steps-0-position": "2",
            "steps-0-title": "Sign the agreement",
            "steps-1-position": "1",
            "steps-1-title": "Send a proposal",
            "steps-1-url": "https://example.org/apply",
            "observations-0-measure": "individuals",
            "observations-0-count": "1200",
            "observations-0-observed_on": "2025-03-31",
        }
    )
    assert client.post(f"/edit/datasets/{dataset.slug}/", data).status_code == 302
    dataset.refresh_from_db()
    assert dataset.access_conditions == ["ethics-approval", "data-sharing-agreement"]
    assert dataset.weeks_to_access == (6, 10)
    assert [step.title for step in dataset.access_steps.all()] == ["Send a proposal", "Sign the agreement"]
    assert dataset.observations.get().count == 1200


def test_steps_with_the_same_number_are_refused_and_nothing_is_saved(client, editor, dataset):
    client.force_login(editor)
    data = posted(client, dataset, weeks_to_access_from="6")
    data.update(
        {"steps-0-position": "1", "steps-0-title": "One", "steps-1-position": "1", "steps-1-title": "Two"}
    )
    response = client.post(f"/edit/datasets/{dataset.slug}/", data)
    assert response.status_code == 400
    assert "Each step has its own number" in response.content.decode()
    dataset.refresh_from_db()
    assert dataset.weeks_to_access is None and not dataset.access_steps.exists()


def test_a_wait_in_the_wrong_order_is_explained(client, editor, dataset):
    client.force_login(editor)
    data = posted(client, dataset, weeks_to_access_from="10", weeks_to_access_to="2")
    response = client.post(f"/edit/datasets/{dataset.slug}/", data)
    assert response.status_code == 400
    assert "give the shorter wait first" in response.content.decode()


def test_another_organisations_editor_cannot_change_the_route(client, editor, django_user_model):
    other = django_user_model.objects.create_user("other", "other@example.org", "pw")
    OrganisationFactory().editors.add(other)
    dataset = DatasetFactory(custodian=editor.edited_organisations.get())
    client.force_login(other)
    assert client.get(f"/edit/datasets/{dataset.slug}/").status_code == 403
