"""What arrives malformed at the transport level gets a refusal, never a file's content or a server error:
path traversal, bodies larger than Django reads, bytes that are not UTF-8, broken percent-encoding,
and line breaks aimed at the headers of the introduction emails."""

from email import message_from_bytes
from email.utils import getaddresses

import pytest
from django.conf import settings
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from introductions.models import IntroductionRequest
from transfer.models import PendingImport

from .inputs import row_counts

pytestmark = pytest.mark.django_db

TRAVERSALS = [
    "/static/../settings.py",
    "/static/../../n8portal/settings.py",
    "/static/%2e%2e/n8portal/settings.py",
    "/static/%2e%2e%2fn8portal%2fsettings.py",
    "/static/..%2f..%2fn8portal/settings.py",
    "/static/..%5c..%5cn8portal%5csettings.py",
    "/static/%252e%252e%252fsettings.py",
    "/static/....//....//etc/passwd",
    "/static/%c0%ae%c0%ae/settings.py",
    "/datasets/%00/",
    "/datasets/known%00/",
    "/datasets/..%2f..%2fsettings.py/",
    "/researchers/%2e%2e/",
    "/areas/..%2f..%2fetc%2fpasswd/",
    "/areas/%00/",
    "/feeds/themes/..%2f..%2fsettings.atom",
    "/import/template/..%2fsettings.csv",
    "/following/unsubscribe/..%2f..%2f/",
    "/..%2f..%2fetc/passwd",
]
SECRETS = [b"SECRET_KEY", b"DATABASES", b"root:x:0:0"]


@pytest.mark.parametrize("path", TRAVERSALS)
def test_paths_that_climb_out_are_not_found_and_show_no_file(client, directory, path):
    response = client.get(path)
    assert response.status_code in (301, 400, 404), response.status_code
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert not any(secret in body for secret in SECRETS)


def test_a_body_larger_than_django_reads_is_refused_with_400(client, directory):
    size = settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1
    body = "message=" + "a" * size
    before = row_counts()
    response = client.post(
        "/introductions/researchers/known/", body, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 400
    assert row_counts() == before


def test_a_50_megabyte_import_is_refused_with_a_clear_message(curator_client, directory):
    upload = SimpleUploadedFile("huge.csv", b"name\n" + b"x" * (50 * 1024 * 1024))
    response = curator_client.post(reverse("transfer:upload"), {"kind": "organisations", "file": upload})
    assert response.status_code == 400
    assert "the most an import takes is 5.0" in response.content.decode()
    assert not PendingImport.objects.exists()


def test_latin_1_bytes_in_a_query_string_do_not_break_any_list(client, directory):
    for path in [
        "/datasets/",
        "/researchers/",
        "/search/",
        "/coverage/",
        "/api/v1/datasets/",
        "/api/v1/search/",
    ]:
        response = client.generic("GET", path, QUERY_STRING="q=caf\xe9&theme=%E9%FF&area=%C3%28")
        assert response.status_code in (200, 400), (path, response.status_code)


def test_invalid_percent_encoding_is_taken_as_text(client, directory):
    for query in ["q=%", "q=%zz", "q=%E2%82", "q=100%25%", "%=%", "q=%u0041", "theme=%c0%af"]:
        response = client.get("/search/?" + query)
        assert response.status_code == 200, query


def test_a_form_body_in_latin_1_is_refused_or_read_without_a_server_error(client, directory):
    before = row_counts()
    response = client.post(
        "/introductions/researchers/known/",
        "name=Jos%E9&email=jos%E9@example.org&message=Bonjour%FF",
        content_type="application/x-www-form-urlencoded; charset=latin-1",
    )
    assert response.status_code in (200, 400)
    raw = client.post(
        "/introductions/researchers/known/",
        b"name=Jos\xe9&email=a@example.org&message=Caf\xe9\xff",
        content_type="application/x-www-form-urlencoded",
    )
    assert raw.status_code in (200, 400)
    if raw.status_code == 400:
        assert row_counts() == before


def test_a_form_body_with_an_unknown_charset_is_read_without_a_server_error(client, directory):
    before = row_counts()
    response = client.generic(
        "POST",
        "/introductions/researchers/known/",
        b"name=Ada&email=%FF",
        content_type="application/x-www-form-urlencoded; charset=no-such-charset",
    )
    assert response.status_code in (200, 400)
    assert row_counts() == before


INJECTIONS = [
    "Ada\r\nBcc: victim@example.org",
    "Ada\nBcc: victim@example.org",
    "Ada\rBcc: victim@example.org",
    "Ada\u2028Bcc: victim@example.org",
    "Ada\u0085Bcc: victim@example.org",
    "Ada%0d%0aBcc: victim@example.org",
    "=?utf-8?q?Ada=0D=0ABcc:_victim@example.org?=",
]
REQUEST = {
    "name": "Ada Requester",
    "organisation": "Leeds City Council",
    "email": "ada@example.com",
    "message": "Hello.\r\nBcc: not-a-header@example.org\r\n\r\nA message may have lines.",
}


def sent_headers() -> list[tuple[str, str]]:
    """The headers of every email sent, as a mail server reads them from the wire."""
    return [list(message_from_bytes(email.message().as_bytes()).items()) for email in mail.outbox]


@pytest.mark.parametrize("field", ["name", "organisation", "email"])
@pytest.mark.parametrize("injection", INJECTIONS)
def test_line_breaks_never_add_headers_to_an_introduction_email(client, directory, field, injection):
    value = injection.replace("Ada", "ada@example.com") if field == "email" else injection
    response = client.post("/introductions/researchers/known/", {**REQUEST, field: value})
    assert response.status_code in (200, 400)
    for headers in sent_headers():
        names = [name.lower() for name, _ in headers]
        assert "bcc" not in names and "cc" not in names
        assert sorted(set(names)) == sorted(names), "no header appears twice"
        replies = getaddresses([value for name, value in headers if name == "Reply-To"])
        assert [address for _, address in replies] == ["ada@example.com"]
    assert all(email.recipients() == ["known@example.org"] for email in mail.outbox)
    if response.status_code == 400:
        assert not mail.outbox
        assert "without line breaks" in response.content.decode() or field == "email"
        assert not IntroductionRequest.objects.exists()


def test_a_line_break_in_the_message_stays_in_the_body(client, directory):
    response = client.post("/introductions/researchers/known/", REQUEST)
    assert response.status_code == 200
    [headers] = sent_headers()
    assert "bcc" not in [name.lower() for name, _ in headers]
    assert "Bcc: not-a-header@example.org" in mail.outbox[0].body


def test_an_entry_title_with_line_breaks_stays_on_the_subject_line(client, directory):
    directory["dataset"].title = "Known\r\nBcc: victim@example.org\r\n"
    directory["dataset"].contact_email = "team@example.org"
    directory["dataset"].save()
    response = client.post("/introductions/datasets/known/", {**REQUEST, "name": "Ada"})
    assert response.status_code == 200
    [headers] = sent_headers()
    assert "bcc" not in [name.lower() for name, _ in headers]
    assert "\n" not in mail.outbox[0].subject


def test_a_robot_filling_the_hidden_field_with_a_nul_byte_is_logged_without_a_server_error(client, directory):
    response = client.post(
        "/introductions/researchers/known/",
        {"website": "spam\x00", "name": "Bot\x00", "email": "bot\x00@example.org", "message": "\x00"},
    )
    assert response.status_code == 200
    assert not mail.outbox
    assert IntroductionRequest.objects.get().outcome == IntroductionRequest.Outcome.HONEYPOT
