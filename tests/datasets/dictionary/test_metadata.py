"""A data dictionary in others' metadata: HDR UK structural metadata (valid, and read back unchanged) and
schema.org variableMeasured."""

import json

import jsonschema
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from datasets.dictionary.formats import read_hdruk
from datasets.dictionary.hdruk import structural_metadata
from datasets.dictionary.schema_org import variables_measured
from tests.reference import reference_path

from .conftest import add_variables

pytestmark = pytest.mark.django_db


def test_a_dictionary_validates_against_the_hdruk_schema_and_reads_back(dataset):
    add_variables(dataset, 2, values="0 = No\n1 = Yes", value_type="boolean")
    document = structural_metadata(dataset)
    schema = json.loads(reference_path("real-documents/hdruk_3.0.0_schema.json").read_text())
    jsonschema.validate(document, {**schema["$defs"]["StructuralMetadata"], "$defs": schema["$defs"]})
    rows = read_hdruk(json.dumps(document).encode())
    assert [(row["table"], row["name"], row["type"], row["values"]) for row in rows] == [
        ("Main", "var_0", "boolean", "0 = No\n1 = Yes"),
        ("Main", "var_1", "boolean", "0 = No\n1 = Yes"),
    ]


def test_a_dataset_without_a_dictionary_has_no_structural_metadata(dataset):
    assert structural_metadata(dataset) is None


def test_schema_org_names_the_variables_measured(dataset):
    add_variables(dataset, 2, unit="kg")
    assert variables_measured(dataset)[0] == {
        "@type": "PropertyValue",
        "name": "var_0",
        "description": "Variable number 0",
        "unitText": "kg",
    }


def test_the_hdruk_export_and_the_page_json_ld_carry_the_dictionary(client, dataset):
    add_variables(dataset, 2, unit="cm")
    exported = client.get(f"/datasets/{dataset.slug}/hdruk.json").json()
    assert [c["name"] for c in exported["structuralMetadata"]["tables"][0]["columns"]] == ["var_0", "var_1"]
    page = client.get(dataset.get_absolute_url()).content.decode()
    assert '"variableMeasured": [{"@type": "PropertyValue", "name": "var_0"' in page


def test_the_hdruk_export_reads_the_dictionary_in_two_queries_however_large(
    client, dataset, django_assert_num_queries
):
    add_variables(dataset, 5, table_name="First")
    url = f"/datasets/{dataset.slug}/hdruk.json"
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    add_variables(dataset, 300, table_name="Second")
    with django_assert_num_queries(len(few)):
        client.get(url)
