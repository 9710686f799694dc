"""On the real database queue, the sign-up email is sent by the worker, not by the request."""

import re

import pytest
from django.core import mail
from django.core.management import call_command


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_worker_sends_the_verification_email_queued_by_the_sign_up(client, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    data = {"name": "New Person", "email": "new.person@example.org", "password": "a-long-enough-password"}
    assert client.post("/accounts/sign-up/", data).status_code == 302
    assert mail.outbox == []

    call_command("db_worker", batch=True, queue_name="*", no_startup_delay=True, verbosity=0)

    [message] = mail.outbox
    assert message.to == ["new.person@example.org"]
    link = re.search(r"http://testserver(/accounts/verify/\S+/)", message.body).group(1)
    assert client.post(link)["Location"] == "/accounts/"
