"""Settings for the test suite: the portal's own settings, made fast and self-contained."""

import os
import secrets

os.environ.setdefault("SECRET_KEY", "tests-only-not-a-secret")
# Tests keep their cache in memory: they empty it before each test, which must never reach a real Redis.
os.environ["REDIS_URL"] = ""

from n8portal.settings import *  # noqa: E402,F403
from n8portal.settings import DATABASES  # noqa: E402

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Tests do not run collectstatic, so static files keep their plain names.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
ALLOWED_HOSTS = ["*"]
# Static files are served from the source folders, as in development.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
# The test client speaks plain HTTP.
SECURE_SSL_REDIRECT = False

# Each run has a test database of its own, named after the process and a random token, so two runs on one
# server (two engineers, or CI beside a developer) never create, use or drop each other's; the unique part
# is kept within PostgreSQL's 63 characters. SQLite's test database lives in memory and goes with the
# process, so it needs no name.
if DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("TEST", {})["NAME"] = (
        f"test_{DATABASES['default']['NAME'][:40]}_{os.getpid()}_{secrets.token_hex(3)}"
    )

# Background jobs run at once, inside the request or command that queues them, and report through the
# test's own connection; tests/jobs/ starts a real worker process where that matters.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
JOBS_PROGRESS_DATABASE = "default"
DATABASES.pop("jobs", None)
