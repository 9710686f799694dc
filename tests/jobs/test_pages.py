"""The job list and a job's page: who may see them, the JSON the progress bar polls, cancelling."""

import pytest
from django.urls import reverse
from django.utils import timezone

from jobs.models import Job, this_process

pytestmark = pytest.mark.django_db


@pytest.fixture
def job(curator):
    return Job.objects.create(
        user=curator,
        kind="import-confirm",
        label="Import big.csv",
        state="running",
        done=5,
        total=20,
        worker=this_process(),
        heartbeat=timezone.now(),
    )


def test_curators_see_the_job_list_with_progress(client, curator, job):
    client.force_login(curator)
    page = client.get(reverse("jobs:list")).content.decode()
    assert "Import big.csv" in page and 'value="25"' in page and "js/jobs.js" in page


def test_the_status_json_is_what_the_bar_shows(client, curator, job):
    client.force_login(curator)
    data = client.get(reverse("jobs:status", args=[job.pk])).json()
    assert (data["state"], data["done"], data["total"], data["percent"]) == ("running", 5, 20, 25)


def test_others_cannot_see_or_cancel_a_job(client, django_user_model, job):
    client.force_login(
        django_user_model.objects.create_user("someone@example.org", "someone@example.org", "pw")
    )
    assert client.get(reverse("jobs:list")).status_code == 403
    assert client.get(reverse("jobs:detail", args=[job.pk])).status_code == 404
    assert client.get(reverse("jobs:status", args=[job.pk])).status_code == 404
    assert client.post(reverse("jobs:cancel", args=[job.pk])).status_code == 404
    assert not Job.objects.get(pk=job.pk).cancel_requested


def test_visitors_are_sent_to_sign_in(client, job):
    assert client.get(reverse("jobs:detail", args=[job.pk])).status_code == 302
    assert client.get(reverse("jobs:list")).status_code == 302


def test_cancelling_a_running_job_asks_it_to_stop(client, curator, job):
    client.force_login(curator)
    client.post(reverse("jobs:cancel", args=[job.pk]))
    assert Job.objects.get(pk=job.pk).cancel_requested
    assert "Cancelling" in client.get(reverse("jobs:detail", args=[job.pk])).content.decode()


def test_a_long_job_emails_who_started_it_when_it_ends(curator, mailoutbox, settings):
    from jobs import runner

    settings.JOBS_EMAIL_AFTER = 0
    job = Job.objects.create(user=curator, kind="x", label="Import big.csv")
    runner.run(job.pk, lambda progress: "Imported 3.")
    assert mailoutbox[0].to == [curator.email]
    assert "Import big.csv" in mailoutbox[0].subject and "Imported 3." in mailoutbox[0].body


def test_page_queries_do_not_grow_with_jobs(client, curator, django_assert_max_num_queries):
    Job.objects.bulk_create(Job(user=curator, kind="x", label=f"Job {n}") for n in range(30))
    client.force_login(curator)
    with django_assert_max_num_queries(8):
        client.get(reverse("jobs:list"))


@pytest.mark.parametrize("kind", ["check-links", "review-reminders", "digests", "rebuild-search-index"])
def test_a_curator_starts_a_daily_job_from_the_list(client, curator, kind):
    client.force_login(curator)
    assert reverse("jobs:start", args=[kind]) in client.get(reverse("jobs:list")).content.decode()
    response = client.post(reverse("jobs:start", args=[kind]))
    job = Job.objects.get(kind=kind)
    assert response["Location"] == job.get_absolute_url()
    assert job.state == Job.State.DONE, job.failure
    assert job.summary


def test_only_curators_start_jobs(client, django_user_model):
    client.force_login(
        django_user_model.objects.create_user("someone@example.org", "someone@example.org", "pw")
    )
    assert client.post(reverse("jobs:start", args=["digests"])).status_code == 403
    assert not Job.objects.exists()
