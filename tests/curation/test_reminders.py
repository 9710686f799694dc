"""send_review_reminders: one email per person, not repeated within 30 days, a summary for curators."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from curation.freshness import needs_review
from curation.models import ReviewReminder
from tests.factories import DatasetFactory, OrganisationFactory, ResearcherFactory

from .conftest import age

pytestmark = pytest.mark.django_db


def remind(*args) -> str:
    out = StringIO()
    call_command("send_review_reminders", *args, stdout=out)
    return out.getvalue()


def test_a_published_entry_needs_review_a_year_after_its_last_review():
    assert needs_review(age(DatasetFactory(), days=800, reviewed_days_ago=366))
    assert not needs_review(age(DatasetFactory(), days=800, reviewed_days_ago=300))
    assert needs_review(age(DatasetFactory(), days=366))
    assert not needs_review(age(DatasetFactory(), days=100))
    assert not needs_review(age(DatasetFactory(status="draft"), days=800))


def test_it_sends_one_email_per_person_listing_all_their_entries(edited_organisation, editor, settings):
    settings.SITE_URL = "https://portal.example.org"
    first = age(DatasetFactory(title="Old survey", custodian=edited_organisation), days=400)
    second = age(
        DatasetFactory(title="Older cohort", custodian=edited_organisation), days=900, reviewed_days_ago=500
    )
    age(edited_organisation, days=400)
    age(DatasetFactory(title="Fresh data", custodian=edited_organisation), days=400, reviewed_days_ago=10)

    output = remind()

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["editor@example.org"]
    assert "3 entries" in message.subject
    assert f"https://portal.example.org{first.get_absolute_url()}" in message.body
    assert f"https://portal.example.org{second.get_absolute_url()}" in message.body
    assert "Fresh data" not in message.body
    assert "Reminded 1 people about 3 entries" in output


def test_it_does_not_remind_about_the_same_entry_within_30_days(edited_organisation):
    dataset = age(DatasetFactory(custodian=edited_organisation), days=400)
    remind()
    mail.outbox.clear()

    remind()
    assert mail.outbox == []

    ReviewReminder.objects.update(sent_at=dataset.created + timedelta(days=360))  # 40 days ago
    remind()
    assert len(mail.outbox) == 1


def test_a_dry_run_sends_and_records_nothing(edited_organisation):
    age(DatasetFactory(custodian=edited_organisation), days=400)

    output = remind("--dry-run")

    assert mail.outbox == []
    assert not ReviewReminder.objects.exists()
    assert "Would remind 1 people about 1 entries" in output


def test_entries_nobody_looks_after_are_reported_not_emailed():
    orphan = age(DatasetFactory(title="Nobody's data", custodian=OrganisationFactory()), days=400)

    output = remind()

    assert mail.outbox == []
    assert "nobody looks after them" in output
    assert orphan.get_absolute_url() in output


def test_deactivated_accounts_are_not_reminded_about_what_they_look_after(edited_organisation, former_editor):
    age(DatasetFactory(custodian=edited_organisation), days=400)
    theirs_only = OrganisationFactory()
    theirs_only.editors.add(former_editor)
    left_behind = age(DatasetFactory(title="Left behind", custodian=theirs_only), days=400)
    former_profile = age(ResearcherFactory(name="Former Person", account=former_editor), days=400)

    output = remind()

    assert [message.to for message in mail.outbox] == [["editor@example.org"]]
    assert left_behind.get_absolute_url() in output and former_profile.get_absolute_url() in output


def test_drafts_and_archived_entries_are_not_reminded_about(edited_organisation):
    age(DatasetFactory(custodian=edited_organisation, status="draft"), days=400)
    age(DatasetFactory(custodian=edited_organisation, status="archived"), days=400)

    remind()

    assert mail.outbox == []


def test_its_queries_grow_only_with_the_entries_due(edited_organisation):
    def queries_for(count: int) -> int:
        ReviewReminder.objects.all().delete()
        for _ in range(count):
            age(DatasetFactory(custodian=edited_organisation), days=400)
        with CaptureQueriesContext(connection) as queries:
            remind()
        return len(queries)

    one_more = queries_for(1)
    eleven_more = queries_for(10)

    # One query per entry due (who looks after it, asked of the policy), nothing else per entry.
    assert eleven_more - one_more <= 10
