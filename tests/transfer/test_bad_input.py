"""Every kind of bad file gets a clear message, and leaves the directory as it was."""

import html

import pytest
from django.test import override_settings

from organisations.models import Organisation
from people.models import Researcher
from tests.factories import OrganisationFactory
from transfer.models import PendingImport

from .test_import import confirm, preview, upload

pytestmark = pytest.mark.django_db

VALID_ROR = "01v29qb04"


def text_of(response) -> str:
    return html.unescape(response.content.decode())


def refused(client, kind: str, content, name: str = "entries.csv") -> str:
    """Uploads a file that must be refused outright; returns the page's text."""
    response = upload(client, kind, content, name)
    assert response.status_code == 400
    assert not PendingImport.objects.exists()
    return text_of(response)


def problems_on_preview(client, kind: str, content) -> str:
    """Uploads a well-formed file whose rows have problems; checks nothing can be imported."""
    count = Organisation.objects.count(), Researcher.objects.count()
    page = text_of(preview(client, kind, content))
    assert "Nothing will be imported until every row is right" in page
    assert "/confirm/" not in page
    assert confirm(client).status_code == 400
    assert (Organisation.objects.count(), Researcher.objects.count()) == count
    return page


# The file as a whole


def test_an_empty_file(curator_client):
    assert "The file is empty." in refused(curator_client, "organisations", b"")


def test_a_file_of_blank_lines(curator_client):
    assert "The file is empty." in refused(curator_client, "organisations", "\r\n\r\n")


def test_a_header_row_only(curator_client):
    assert "a header row but no rows" in refused(curator_client, "organisations", "name,kind\n")


def test_missing_required_columns(curator_client):
    page = refused(curator_client, "datasets", "title,summary\nA,B\n")
    assert "The file lacks these required columns: source_kind, access_level." in page


def test_a_column_named_twice(curator_client):
    assert "more than once: name" in refused(curator_client, "organisations", "name,name\nA,B\n")


def test_an_unclosed_quote(curator_client):
    page = refused(curator_client, "organisations", 'name,description\nA,"never closed\n')
    assert "The file is not valid CSV near line" in page
    assert "never closed" in page


def test_a_row_with_the_wrong_number_of_cells_counts_rows_as_a_spreadsheet_does(curator_client):
    content = 'name,description\nA,"two\nlines"\nB,x,extra\n'
    page = refused(curator_client, "organisations", content)
    assert "Row 3 has 3 cells but the header row names 2 columns." in page


def test_a_binary_file(curator_client):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
    assert "This does not look like a CSV file" in refused(curator_client, "organisations", png, "photo.png")


def test_a_spreadsheet_not_saved_as_csv(curator_client):
    xlsx = b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00" + b"\x00" * 50
    assert "save it as “CSV UTF-8" in refused(curator_client, "organisations", xlsx, "entries.xlsx")


def test_a_50_megabyte_file_is_refused_with_a_message(curator_client):
    huge = b"name\n" + b"x" * (50 * 1024 * 1024)
    page = refused(curator_client, "organisations", huge)
    assert "This file is 50.0\xa0MB; the most an import takes is 5.0\xa0MB." in page
    assert not Organisation.objects.exists()


@override_settings(IMPORT_MAX_BYTES=100)
def test_the_size_limit_is_a_setting(curator_client):
    assert "the most an import takes is 100\xa0bytes" in refused(
        curator_client, "organisations", "name\n" + "a" * 200
    )


# Encodings that must work


def test_utf8_with_a_byte_order_mark(curator_client):
    page = text_of(preview(curator_client, "organisations", "\ufeffname\nCafé\n".encode()))
    assert "Read as UTF-8." in page
    confirm(curator_client)
    assert Organisation.objects.filter(name="Café").exists()


def test_windows_1252(curator_client):
    page = text_of(preview(curator_client, "organisations", "name\nCafé – Zoë\n".encode("cp1252")))
    assert "Read as Windows-1252 (the file is not UTF-8" in page
    confirm(curator_client)
    assert Organisation.objects.filter(name="Café – Zoë").exists()


def test_unknown_columns_are_ignored_with_a_warning(curator_client):
    page = text_of(preview(curator_client, "organisations", "name,colour\nA,blue\n"))
    assert "These columns are not known and were ignored: colour." in page
    confirm(curator_client)
    assert Organisation.objects.filter(name="A").exists()


# Rows with problems: every problem listed, nothing saved


def test_invalid_orcid(curator_client):
    page = problems_on_preview(curator_client, "researchers", "name,orcid\nA,0000-0002-1825-0098\n")
    assert "Row 2, column orcid: This ORCID iD’s last character does not match the rest" in page


