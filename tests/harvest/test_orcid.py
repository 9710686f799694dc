"""Researchers from ORCID: the record parsed, previewed, then saved, by background jobs; fetched only when
switched on."""

import pytest
from django.urls import reverse
from reversion.models import Version

from harvest import tasks
from harvest.models import PendingHarvest
from harvest.orcid import OrcidProblem, Work, parse_record
from jobs.models import Job
from people.models import Researcher
from tests.factories import OrganisationFactory, ResearcherFactory

from . import samples
from .conftest import text_of

pytestmark = pytest.mark.django_db

ORCID_PAGE = "/harvest/orcid/"


def test_the_parser_keeps_what_the_directory_uses():
    record = parse_record(samples.orcid_record())
    assert record.orcid == samples.ORCID_ID
    assert record.name == "Zoë Ó Súilleabháin-Brontë"
    assert record.biography.startswith("Zoë studies school readiness")
    assert record.keywords == ["school readiness", "early language", "data linkage"]
    assert (record.organisation, record.job_title) == ("University of Leeds", "Associate Professor")
    assert record.works == [
        Work("Early language and school readiness in Bradford", 2022, "10.1136/bmjopen-2021-012345"),
        Work("Élan vital: a report on nursery provision", 2019, ""),
    ]


def test_the_credit_name_is_preferred():
    data = samples.orcid_record()
    data["person"]["name"]["credit-name"] = {"value": "Zoë Brontë"}
    assert parse_record(data).name == "Zoë Brontë"


def test_no_current_employment():
    data = samples.orcid_record()
    data["activities-summary"]["employments"]["affiliation-group"].pop()
    record = parse_record(data)
    assert (record.organisation, record.job_title) == ("", "")


@pytest.mark.parametrize("data", [[], {"orcid-identifier": {}}, {"person": "nobody"}])
def test_an_unexpected_shape(data):
    with pytest.raises(OrcidProblem, match="This is not an ORCID record"):
        parse_record(data)


def test_a_list_where_one_is_expected():
    data = samples.orcid_record()
    data["activities-summary"]["works"]["group"] = {"oops": 1}
    with pytest.raises(OrcidProblem, match="works.group is not a list"):
        parse_record(data)


def paste(client, record=None, orcid: str = samples.ORCID_ID):
    text = record if isinstance(record, str) else samples.as_json(record or samples.orcid_record())
    return client.post(ORCID_PAGE, {"orcid": orcid, "record": text})


def preview(client, record=None, orcid: str = samples.ORCID_ID) -> str:
    response = paste(client, record, orcid)
    assert response.status_code == 302, text_of(response)
    return text_of(client.get(response["Location"]))


def confirm(client):
    pending = PendingHarvest.objects.get()
    return client.post(reverse("harvest:orcid-confirm", args=[pending.pk]))


def test_fetching_is_off_by_default_and_the_form_asks_for_the_record(curator_client):
    page = text_of(curator_client.get(ORCID_PAGE))
    assert "Fetching from ORCID is switched off on this site" in page
    response = curator_client.post(ORCID_PAGE, {"orcid": samples.ORCID_ID, "record": ""})
    assert "Fetching from ORCID is switched off on this site: paste the record." in text_of(response)


def test_a_new_researcher_from_a_pasted_record(curator_client, curator):
    leeds = OrganisationFactory(name="University of Leeds")
    page = preview(curator_client)
    assert "a new researcher, as a draft" in page
    assert "Zoë Ó Súilleabháin-Brontë" in page
    assert "Early language and school readiness in Bradford" in page
    assert "the directory has no list of a researcher’s publications" in page
    assert not Researcher.objects.exists()

    response = confirm(curator_client)

    researcher = Researcher.objects.get()
    # Saved by a background job; its page links to the researcher.
    job = Job.objects.get(kind="orcid-confirm")
    assert response["Location"] == job.get_absolute_url()
    assert (job.state, job.user, job.summary) == ("done", curator, f"Created {researcher} from ORCID.")
    assert job.result["next_url"] == researcher.get_absolute_url()
    assert not PendingHarvest.objects.exists()
    assert (researcher.name, researcher.orcid, researcher.status) == (
        "Zoë Ó Súilleabháin-Brontë",
        samples.ORCID_ID,
        "draft",
    )
    assert researcher.expertise == "school readiness, early language, data linkage"
    assert (researcher.job_title, researcher.organisation, researcher.author) == (
        "Associate Professor",
        leeds,
        curator,
    )
    version = Version.objects.get_for_object(researcher).get()
    assert (version.revision.user, version.revision.comment) == (
        curator,
        f"Harvested from ORCID ({samples.ORCID_ID})",
    )


def test_refreshing_the_researcher_with_that_orcid(curator_client):
    existing = ResearcherFactory(name="Zoe Bronte", orcid=samples.ORCID_ID, biography="Old words.")
    page = preview(curator_client, orcid=f"https://orcid.org/{samples.ORCID_ID}")
    assert f'an update of <a href="{existing.get_absolute_url()}">Zoe Bronte</a>' in page
    assert "Old words." in page
    confirm(curator_client)
    existing.refresh_from_db()
    assert (existing.name, existing.status) == ("Zoë Ó Súilleabháin-Brontë", "published")
    assert existing.organisation is not None  # no "University of Leeds" here: left as it was
    assert Researcher.objects.count() == 1


