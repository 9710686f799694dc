"""A password reset request never looks the address up: the email is sent by a worker afterwards."""

from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext


def test_known_and_unknown_addresses_cost_the_request_the_same(client, django_user_model, queued):
    django_user_model.objects.create_user("ada", "ada@example.org", "a-long-enough-password")
    answers = []
    for email in ["ada@example.org", "nobody@example.org"]:
        with CaptureQueriesContext(connection) as queries:
            response = client.post("/accounts/password-reset/", {"email": email})
        answers.append((response.status_code, response["Location"], len(queries)))
        assert not any(email in query["sql"] for query in queries.captured_queries)
    assert answers[0] == answers[1]
    assert mail.outbox == [] and len(queued) == 2

    queued.run()
    [message] = mail.outbox
    assert message.to == ["ada@example.org"]
    assert "http://testserver/accounts/password-reset/" in message.body
