"""The standards a dataset's data follows, ticked on its editing form."""

import pytest

from tests.factories import DatasetFactory

from .test_access_route_form import posted as posted_with_parts

pytestmark = pytest.mark.django_db


def posted(client, dataset, **changes) -> dict:
    """The form as shown with `changes`, and no step or count rows."""
    data = posted_with_parts(client, dataset, **changes)
    data.update({"steps-TOTAL_FORMS": "0", "observations-TOTAL_FORMS": "0"})
    return data


@pytest.fixture
def dataset(editor):
    return DatasetFactory(custodian=editor.edited_organisations.get(), title="School nurse visits")


def test_an_editor_ticks_the_standards(client, editor, dataset):
    client.force_login(editor)
    assert 'name="conforms_to" value="omop"' in client.get(f"/edit/datasets/{dataset.slug}/").content.decode()
    data = posted(client, dataset, conforms_to=["local", "omop"])
    response = client.post(f"/edit/datasets/{dataset.slug}/", data)
    assert response.status_code == 302
    dataset.refresh_from_db()
    assert dataset.conforms_to == ["omop", "local"]  # in the order of the choices


def test_an_unknown_standard_is_the_forms_error(client, editor, dataset):
    client.force_login(editor)
    data = posted(client, dataset, conforms_to=["sdmx"])
    response = client.post(f"/edit/datasets/{dataset.slug}/", data)
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    dataset.refresh_from_db()
    assert dataset.conforms_to == []