def test_invalid_ror(curator_client):
    page = problems_on_preview(curator_client, "organisations", "name,ror_id\nA,12345\n")
    assert "Row 2, column ror_id: A ROR ID has nine characters" in page


def test_a_ror_id_already_taken(curator_client):
    OrganisationFactory(ror_id=VALID_ROR)
    page = problems_on_preview(curator_client, "organisations", f"name,ror_id\nA,{VALID_ROR}\n")
    assert "Row 2, column ror_id: Another organisation already has this ROR ID." in page


def test_the_same_orcid_twice_in_one_file(curator_client):
    orcid = "0000-0002-1825-0097"
    page = problems_on_preview(curator_client, "researchers", f"name,orcid\nA,{orcid}\nB,{orcid}\n")
    assert "Row 3, column orcid: Another researcher already has this ORCID iD." in page
    assert "Row 2," not in page


def test_unknown_organisation_theme_and_area(curator_client):
    content = (
        "title,summary,source_kind,access_level,custodian,themes,areas\n"
        "A,B,survey,open,Nowhere University,No such theme,E99999999\n"
    )
    page = problems_on_preview(curator_client, "datasets", content)
    assert (
        "Row 2, column custodian: There is no organisation called “Nowhere University” or with that slug."
        in page
    )
    assert "Row 2, column themes: There is no theme called “No such theme” or with that slug." in page
    assert "Row 2, column areas: There is no northern local authority with the code E99999999." in page


def test_an_unknown_lead(curator_client):
    page = problems_on_preview(curator_client, "projects", "title,summary,lead\nA,B,nobody\n")
    assert "Row 2, column lead: There is no researcher with the slug or ORCID iD “nobody”." in page


def test_duplicate_slugs_in_one_file(curator_client):
    page = problems_on_preview(curator_client, "organisations", "slug,name\nsame,A\nsame,B\n")
    assert "Row 3, column slug: Row 2 has the same slug" in page


def test_a_cell_too_long_for_its_field(curator_client):
    page = problems_on_preview(curator_client, "organisations", "name\n" + "x" * 300 + "\n")
    assert "Row 2, column name: Ensure this value has at most 200 characters (it has 300)." in page


def test_free_text_longer_than_the_site_takes(curator_client):
    page = problems_on_preview(curator_client, "organisations", "name,description\nA," + "x" * 20_000 + "\n")
    assert "Row 2, column description: Ensure this value has at most 10000 characters (it has 20000)." in page


def test_an_oversized_cell(curator_client):
    page = problems_on_preview(curator_client, "organisations", "name,description\nA," + "x" * 100_001 + "\n")
    assert "Row 2, column description: This cell has 100,001 characters; the most we take is 100,000." in page


def test_the_models_own_rules(curator_client):
    content = "title,summary,source_kind,access_level,start_year,end_year\nA,B,survey,open,2020,2010\n"
    page = problems_on_preview(curator_client, "datasets", content)
    assert "Row 2, column end_year: The end year is before the start year." in page


def test_a_rule_about_a_column_the_file_lacks_is_reported_for_the_row(curator_client):
    OrganisationFactory(slug="council", kind="local-authority", area_id=1)
    page = problems_on_preview(
        curator_client, "organisations", "slug,name,kind\ncouncil,Council,university\n"
    )
    assert "Row 2: Only a local authority is linked to an area." in page


def test_an_unknown_choice_and_a_bad_yes_or_no(curator_client):
    page = problems_on_preview(curator_client, "organisations", "name,kind,is_n8_member\nA,castle,perhaps\n")
    assert "Row 2, column kind: Select a valid choice. castle is not one of the available choices." in page
    assert "Row 2, column is_n8_member: Write yes or no." in page


def test_one_bad_row_keeps_every_row_out(curator_client):
    page = problems_on_preview(curator_client, "organisations", "name,ror_id\nGood,\nBad,nonsense\n")
    assert "Row 3, column ror_id" in page
    assert not Organisation.objects.filter(name="Good").exists()


def test_a_change_since_the_preview_stops_the_import(curator_client):
    text_of(preview(curator_client, "organisations", f"name,ror_id\nFirst,\nSecond,{VALID_ROR}\n"))
    OrganisationFactory(name="Meanwhile", ror_id=VALID_ROR)
    response = confirm(curator_client)
    job_page = text_of(curator_client.get(response["Location"]))
    assert "Failed" in job_page and "Row 3" in job_page
    assert not Organisation.objects.filter(name__in=["First", "Second"]).exists()
    assert PendingImport.objects.exists()
