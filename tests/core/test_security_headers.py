"""Secure by default: production settings pass Django's deployment checks, and every answer carries
the security headers, a script policy without inline code, and cookies scripts cannot read."""

import os
import secrets
import subprocess
import sys

from tests.factories import UserFactory
from tests.production.servers import NOT_FOR_PRODUCTION, PROJECT_DIR


def deploy_check(**environment: str) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key not in NOT_FOR_PRODUCTION}
    env.update(
        SECRET_KEY=secrets.token_urlsafe(60),
        ALLOWED_HOSTS="portal.example.org",
        DJANGO_SETTINGS_MODULE="n8portal.settings",
        **environment,
    )
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
    )


def test_the_deployment_check_reports_nothing_with_production_settings():
    result = deploy_check(REDIS_URL="redis://127.0.0.1:6379/0")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_the_deployment_check_asks_for_a_shared_cache():
    result = deploy_check()
    assert result.returncode != 0
    assert "portal.W001" in result.stdout + result.stderr


def test_pages_carry_the_security_headers(client, db):
    response = client.get("/", secure=True)
    assert response.status_code == 200
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"


def test_the_content_security_policy_allows_no_inline_code(client, db):
    policy = client.get("/").headers["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


def test_plain_http_is_sent_to_https_except_the_health_check(client, db, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/datasets/").status_code == 301
    assert client.get("/datasets/")["Location"].startswith("https://")
    assert client.get("/health/").status_code == 200


def test_session_and_csrf_cookies_are_secure_and_hidden_from_scripts(client, db):
    user = UserFactory(email="ada@example.org")
    user.set_password("a long enough password")
    user.save()
    client.get("/accounts/sign-in/")
    client.post("/accounts/sign-in/", {"username": "ada@example.org", "password": "a long enough password"})
    for name in ("sessionid", "csrftoken"):
        cookie = client.cookies[name]
        assert cookie["secure"] is True, name
        assert cookie["httponly"] is True, name
