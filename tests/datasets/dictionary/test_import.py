"""Importing a data dictionary: check, preview, then all or nothing, by curators and the custodian's editors."""

import pytest
from django.urls import reverse

from datasets.models import DictionaryTable, PendingDictionaryImport, Variable
from jobs.models import Job
from tests.factories import DatasetFactory, ThemeFactory

from .conftest import a_file, add_variables, signed_in

pytestmark = pytest.mark.django_db

GOOD = (
    "table,name,label,type,values,topic,ages\n"
    "Census,fsm_eligible,Free school meals eligibility,boolean,0 = No; 1 = Yes,Disadvantage,5-16\n"
    "Census,sen_provision,Special educational needs provision,category,E = EHC plan; K = SEN support,,4-18\n"
    "Attainment,ks2_reading,Key stage 2 reading scaled score,integer,,,11\n"
)


def import_url(dataset) -> str:
    return reverse("dictionary:import", args=[dataset.slug])


def upload(client, dataset, content, name="dictionary.csv"):
    return client.post(import_url(dataset), {"file": a_file(content, name)})


def preview(client, dataset, content, name="dictionary.csv") -> str:
    response = upload(client, dataset, content, name)
    assert response.status_code == 302, response.content.decode()
    return client.get(response["Location"]).content.decode()


def confirm(client):
    return client.post(reverse("dictionary:import-confirm", args=[PendingDictionaryImport.objects.get().pk]))


def test_an_editor_of_the_custodian_previews_then_imports(client, dataset, editor):
    theme = ThemeFactory(name="Disadvantage")
    page = preview(signed_in(client, editor), dataset, GOOD)
    assert "3 variables read from the file" in page
    assert "Import all 3 variables" in page
    assert not Variable.objects.exists()

    response = confirm(client)

    assert response.status_code == 302
    assert Job.objects.get(kind="dictionary-confirm").state == Job.State.DONE
    fsm = Variable.objects.get(name="fsm_eligible")
    assert (fsm.table.name, fsm.value_type, fsm.theme, fsm.min_age, fsm.max_age) == (
        "Census",
        "boolean",
        theme,
        5,
        16,
    )
    assert list(DictionaryTable.objects.filter(dataset=dataset).values_list("name", flat=True)) == [
        "Census",
        "Attainment",
    ]
    assert not PendingDictionaryImport.objects.exists()


def test_importing_again_replaces_the_tables_named_and_keeps_the_others(client, dataset, curator):
    add_variables(dataset, 3, table_name="Census")
    add_variables(dataset, 2, table_name="Untouched")
    preview(signed_in(client, curator), dataset, "table,name\nCensus,fsm_eligible\n")
    confirm(client)
    assert sorted(Variable.objects.values_list("table__name", "name")) == [
        ("Census", "fsm_eligible"),
        ("Untouched", "var_0"),
        ("Untouched", "var_1"),
    ]


def test_a_duplicate_variable_is_a_problem_and_nothing_is_saved(client, dataset, curator):
    page = preview(signed_in(client, curator), dataset, GOOD + "Census,FSM_ELIGIBLE,Again,boolean,,,\n")
    assert "Row 5: FSM_ELIGIBLE appears twice in “Census” (first at Row 2)." in page
    assert "Import all" not in page
    assert confirm(client).status_code == 400
    assert not Variable.objects.exists()


@pytest.mark.parametrize(
    "row, problem",
    [
        ("nowhere,fsm,,,", "Row 2: there is no dataset with the address “nowhere”."),
        (",fsm,,colour,", "“colour” is not a type we know"),
        (",fsm,,,five", "“five” is not an age in whole years"),
        (",,,,", None),
        (",a/b,,,", "cannot contain a slash"),
    ],
)
def test_each_bad_row_is_named_with_its_reason(client, dataset, curator, row, problem):
    text = "dataset,name,label,type,ages\n" + row + "\n" + ",good_one,,,\n"
    page = preview(signed_in(client, curator), dataset, text)
    if problem:
        assert problem in page
        assert not Variable.objects.exists() and confirm(client).status_code == 400
    else:
        assert "Import all 1 variable" in page  # a blank row is skipped, not a problem


def test_an_editor_may_not_import_into_another_custodians_dataset(client, dataset, editor):
    other = DatasetFactory(title="Someone else's data", slug="elsewhere")
    page = preview(signed_in(client, editor), dataset, "dataset,name\nelsewhere,fsm\n")
    assert "you may not change the data dictionary of “Someone else&#x27;s data”" in page
    assert confirm(client).status_code == 400
    assert not Variable.objects.filter(dataset=other).exists()


@pytest.mark.parametrize(
    "content, name, reason",
    [
        (b"", "empty.csv", "The file is empty."),
        ("name\n" + "v\n" * 2 + "".join(f"v{n}\n" for n in range(50_000)), "big.csv", "50,002 variables"),
        (b'<!DOCTYPE x [<!ENTITY a "b">]><codeBook/>', "codebook.xml", "document type or entities"),
        (b"{", "metadata.json", "not valid JSON"),
    ],
)
def test_a_bad_file_is_refused_on_the_form_and_nothing_is_kept(
    client, dataset, curator, content, name, reason
):
    response = upload(signed_in(client, curator), dataset, content, name)
    assert response.status_code == 400
    assert reason in response.content.decode()
    assert not PendingDictionaryImport.objects.exists()


def test_a_failed_import_leaves_the_old_dictionary_whole(client, dataset, curator):
    add_variables(dataset, 2, table_name="Census")
    preview(signed_in(client, curator), dataset, "table,name\nCensus,fsm_eligible\n")
    # Between the check and the import, the curator loses the right to change the dictionary.
    curator.groups.clear()
    response = confirm(client)
    job = Job.objects.get(kind="dictionary-confirm")
    assert response.status_code == 302
    assert job.state == Job.State.FAILED and "Nothing was imported" in job.failure
    assert sorted(Variable.objects.values_list("name", flat=True)) == ["var_0", "var_1"]


def test_visitors_and_strangers_may_not_import_or_edit(client, dataset, stranger):
    assert client.get(import_url(dataset)).status_code == 302  # to sign in
    signed_in(client, stranger)
    assert client.get(import_url(dataset)).status_code == 403
    assert upload(client, dataset, GOOD).status_code == 403
    assert client.get(reverse("dictionary:new", args=[dataset.slug])).status_code == 403
    assert not PendingDictionaryImport.objects.exists()


def test_someone_elses_upload_is_not_found(client, dataset, curator, editor):
    preview(signed_in(client, editor), dataset, GOOD)
    signed_in(client, curator)
    pending = PendingDictionaryImport.objects.get()
    assert client.get(pending.get_absolute_url()).status_code == 404
    assert confirm(client).status_code == 404
