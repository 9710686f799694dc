"""Every kind of bad document gets a clear message, and nothing is harvested."""

import json

import pytest
from django.test import override_settings

from datasets.models import Dataset
from harvest.models import PendingHarvest

from . import samples
from .conftest import UPLOAD, text_of, upload

pytestmark = pytest.mark.django_db


def refused(client, content, name: str = "catalogue.json", kind: str = "auto") -> str:
    response = upload(client, content, name, kind)
    assert response.status_code == 400
    assert not PendingHarvest.objects.exists()
    assert not Dataset.objects.exists()
    return text_of(response)


def test_not_json(curator_client):
    assert "This is not valid JSON (Expecting" in refused(curator_client, '{"success": true, "result": ')


def test_not_json_when_ckan_is_chosen(curator_client):
    assert "This is not valid JSON" in refused(curator_client, "title,summary\nA,B\n", kind="ckan")


def test_json_that_is_not_a_ckan_answer(curator_client):
    page = refused(curator_client, {"datasets": [{"title": "A"}]})
    assert "This JSON is not a CKAN API response" in page


def test_json_that_is_not_a_ckan_answer_when_ckan_is_chosen(curator_client):
    assert "This JSON is not a CKAN API response" in refused(curator_client, samples.JSON_LD, kind="ckan")


def test_a_ckan_error(curator_client):
    error = {"success": False, "error": {"__type": "Not Found Error", "message": "Not found"}, "help": "…"}
    assert "The CKAN API answered with an error, not with datasets: Not found." in refused(
        curator_client, error
    )


def test_a_package_list(curator_client):
    names = {"success": True, "result": ["ncmp", "cla"]}
    assert "lists only the datasets’ names (package_list)" in refused(curator_client, names)


def test_an_empty_search(curator_client):
    empty = {"success": True, "result": {"count": 0, "results": []}}
    assert "The document describes no datasets." in refused(curator_client, empty)


def test_broken_turtle(curator_client):
    broken = samples.TURTLE.replace('dct:title "Born in Bradford"@en,', 'dct:title "Born in Bradford@en,')
    assert "This is not valid Turtle (" in refused(curator_client, broken, name="catalogue.ttl")


def test_a_catalogue_without_datasets(curator_client):
    turtle = "@prefix dcat: <http://www.w3.org/ns/dcat#> .\n<https://example.org/c> a dcat:Catalog .\n"
    assert "The document describes no datasets." in refused(curator_client, turtle, name="empty.ttl")


@pytest.mark.parametrize(
    "context",
    [
        "https://www.w3.org/ns/dcat.jsonld",
        ["https://www.w3.org/ns/dcat.jsonld", {"dct": "http://purl.org/dc/terms/"}],
        {"@import": "https://www.w3.org/ns/dcat.jsonld", "dct": "http://purl.org/dc/terms/"},
    ],
)
def test_json_ld_with_a_remote_context_is_refused_not_fetched(curator_client, context):
    document = dict(samples.JSON_LD, **{"@context": context})
    page = refused(curator_client, document, name="catalogue.jsonld")
    assert "This JSON-LD refers to a context on the web (https://www.w3.org/ns/dcat.jsonld)" in page
    assert "does not fetch documents from other sites" in page


def test_a_remote_context_deep_inside_is_refused(curator_client):
    document = json.loads(json.dumps(samples.JSON_LD))
    document["@graph"][1]["@context"] = "http://127.0.0.1:9/context.jsonld"
    assert "refers to a context on the web (http://127.0.0.1:9/context.jsonld)" in refused(
        curator_client, document
    )


def test_a_remote_context_is_never_requested(curator_client, local_server):
    document = dict(samples.JSON_LD, **{"@context": f"{local_server.url}/context.jsonld"})
    assert "refers to a context on the web" in refused(curator_client, document)
    assert local_server.requests == []


def test_xml(curator_client):
    assert "This looks like XML or HTML" in refused(curator_client, "<rdf:RDF></rdf:RDF>", name="c.rdf")


def test_an_empty_file(curator_client):
    assert "The file is empty." in refused(curator_client, b"")


def test_a_binary_file(curator_client):
    assert "This is not a text document in UTF-8" in refused(curator_client, b"\x89PNG\r\n\x1a\n\xff\xfe")


def test_neither_file_nor_text(curator_client):
    response = curator_client.post(UPLOAD, {"kind": "auto"})
    assert "Choose a file, or paste the document" in text_of(response)


def test_both_file_and_text(curator_client):
    from .conftest import document_file

    response = curator_client.post(
        UPLOAD, {"kind": "auto", "file": document_file(samples.TURTLE, "c.ttl"), "text": samples.TURTLE}
    )
    assert "Give a file or paste a document, not both." in text_of(response)


@override_settings(IMPORT_MAX_BYTES=100)
def test_an_oversized_file(curator_client):
    page = refused(curator_client, samples.TURTLE, name="catalogue.ttl")
    assert "the most a harvest takes is 100\xa0bytes" in page


@override_settings(IMPORT_MAX_BYTES=100)
def test_oversized_pasted_text(curator_client):
    response = curator_client.post(UPLOAD, {"kind": "auto", "text": samples.TURTLE})
    assert "the most a harvest takes is 100\xa0bytes" in text_of(response)
    assert not PendingHarvest.objects.exists()


def test_a_pasted_document_is_harvested(curator_client):
    response = curator_client.post(UPLOAD, {"kind": "auto", "text": samples.TURTLE})
    assert response.status_code == 302
    assert PendingHarvest.objects.get().source_name == "pasted text"
