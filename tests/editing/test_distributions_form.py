"""A dataset's distributions, languages and source dates, and a researcher's names, links and identifiers
elsewhere, are edited on the site's forms; a line without a web address is the form's error."""

import pytest

from tests.factories import DatasetFactory

from .test_conforms_to_form import posted

pytestmark = pytest.mark.django_db


@pytest.fixture
def dataset(editor):
    return DatasetFactory(custodian=editor.edited_organisations.get(), title="School nurse visits")


def test_an_editor_gives_every_distribution_and_the_languages(client, editor, dataset):
    client.force_login(editor)
    data = posted(
        client,
        dataset,
        distributions="Tables | CSV | https://example.org/t.csv\nhttps://example.org/api",
        language="eng, cym",
        issued="2019-04-01",
    )
    response = client.post(f"/edit/datasets/{dataset.slug}/", data)
    assert response.status_code == 302
    dataset.refresh_from_db()
    assert [d.url for d in dataset.distribution_list] == [
        "https://example.org/t.csv",
        "https://example.org/api",
    ]
    assert dataset.language_names == ["English", "Welsh"] and str(dataset.issued) == "2019-04-01"


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("distributions", "Tables | CSV", "Line 1 does not end with a web address"),
        ("language", "English", "“English” is not an ISO 639-3 language code"),
    ],
)
def test_a_wrong_line_or_code_is_the_forms_error(client, editor, dataset, field, value, message):
    client.force_login(editor)
    response = client.post(f"/edit/datasets/{dataset.slug}/", posted(client, dataset, **{field: value}))
    assert response.status_code == 400
    assert message in response.content.decode()
    dataset.refresh_from_db()
    assert getattr(dataset, field) == ""