def test_a_second_refresh_changes_nothing(curator_client):
    preview(curator_client)
    confirm(curator_client)
    page = preview(curator_client)
    assert "already matches the record" in page
    assert "/confirm/" not in page


def test_an_unknown_organisation_is_noted(curator_client):
    assert "No organisation in the directory is called “University of Leeds”" in preview(curator_client)


def test_an_invalid_orcid_id(curator_client):
    response = paste(curator_client, orcid="0000-0002-1825-0098")
    assert "last character does not match the rest" in text_of(response)


def test_a_record_for_another_id(curator_client):
    page = preview(curator_client, samples.orcid_record("0000-0001-5109-3700"))
    assert "This record is for 0000-0001-5109-3700, not 0000-0002-1825-0097." in page
    assert confirm(curator_client).status_code == 400
    assert not Researcher.objects.exists()


def test_pasted_text_that_is_not_json(curator_client):
    assert "This is not valid JSON" in text_of(paste(curator_client, "<html>ORCID</html>"))


def test_pasted_json_that_is_not_a_record(curator_client):
    assert "This is not an ORCID record" in text_of(paste(curator_client, '{"errors": []}'))


def test_people_who_are_not_curators_cannot_confirm(researcher_client, curator):
    pending = PendingHarvest.objects.create(
        user=curator,
        source="orcid",
        source_name=samples.ORCID_ID,
        text=samples.as_json(samples.orcid_record()),
    )
    assert researcher_client.post(reverse("harvest:orcid-confirm", args=[pending.pk])).status_code == 403
    assert not Researcher.objects.exists()


# Fetching, from a local server standing in for ORCID's public API


def fetch(client, orcid: str):
    return client.post(ORCID_PAGE, {"orcid": orcid, "record": ""})


def test_a_record_is_fetched_when_fetching_is_on(curator_client, orcid_server):
    assert "Leave blank to fetch the record from ORCID now." in text_of(curator_client.get(ORCID_PAGE))
    response = fetch(curator_client, samples.ORCID_ID)
    assert response.status_code == 302
    assert orcid_server.requests == [(f"/v3.0/{samples.ORCID_ID}/record", "application/json")]
    assert "Zoë Ó Súilleabháin-Brontë" in text_of(curator_client.get(response["Location"]))


def fetch_fails(client, orcid: str) -> str:
    """The record is fetched by the check job: the page it leads to says why that failed."""
    response = fetch(client, orcid)
    assert response.status_code == 302
    job = Job.objects.get(kind="orcid-preview")
    assert job.state == "failed"
    # The iD waits, so that the job can be run again once ORCID answers.
    assert PendingHarvest.objects.get().text == ""
    return text_of(client.get(response["Location"]))


def test_no_such_orcid_id(curator_client, orcid_server):
    page = fetch_fails(curator_client, "0000-0001-2345-6789")
    assert "ORCID has no record for 0000-0001-2345-6789. Check the iD." in page


def test_orcid_too_slow(curator_client, orcid_server):
    page = fetch_fails(curator_client, "0000-0001-5109-3700")
    assert "ORCID did not answer within 0.5 seconds. Try again later." in page


def test_orcid_answers_with_something_else_than_json(curator_client, orcid_server):
    assert "ORCID’s answer was not JSON" in fetch_fails(curator_client, "0000-0002-9079-593X")


def test_the_check_and_the_import_are_jobs_with_progress(curator_client, curator):
    preview(curator_client)
    check = Job.objects.get(kind="orcid-preview")
    assert (check.state, check.user) == ("done", curator)
    assert check.summary == f"Checked the ORCID record of {samples.ORCID_ID}: a new researcher, as a draft."
    assert check.result["next_url"] == PendingHarvest.objects.get().get_absolute_url()

    confirm(curator_client)
    page = text_of(curator_client.get("/jobs/"))
    assert f"Check the ORCID record of {samples.ORCID_ID}" in page
    assert f"Import the ORCID record of {samples.ORCID_ID}" in page


def test_a_change_since_the_check_saves_nothing_and_fails_the_job_with_the_reason(curator_client):
    preview(curator_client)
    pending = PendingHarvest.objects.get()
    # What the check found no longer holds: the record now names another iD.
    PendingHarvest.objects.filter(pk=pending.pk).update(
        text=samples.as_json(samples.orcid_record("0000-0001-5109-3700"))
    )
    job = tasks.start_orcid_import(pending)
    job.refresh_from_db()
    assert job.state == "failed"
    assert job.failure.startswith("Nothing was saved: the directory changed since the check.")
    assert "This record is for 0000-0001-5109-3700" in job.failure
    assert not Researcher.objects.exists()
    assert PendingHarvest.objects.get().preview == {"action": "problem"}
