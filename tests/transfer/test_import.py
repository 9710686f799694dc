"""Importing entries from CSV: preview, then all or nothing, by curators only."""

import io

import pytest
from django.test import Client
from django.urls import reverse
from reversion.models import Version

from areas.models import AreaCodeAlias
from datasets.models import Dataset
from organisations.models import Organisation
from people.models import Researcher
from projects.models import Membership, Project
from search import indexing
from search.models import SearchEntry
from tests.factories import OrganisationFactory, ProjectFactory, ResearcherFactory, ThemeFactory
from transfer.models import PendingImport

pytestmark = pytest.mark.django_db

UPLOAD = "/import/"
VALID_ORCID = "0000-0002-1825-0097"


def csv_file(text: str | bytes, name: str = "entries.csv") -> io.BytesIO:
    upload = io.BytesIO(text.encode() if isinstance(text, str) else text)
    upload.name = name
    return upload


def upload(client, kind: str, text: str | bytes, name: str = "entries.csv"):
    return client.post(UPLOAD, {"kind": kind, "file": csv_file(text, name)})


def preview(client, kind: str, text: str | bytes, name: str = "entries.csv"):
    """Uploads the file and follows to its preview."""
    response = upload(client, kind, text, name)
    assert response.status_code == 302, response.content.decode()
    return client.get(response["Location"])


def confirm(client):
    pending = PendingImport.objects.get()
    return client.post(reverse("transfer:confirm", args=[pending.pk]))


def test_a_curator_previews_then_imports(curator_client, curator):
    OrganisationFactory(name="Existing", slug="existing", short_name="Old")
    text = "slug,name,short_name,kind,status\nexisting,Existing,New,university,\n,Brand new,BN,Charity,published\n"
    page = preview(curator_client, "organisations", text).content.decode()
    assert "1 to create and 1 to update" in page
    assert Organisation.objects.get(slug="existing").short_name == "Old"
    assert not Organisation.objects.filter(name="Brand new").exists()

    response = confirm(curator_client)

    assert response.status_code == 302
    assert Organisation.objects.get(slug="existing").short_name == "New"
    created = Organisation.objects.get(name="Brand new")
    assert (created.kind, created.status, created.author) == ("charity", "published", curator)
    assert not PendingImport.objects.exists()
    assert "1 created and 1 updated" in curator_client.get(response["Location"]).content.decode()


def test_new_entries_are_drafts_unless_the_file_says_otherwise(curator_client):
    preview(curator_client, "organisations", "name\nA draft\n")
    confirm(curator_client)
    assert Organisation.objects.get(name="A draft").status == "draft"


def test_each_imported_row_is_a_version_with_who_and_which_file(curator_client, curator):
    preview(curator_client, "organisations", "name\nVersioned\n", name="june.csv")
    confirm(curator_client)
    version = Version.objects.get_for_object(Organisation.objects.get(name="Versioned")).get()
    assert version.revision.user == curator
    assert version.revision.comment == "Imported from june.csv"


def test_a_version_holds_the_entrys_links_and_a_projects_members(curator_client):
    theme = ThemeFactory(slug="theme-a")
    lead = ResearcherFactory(slug="lead")
    text = "title,summary,themes,lead\nLinked,About it,theme-a,lead\n"
    preview(curator_client, "projects", text)
    confirm(curator_client)
    project = Project.objects.get(title="Linked")
    version = Version.objects.get_for_object(project).get()
    assert version.field_dict["themes"] == [theme.pk]
    assert version.field_dict["partner_organisations"] == []
    membership = Membership.objects.get(project=project, researcher=lead, role="lead")
    assert Version.objects.get_for_object(membership).get().revision == version.revision


def test_researchers_with_relations_by_name_or_slug(curator_client):
    organisation = OrganisationFactory(name="University of Leeds", slug="leeds")
    ThemeFactory(name="Imported theme A", slug="theme-a")
    ThemeFactory(name="Imported theme B")
    text = (
        "name,organisation,affiliations,themes,orcid,show_email,email\n"
        f"Ada,University of Leeds,leeds,theme-a; Imported theme B,https://orcid.org/{VALID_ORCID},yes,a@example.org\n"
    )
    preview(curator_client, "researchers", text)
    confirm(curator_client)
    ada = Researcher.objects.get(name="Ada")
    assert ada.organisation == organisation
    assert list(ada.affiliations.all()) == [organisation]
    assert sorted(ada.themes.values_list("name", flat=True)) == ["Imported theme A", "Imported theme B"]
    assert ada.orcid == VALID_ORCID
    assert ada.show_email is True


def test_datasets_with_areas_by_current_or_retired_code(curator_client, leeds):
    alias = AreaCodeAlias.objects.first()
    text = (
        "title,summary,source_kind,access_level,areas,custodian\n"
        f"Linked data,About children,Cohort study,open,{leeds.code}; {alias.old_code},\n"
    )
    preview(curator_client, "datasets", text)
    confirm(curator_client)
    dataset = Dataset.objects.get(title="Linked data")
    assert leeds in dataset.areas.all()
    assert alias.area in dataset.areas.all()
    assert dataset.source_kind == "cohort"


