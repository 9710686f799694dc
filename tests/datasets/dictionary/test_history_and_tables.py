"""A data dictionary's tables are renamed and described on the site, and a variable's edits keep versions
that can be read ("v2 of 3") and restored, by those who may edit the dictionary and no one else."""

import pytest
from django.urls import reverse

from datasets.models import DictionaryTable, Variable

from .conftest import add_variables, signed_in

pytestmark = pytest.mark.django_db

FORM = {"table_name": "Main", "name": "var_0", "value_type": "text"}


def table_url(dataset, slug: str = "main") -> str:
    return reverse("dictionary:table-edit", args=[dataset.slug, slug])


def history_url(dataset, name: str = "var_0") -> str:
    return reverse("dictionary:history", args=[dataset.slug, "main", name])


def test_an_editor_renames_and_describes_a_table_and_its_variables_keep_their_addresses(
    client, dataset, editor
):
    [variable] = add_variables(dataset, 1)
    address = variable.get_absolute_url()
    signed_in(client, editor)
    assert table_url(dataset) in client.get(reverse("dictionary:list", args=[dataset.slug])).content.decode()
    response = client.post(
        table_url(dataset), {"name": "Sweep 1 (age 9 months)", "description": "Home visits."}
    )
    assert response.status_code == 302
    table = DictionaryTable.objects.get()
    assert (table.name, table.description, table.slug) == ("Sweep 1 (age 9 months)", "Home visits.", "main")
    assert client.get(address).status_code == 200


def test_a_table_name_is_required_and_unique_in_its_dataset(client, dataset, curator):
    add_variables(dataset, 1)
    add_variables(dataset, 1, table_name="Sweep 2")
    signed_in(client, curator)
    response = client.post(table_url(dataset), {"name": "", "description": "x"})
    assert response.status_code == 400 and "This field is required." in response.content.decode()
    response = client.post(table_url(dataset), {"name": "Sweep 2", "description": "x"})
    assert response.status_code == 400
    assert "This dataset already has a table called “Sweep 2”." in response.content.decode()
    assert DictionaryTable.objects.get(slug="main").description == ""


def test_strangers_and_visitors_may_not_edit_a_table_or_see_or_restore_history(client, dataset, stranger):
    add_variables(dataset, 1)
    assert client.get(table_url(dataset)).status_code == 302  # to sign in
    assert client.get(history_url(dataset)).status_code == 302
    signed_in(client, stranger)
    assert client.get(table_url(dataset)).status_code == 403
    assert client.post(table_url(dataset), {"name": "Taken over"}).status_code == 403
    assert client.get(history_url(dataset)).status_code == 403
    restore = reverse("dictionary:restore", args=[dataset.slug, "main", "var_0", 1])
    assert client.post(restore).status_code == 403
    assert DictionaryTable.objects.get().name == "Main"


def test_each_edit_of_a_variable_is_a_version_shown_as_v2_of_3_and_an_earlier_one_is_restored(
    client, dataset, editor
):
    add_variables(dataset, 1)
    signed_in(client, editor)
    edit = reverse("dictionary:edit", args=[dataset.slug, "main", "var_0"])
    assert client.post(edit, {**FORM, "label": "First label"}).status_code == 302
    assert client.post(edit, {**FORM, "label": "Second label"}).status_code == 302
    page = client.get(history_url(dataset)).content.decode()
    # The variable as it was before its first edit on the site, then the two edits.
    assert "v3 of 3: Edited" in page and "v2 of 3: Edited" in page and "v1 of 3" in page
    assert "First label" in page and "Second label" in page
    detail = client.get(Variable.objects.get().get_absolute_url()).content.decode()
    assert "History: v3 of 3" in detail

    from editing.history import versions_of

    second = versions_of(Variable.objects.get())[1]
    assert "Restore this version" in page
    response = client.post(reverse("dictionary:restore", args=[dataset.slug, "main", "var_0", second.pk]))
    assert response.status_code == 302
    assert Variable.objects.get().label == "First label"
    assert "v4 of 4" in client.get(history_url(dataset)).content.decode()


def test_a_bad_edit_keeps_no_version(client, dataset, editor):
    add_variables(dataset, 1)
    signed_in(client, editor)
    edit = reverse("dictionary:edit", args=[dataset.slug, "main", "var_0"])
    assert client.post(edit, {**FORM, "ages": "four"}).status_code == 400
    assert "No changes have been recorded yet" in client.get(history_url(dataset)).content.decode()
