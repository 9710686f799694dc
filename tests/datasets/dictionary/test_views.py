"""The dictionary page, each variable's page, editing on the site, and what the public may see."""

import pytest
from django.test import Client
from django.urls import reverse

from core.models import Entry
from datasets.models import Variable
from tests.factories import ThemeFactory

from .conftest import add_variables, signed_in

pytestmark = pytest.mark.django_db


def dictionary_url(dataset) -> str:
    return reverse("dictionary:list", args=[dataset.slug])


def test_the_dictionary_is_searchable_and_paged(client, dataset):
    add_variables(dataset, 60, ages="3, 5")
    Variable.objects.filter(name="var_7").update(label="Free school meals eligibility")
    page = client.get(dictionary_url(dataset)).content.decode()
    assert "60 variables" in page and "Page 1 of 2" in page
    found = client.get(dictionary_url(dataset), {"q": "school meals"}).content.decode()
    assert "1 variable match" in found
    assert reverse("dictionary:detail", args=[dataset.slug, "main", "var_7"]) in found
    assert "var_8<" not in found


def test_the_dataset_page_leads_to_its_variables_and_shows_what_was_measured_when(client, dataset):
    add_variables(dataset, 2, topic="Weight and height", ages="4, 10")
    page = client.get(dataset.get_absolute_url()).content.decode()
    assert "Search its 2 variables" in page
    assert "<svg" in page and "Weight and height at age 10: 2 variables" in page
    assert '<caption id="measured-caption">' in page  # the table alternative


def test_a_dataset_without_a_dictionary_says_so_and_offers_its_editors_an_import(client, dataset, editor):
    assert "No data dictionary has been added yet." in client.get(dataset.get_absolute_url()).content.decode()
    page = signed_in(client, editor).get(dataset.get_absolute_url()).content.decode()
    assert reverse("dictionary:import", args=[dataset.slug]) in page


def test_each_variable_has_its_own_address(client, dataset):
    [variable] = add_variables(dataset, 1, values="0 = No\n1 = Yes", ages="5-7")
    response = client.get(variable.get_absolute_url())
    assert response.status_code == 200
    page = response.content.decode()
    assert "<code>1</code></th><td>Yes</td>" in page and "5-7 (years)" in page
    assert client.get(reverse("dictionary:detail", args=[dataset.slug, "main", "missing"])).status_code == 404


def test_a_draft_datasets_variables_are_not_public(client, dataset, editor):
    dataset.status = Entry.Status.DRAFT
    dataset.save()
    [variable] = add_variables(dataset, 1)
    assert client.get(dictionary_url(dataset)).status_code == 404
    assert client.get(variable.get_absolute_url()).status_code == 404
    assert client.get(reverse("dictionary:csv", args=[dataset.slug])).status_code == 404
    assert signed_in(client, editor).get(variable.get_absolute_url()).status_code == 200


def test_an_editor_adds_edits_and_removes_a_variable(client, dataset, editor):
    theme = ThemeFactory(name="Weight test theme")
    signed_in(client, editor)
    response = client.post(
        reverse("dictionary:new", args=[dataset.slug]),
        {
            "table_name": "Measurements",
            "name": "bmi_centile",
            "label": "BMI centile",
            "value_type": "decimal",
            "theme": theme.pk,
            "ages": "4, 10",
        },
    )
    variable = Variable.objects.get()
    assert response["Location"] == variable.get_absolute_url()
    assert (variable.table.name, variable.min_age, variable.max_age) == ("Measurements", 4, 10)

    edit = reverse("dictionary:edit", args=[dataset.slug, "measurements", "bmi_centile"])
    response = client.post(
        edit, {"table_name": "Measurements", "name": "bmi_centile", "value_type": "decimal", "ages": "four"}
    )
    assert response.status_code == 400
    assert "is not an age in whole years" in response.content.decode()

    client.post(reverse("dictionary:delete", args=[dataset.slug, "measurements", "bmi_centile"]))
    assert not Variable.objects.exists()


def test_a_name_already_in_the_table_is_refused(client, dataset, curator):
    add_variables(dataset, 1)
    response = signed_in(client, curator).post(
        reverse("dictionary:new", args=[dataset.slug]),
        {"table_name": "Main", "name": "var_0", "value_type": "text"},
    )
    assert response.status_code == 400
    assert "“Main” already has a variable called var_0." in response.content.decode()


def test_strangers_may_not_edit_or_remove(client, dataset, stranger):
    add_variables(dataset, 1)
    signed_in(client, stranger)
    assert client.get(reverse("dictionary:edit", args=[dataset.slug, "main", "var_0"])).status_code == 403
    assert client.post(reverse("dictionary:delete", args=[dataset.slug, "main", "var_0"])).status_code == 403
    assert Variable.objects.count() == 1


def test_the_dictionary_downloads_as_csv_in_the_import_columns(client, dataset):
    add_variables(dataset, 1, values="0 = No\n1 = Yes")
    response = client.get(reverse("dictionary:csv", args=[dataset.slug]))
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    header, row = text.splitlines()
    assert header.startswith("dataset,table,table_description,name,label")
    assert "born-in-bradford,Main,,var_0,Variable number 0" in row and "0 = No; 1 = Yes" in row


def test_the_theme_page_shows_which_datasets_measure_it_at_which_ages(client, dataset):
    theme = ThemeFactory(name="Weight test theme")
    add_variables(dataset, 3, theme=theme, ages="4, 10")
    page = client.get(theme.get_absolute_url()).content.decode()
    assert "Measured at which ages" in page
    assert "Born in Bradford at age 4: 3 variables" in page


@pytest.mark.parametrize("page", ["dictionary", "dataset"])
def test_the_query_count_does_not_grow_with_variables(client, dataset, count_queries, page):
    theme = ThemeFactory(name="Weight test theme")
    add_variables(dataset, 3, table_name="First", theme=theme, ages="4")
    url = dictionary_url(dataset) if page == "dictionary" else dataset.get_absolute_url()
    count_queries(url)  # warm-up: the kept counts and the session
    few = count_queries(url)
    add_variables(dataset, 200, table_name="Second", theme=theme, topic="Many topics", ages="3, 5, 7")
    add_variables(dataset, 50, table_name="Third", ages="11")
    count_queries(url)  # warm-up again: saving variables made the kept counts stale
    assert count_queries(url) == few


def test_moving_the_last_variable_out_of_a_table_removes_the_table(client, dataset, curator):
    add_variables(dataset, 1, table_name="Old")
    signed_in(client, curator).post(
        reverse("dictionary:edit", args=[dataset.slug, "old", "var_0"]),
        {"table_name": "New", "name": "var_0", "value_type": "text"},
    )
    assert list(dataset.dictionary_tables.values_list("name", flat=True)) == ["New"]


def test_a_visitor_sees_a_change_to_the_chart_at_once(
    client, dataset, curator, django_capture_on_commit_callbacks
):
    add_variables(dataset, 1, topic="Sleep", ages="3")
    assert "Sleep at age 3" in client.get(dictionary_url(dataset)).content.decode()  # now kept in the cache
    editor_client = Client()
    signed_in(editor_client, curator)
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(
            reverse("dictionary:new", args=[dataset.slug]),
            {"table_name": "Main", "name": "bedtime", "value_type": "text", "topic": "Sleep", "ages": "9"},
        )
    page = client.get(dictionary_url(dataset)).content.decode()
    assert "Sleep at age 9: 1 variable" in page
    assert "Sleep at age 9" in client.get(dataset.get_absolute_url()).content.decode()
