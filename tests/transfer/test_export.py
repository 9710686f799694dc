"""CSV downloads of the list pages: every matching published entry, and only what the public may see."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import (
    DatasetFactory,
    DatasetUsageFactory,
    MembershipFactory,
    OrganisationFactory,
    ProjectFactory,
    ResearcherFactory,
    ThemeFactory,
)
from transfer.csvfile import safe_cell

from .conftest import as_dicts, read_csv

pytestmark = pytest.mark.django_db


def test_it_downloads_every_matching_entry_not_just_the_page(client, committed):
    with committed():
        DatasetFactory.create_batch(25, title="Cohort data")
        DatasetFactory(title="Something else")
    response = client.get("/datasets/?q=cohort&format=csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="datasets-')
    rows = as_dicts(read_csv(response))
    assert len(rows) == 25
    assert {row["title"] for row in rows} == {"Cohort data"}
    assert rows[0]["web_address"].startswith("http://testserver/datasets/")


def test_it_hides_drafts_and_archived_entries(client):
    OrganisationFactory(name="Shown")
    OrganisationFactory(name="Draft", status="draft")
    OrganisationFactory(name="Archived", status="archived")
    rows = as_dicts(read_csv(client.get("/organisations/?format=csv")))
    assert [row["name"] for row in rows] == ["Shown"]


def test_it_keeps_the_sort_order_of_the_list(client):
    DatasetFactory(title="Alpha", start_year=2001)
    DatasetFactory(title="Beta", start_year=2020)
    rows = as_dicts(read_csv(client.get("/datasets/?sort=-start_year&format=csv")))
    assert [row["title"] for row in rows] == ["Beta", "Alpha"]


def test_it_shows_email_and_lived_experience_only_as_the_person_chose(client):
    ResearcherFactory(name="Open", email="open@example.org", show_email=True)
    ResearcherFactory(name="Private", email="private@example.org", show_email=False)
    ResearcherFactory(
        name="Shares", has_lived_experience=True, show_lived_experience=True, lived_experience="Care leaver"
    )
    ResearcherFactory(
        name="Keeps", has_lived_experience=True, show_lived_experience=False, lived_experience="Secret"
    )
    response = client.get("/researchers/?format=csv")
    rows = {row["name"]: row for row in as_dicts(read_csv(response))}
    assert rows["Open"]["email"] == "open@example.org"
    assert rows["Private"]["email"] == ""
    assert rows["Shares"]["lived_experience"] == "Care leaver"
    assert rows["Keeps"]["lived_experience"] == ""
    assert rows["Keeps"]["has_lived_experience"] == ""


def test_it_never_exports_account_author_or_review_fields(client, django_user_model):
    author = django_user_model.objects.create_user("author", "author@example.org", "pw")
    ResearcherFactory(author=author, account=author, review_comment="Needs work", name="Someone")
    header = read_csv(client.get("/researchers/?format=csv"))[0]
    text = " ".join(header).lower()
    for private in ("author", "account", "review", "status", "updated", "created"):
        assert private not in text


def test_it_names_only_published_related_entries(client):
    published_theme, draft_theme = (
        ThemeFactory(name="Shown theme"),
        ThemeFactory(name="Hidden", status="draft"),
    )
    draft_organisation = OrganisationFactory(name="Draft org", status="draft")
    researcher = ResearcherFactory(organisation=draft_organisation)
    researcher.themes.add(published_theme, draft_theme)
    researcher.affiliations.add(OrganisationFactory(name="Partner A"), OrganisationFactory(name="Partner B"))
    row = as_dicts(read_csv(client.get("/researchers/?format=csv")))[0]
    assert row["themes"] == published_theme.slug
    assert row["organisation"] == ""
    assert row["affiliations"] == "partner-a; partner-b"


def test_a_project_shows_its_published_lead_and_datasets(client):
    project = ProjectFactory(title="P")
    MembershipFactory(project=project, role="lead", researcher=ResearcherFactory(name="Lead person"))
    DatasetUsageFactory(project=project, dataset=DatasetFactory(title="Used"))
    DatasetUsageFactory(project=project, dataset=DatasetFactory(title="Draft data", status="draft"))
    row = as_dicts(read_csv(client.get("/projects/?format=csv")))[0]
    assert row["lead"] == "lead-person"
    assert row["datasets_used"] == "used"


def test_themes_download_too(client):
    ThemeFactory(name="Exported theme")
    rows = as_dicts(read_csv(client.get("/themes/?format=csv")))
    assert "Exported theme" in [row["Name"] for row in rows]


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_it_defuses_cells_that_a_spreadsheet_would_run_as_a_formula(client, start):
    DatasetFactory(title=f"{start}HYPERLINK(1)", summary=f"{start}cmd")
    row = as_dicts(read_csv(client.get("/datasets/?format=csv")))[0]
    assert row["title"] == f"'{start}HYPERLINK(1)"
    assert row["summary"] == f"'{start}cmd"


def test_safe_cell_leaves_ordinary_text_numbers_and_blanks_alone():
    assert safe_cell("Café – 2024") == "Café – 2024"
    assert safe_cell(12) == "12"
    assert safe_cell(None) == ""
    assert safe_cell(True) == "yes"


def test_it_writes_utf8_with_a_byte_order_mark(client):
    OrganisationFactory(name="Café Ñoño")
    response = client.get("/organisations/?format=csv")
    body = b"".join(response.streaming_content)
    assert body.startswith(b"\xef\xbb\xbf")
    assert "Café Ñoño".encode() in body


def count_download_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        b"".join(response.streaming_content)
    return len(queries)


@pytest.mark.parametrize(
    "url, make",
    [
        ("/researchers/?format=csv", lambda: ResearcherFactory().themes.add(ThemeFactory())),
        ("/datasets/?format=csv", lambda: DatasetFactory().themes.add(ThemeFactory())),
        (
            "/projects/?format=csv",
            lambda: MembershipFactory(role="lead", project=DatasetUsageFactory().project),
        ),
        ("/organisations/?format=csv", lambda: OrganisationFactory()),
        ("/themes/?format=csv", lambda: ThemeFactory(parent=ThemeFactory())),
    ],
)
def test_it_runs_the_same_number_of_queries_for_2_or_20_rows(client, url, make):
    for _ in range(2):
        make()
    few = count_download_queries(client, url)
    for _ in range(18):
        make()
    assert count_download_queries(client, url) == few


def test_the_list_page_links_to_the_download_with_its_filters(client, committed):
    with committed():
        DatasetFactory.create_batch(3, title="Cohort data")
    response = client.get("/datasets/?q=cohort&page=1")
    content = response.content.decode()
    assert "Download these 3 datasets as CSV" in content
    assert 'href="?q=cohort&amp;format=csv"' in content


def test_the_list_page_offers_no_download_when_nothing_matches(client):
    response = client.get("/datasets/?q=nothing")
    assert "as CSV" not in response.content.decode()


def test_a_download_with_a_filter_value_it_cannot_use_is_refused_not_everything(client):
    DatasetFactory(title="Anything")
    response = client.get("/datasets/?access_level=secret&format=csv")
    assert response.status_code == 400
    assert "access_level" in response.content.decode() and "Anything" not in response.content.decode()