def test_a_project_gets_its_lead_by_slug_or_orcid(curator_client):
    old_lead = ResearcherFactory(slug="old")
    new_lead = ResearcherFactory(orcid=VALID_ORCID)
    project = ProjectFactory(slug="p")
    Membership.objects.create(project=project, researcher=old_lead, role="lead")
    preview(curator_client, "projects", f"slug,title,summary,lead\np,P,S,{VALID_ORCID}\n")
    confirm(curator_client)
    roles = dict(Membership.objects.filter(project=project).values_list("researcher__slug", "role"))
    assert roles == {"old": "co-investigator", new_lead.slug: "lead"}


def test_the_search_index_is_updated_once_after_the_import(
    curator_client, django_capture_on_commit_callbacks, monkeypatch
):
    preview(curator_client, "organisations", "name,status\nIndexed org,published\nDraft org,draft\n")
    reindexed = []
    real_reindex = indexing.reindex
    monkeypatch.setattr(
        indexing,
        "reindex",
        lambda model, ids: reindexed.append((model, sorted(ids))) or real_reindex(model, ids),
    )
    with django_capture_on_commit_callbacks(execute=True):
        confirm(curator_client)
    assert list(SearchEntry.objects.filter(kind="organisation").values_list("title", flat=True)) == [
        "Indexed org"
    ]
    # Once for the import's entries together, after the commit; not once per row.
    imported = sorted(
        Organisation.objects.filter(name__in=["Indexed org", "Draft org"]).values_list("pk", flat=True)
    )
    assert reindexed == [(Organisation, imported)]


def test_a_template_file_has_the_header_row_only(curator_client):
    response = curator_client.get("/import/template/datasets.csv")
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    assert response["Content-Disposition"] == 'attachment; filename="datasets-import-template.csv"'
    assert body.splitlines() == [
        "slug,title,summary,source_kind,access_level,custodian,themes,description,keywords,population,min_age,"
        "max_age,includes_antenatal,coverage_scope,areas,identifiers,start_year,end_year,is_ongoing,"
        "unit_of_observation,access_service,trusted_research_environment,access_decided_by,data_controller,"
        "data_processor,jurisdiction,who_may_apply,access_conditions,cost,cost_note,access_instructions,"
        "access_url,weeks_to_access_from,weeks_to_access_to,access_confirmed_on,access_confirmed_by,"
        "access_steps,observations,licence,formats,conforms_to,update_frequency,landing_page,doi,distributions,"
        "language,issued,modified,contact_name,contact_email,status"
    ]


def test_the_page_documents_the_columns_and_offers_templates(curator_client):
    page = curator_client.get(UPLOAD).content.decode()
    for kind in ("organisations", "researchers", "datasets", "projects"):
        assert f'href="/import/template/{kind}.csv"' in page
    assert "<code>ror_id</code>" in page
    assert "<code>access_steps</code>" in page and "<code>observations</code>" in page


# Who may import


def test_visitors_are_sent_to_sign_in(client):
    response = client.get(UPLOAD)
    assert response.status_code == 302
    assert "/accounts/" in response["Location"]


def test_people_who_are_not_curators_are_refused(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("someone", "s@example.org", "pw"))
    assert client.get(UPLOAD).status_code == 403
    assert upload(client, "organisations", "name\nSneaky\n").status_code == 403
    assert not Organisation.objects.filter(name="Sneaky").exists()


def test_a_post_without_the_csrf_token_is_refused(curator):
    client = Client(enforce_csrf_checks=True)
    client.force_login(curator)
    assert upload(client, "organisations", "name\nForged\n").status_code == 403
    pending = PendingImport.objects.create(
        user=curator, kind="organisations", file_name="f.csv", text="name\nForged\n", encoding="UTF-8"
    )
    assert client.post(reverse("transfer:confirm", args=[pending.pk])).status_code == 403
    assert not Organisation.objects.filter(name="Forged").exists()


def test_someone_elses_or_a_missing_import_is_not_found(curator_client, django_user_model):
    other = django_user_model.objects.create_superuser("other", "o@example.org", "pw")
    theirs = PendingImport.objects.create(
        user=other, kind="organisations", file_name="f.csv", text="name\nTheirs\n", encoding="UTF-8"
    )
    assert curator_client.get(reverse("transfer:preview", args=[theirs.pk])).status_code == 404
    assert curator_client.post(reverse("transfer:confirm", args=[theirs.pk])).status_code == 404
    assert curator_client.post(reverse("transfer:confirm", args=[theirs.pk + 1])).status_code == 404
    assert not Organisation.objects.filter(name="Theirs").exists()


def test_curators_see_the_import_link_on_their_account_page(curator_client, client, django_user_model):
    assert reverse("transfer:upload") in curator_client.get("/accounts/").content.decode()
    client.force_login(django_user_model.objects.create_user("someone", "s@example.org", "pw"))
    assert reverse("transfer:upload") not in client.get("/accounts/").content.decode()


def test_an_import_is_counted_at_once_by_the_pages_visitors_see(curator_client):
    # A visitor's count of organisations is kept; the import's bulk writes send no save signals.
    visitor = Client()
    before = visitor.get("/organisations/").context["page"].paginator.count
    preview(curator_client, "organisations", "name,status\nNew charity,published\n")
    confirm(curator_client)
    assert visitor.get("/organisations/").context["page"].paginator.count == before + 1
