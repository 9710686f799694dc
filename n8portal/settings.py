"""Settings for the N8 Children & Young People data portal.

Everything that differs between a laptop and production comes from the
environment; see the table in README.md.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def envbool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in ("1", "true", "yes", "on")


def envint(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    return int(value) if value.strip() else default


def envlist(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = envbool("DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set it in the environment, or set DEBUG=1 for local development."
        )
    SECRET_KEY = "development-only-key-never-use-in-production"

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")

INSTALLED_APPS = [
    # Django's admin, open to curators only (core/admin_site.py).
    "core.apps.PortalAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "corsheaders",
    "axes",
    "csp",
    "django_ratelimit",
    "reversion",
    "core",
    "accounts",
    "areas",
    "organisations",
    "themes",
    "people",
    "datasets",
    "projects",
    "involvement",
    "search",
    "editing",
    "api",
    "feeds",
    "coverage",
    "journey",
    "transfer",
    "harvest",
    "introductions",
    "contact",
    "following",
    "collection",
    "catalogue",
    "django_tasks",
    "django_tasks_db",
    "jobs",
    "curation",
    "demo",
    "bench",
]

MIDDLEWARE = [
    # First, so that its one line per request sees the final answer, errors included.
    "core.middleware.RequestLogMiddleware",
    "core.middleware.ReplicaMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before anything that may answer early, so that every answer of the open data carries its headers.
    "corsheaders.middleware.CorsMiddleware",
    "api.caching.OpenDataCaching",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Turns a rate limit's refusal into the 429 page (RATELIMIT_VIEW).
    "django_ratelimit.middleware.RatelimitMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    # Counts failed sign-ins and refuses them after AXES_FAILURE_LIMIT in a row.
    "axes.backends.AxesStandaloneBackend",
    "accounts.backends.EmailBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = envint("SIGN_IN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 1  # hours before a locked-out address and account may try again
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# Sign-in matches the address whatever its case, so failures are counted whatever its case too.
AXES_USERNAME_CALLABLE = "accounts.backends.lockout_username"
# Its log lines name no address or IP, and mask a secret link's token (the verification link signs in).
AXES_CLIENT_STR_CALLABLE = "accounts.backends.lockout_log_name"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "accounts.views.locked_out"
AXES_CLIENT_IP_CALLABLE = "core.clients.client_ip"

LOGIN_URL = "accounts:sign-in"
LOGIN_REDIRECT_URL = "accounts:account"
LOGOUT_REDIRECT_URL = "home"

# Email: printed to the console in development; SMTP from the environment in production.
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "N8 CYP data portal <no-reply@localhost>")
if DEBUG and not os.environ.get("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
else:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
    EMAIL_PORT = envint("EMAIL_PORT", 587)
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", True)

ROOT_URLCONF = "n8portal.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "n8portal.wsgi.application"

# SQLite by default so that a fresh clone runs with no database server;
# production sets DATABASE_URL=postgres://user:password@host:5432/name.
# Connections are kept between requests, and checked before reuse so that a database restart
# costs a few refused requests rather than a broken worker.
conn_max_age = envint("DATABASE_CONN_MAX_AGE", 60)
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=conn_max_age,
        conn_health_checks=True,
    )
}
# An optional PostgreSQL read replica for visitors' page views (core/routers.py).
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(
        os.environ["DATABASE_REPLICA_URL"],
        conn_max_age=conn_max_age,
        conn_health_checks=True,
    )
    # Tests read the replica's rows from the primary, as replication would have copied them.
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
DATABASE_ROUTERS = ["core.routers.ReplicaRouter"]
# PostgreSQL's JIT compiler is off: it compiles any statement whose estimated cost passes a threshold,
# and a search's facet counts at national scale passed it, spending 0.8 s compiling a statement that
# runs in 0.1 s (docs/performance.md). Every statement the portal runs answers a page.
for database in DATABASES.values():
    if database["ENGINE"] != "django.db.backends.sqlite3":
        options = database.setdefault("OPTIONS", {})
        options["options"] = f"{options.get('options', '')} -c jit=off".strip()
# Background jobs report their progress through a connection of their own, so it is seen at once even
# while the job's work is one open transaction (jobs/runner.py). SQLite allows one writer at a time, so
# there the progress of a job's transaction shows when it commits.
JOBS_PROGRESS_DATABASE = "default"
if DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
    DATABASES["jobs"] = {**DATABASES["default"], "TEST": {"MIRROR": "default"}}
    JOBS_PROGRESS_DATABASE = "jobs"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        # Compressed files with hashed names in production, so they can be cached for ever.
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage",
    },
}

# Cache: Redis when REDIS_URL is set, shared by every process and machine (rate limits, sessions,
# cached pages); otherwise this process's memory, which is enough for one process.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
        }
    }
    # While Redis is down the portal works without it: nothing cached, rate limits open, and
    # sessions read from the database (cached_db), where they are also kept.
    DJANGO_REDIS_IGNORE_EXCEPTIONS = True
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    # Room for the kept pages' cards and filter panels (one entry each, a few kilobytes) beside the kept
    # counts: Django's default of 300 entries would drop counts to keep the cards of a dozen pages.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        }
    }
    # django-ratelimit objects that local memory is not shared; that is the point of running
    # without Redis (one process). `check --deploy` warns about it instead (core/checks.py).
    SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]

# Rate limits per client address, counted in the cache (core/ratelimits.py). "N/m" is N a minute.
RATE_LIMITS = {
    "sign-in": os.environ.get("RATE_LIMIT_SIGN_IN", "10/m"),
    "sign-up": os.environ.get("RATE_LIMIT_SIGN_UP", "5/h"),
    "password-reset": os.environ.get("RATE_LIMIT_PASSWORD_RESET", "10/h"),
    "search": os.environ.get("RATE_LIMIT_SEARCH", "60/m"),
    "autocomplete": os.environ.get("RATE_LIMIT_AUTOCOMPLETE", "300/m"),
    "introductions": os.environ.get("RATE_LIMIT_INTRODUCTIONS", "10/m"),
    "contact": os.environ.get("RATE_LIMIT_CONTACT", "10/m"),
}
RATELIMIT_ENABLE = envbool("RATELIMIT_ENABLE", True)
RATELIMIT_VIEW = "core.ratelimits.too_many_requests"
RATELIMIT_FAIL_OPEN = True
# How many reverse proxies of our own stand in front of the portal (see core/clients.py).
TRUSTED_PROXY_COUNT = envint("TRUSTED_PROXY_COUNT", 0)

# Security headers. Production is HTTPS only, behind a proxy that sets X-Forwarded-Proto.
if not DEBUG:
    SESSION_COOKIE_SECURE = envbool("SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = envbool("SECURE_COOKIES", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 365 * 24 * 3600)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", True)
# Load balancers ask for their health check over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
SESSION_COOKIE_HTTPONLY = True
# No script of ours reads the CSRF cookie: forms carry the token.
CSRF_COOKIE_HTTPONLY = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", "")
# Scripts, styles, images and fonts only from the portal itself: no inline script or style at all.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# In production, one JSON line per request and per error, each with the request's id, so the logs of
# several machines can be read together; in development, the same lines in plain words (core/logs.py).
# Every line goes through the one handler, so there is one format at a time.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "core.middleware.RequestIdFilter"}},
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
        "plain": {"()": "core.logs.PlainFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain" if DEBUG else "json",
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # Django's default handlers would write a second, unformatted copy of its lines (and email
        # errors to ADMINS, which the portal does not set): its lines go to the console above only.
        "django": {"handlers": []},
        # runserver's own line per request repeats ours; only its errors are kept.
        "django.server": {"handlers": [], "propagate": True, "level": "ERROR"},
    },
}
if DEBUG:
    # Start-up banners, written by every process (manage.py commands, runserver's reloader).
    LOGGING["loggers"]["axes"] = {"level": "WARNING"}

# How many entries a list page shows at once.
PAGE_SIZE = 20
# How many datasets each page of the DCAT-AP catalogue (/catalogue/dcat?page=N) describes. A page's graph
# is built in memory, so this bounds a worker's memory and time: 50 keep a page within 200 ms (rdflib
# takes about 150 ms of CPU for 100; CKAN's DCAT endpoint defaults to 100). Harvesters follow the links.
DCAT_PAGE_SIZE = 50
# How many rows a CSV download of a list reads from the database at a time, with their related entries:
# a worker holds about one chunk, however many rows the download has (500 datasets: about 25 MB).
EXPORT_CHUNK_SIZE = 500

# The largest CSV file a curator may import, in bytes (5 MB holds tens of thousands of rows).
IMPORT_MAX_BYTES = envint("IMPORT_MAX_BYTES", 5 * 1024 * 1024)

# Background jobs (jobs/): Django's Tasks API (the django-tasks backport of Django 6's django.tasks) on
# the database, with workers run by `manage.py run_worker` (README, "Background jobs").
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Seconds after which a running job whose worker has not reported is marked failed (its worker died).
JOBS_LOST_AFTER = envint("JOBS_LOST_AFTER", 300)
# A job running longer than this many seconds emails the person who started it when it ends.
JOBS_EMAIL_AFTER = envint("JOBS_EMAIL_AFTER", 60)
# /health/ says a worker is seen when one asked for work within this many seconds.
JOBS_WORKER_SEEN_WITHIN = envint("JOBS_WORKER_SEEN_WITHIN", 60)
# "03:15": the workers queue the daily jobs (reminders, link checks, digests) at that time each day
# (jobs/schedule.py). Empty: cron runs the daily commands instead.
JOBS_DAILY_AT = os.environ.get("JOBS_DAILY_AT", "")
if JOBS_DAILY_AT:
    __import__("datetime").time.fromisoformat(JOBS_DAILY_AT)  # a time it cannot read stops the start

# Creating researchers from ORCID (harvest/): fetching their public record from ORCID's API is off
# unless switched on (a curator pastes the record instead); seconds to wait for ORCID's answer.
ORCID_FETCH_ENABLED = envbool("ORCID_FETCH_ENABLED", False)
ORCID_API_URL = os.environ.get("ORCID_API_URL", "https://pub.orcid.org/v3.0")
ORCID_TIMEOUT = float(os.environ.get("ORCID_TIMEOUT", "10"))
# Connecting an account to its owner's ORCID iD (accounts/orcid.py): the credentials of the portal's
# ORCID public API client, whose redirect URI is <site>/accounts/orcid/done/. Without them the account
# page offers no ORCID button. https://sandbox.orcid.org for testing.
ORCID_CLIENT_ID = os.environ.get("ORCID_CLIENT_ID", "")
ORCID_CLIENT_SECRET = os.environ.get("ORCID_CLIENT_SECRET", "")
ORCID_BASE_URL = os.environ.get("ORCID_BASE_URL", "https://orcid.org").rstrip("/")

# The portal's public address, for links in emails sent by commands (which have no request).
SITE_URL = os.environ.get("SITE_URL", "http://localhost:8000")
# How many introduction requests one email address, or one IP address, may have sent in an hour.
INTRODUCTIONS_PER_HOUR = envint("INTRODUCTIONS_PER_HOUR", 5)
# Messages one address may send the curators through the contact form in an hour.
CONTACT_MESSAGES_PER_HOUR = envint("CONTACT_MESSAGES_PER_HOUR", 5)
# Seconds the link checker waits for a server before calling a link broken.
LINK_CHECK_TIMEOUT = float(os.environ.get("LINK_CHECK_TIMEOUT", "10"))
# The link checker never asks addresses on private networks (it must not probe ours), except in tests.
LINK_CHECK_PRIVATE_NETWORKS = False

# The read-only JSON API (api/): public, so no sign-in and no sessions; JSON in, JSON out.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "N8 Children & Young People data portal API",
    "DESCRIPTION": "Published researchers, datasets, projects, organisations, themes and areas, read-only.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "api.errors.document_errors",
    ],
}

# The read-only API may be read by a page on any site (a browser tool, a notebook), without cookies: the
# answers are the same for everyone. The DCAT catalogue sends its own header (catalogue/views.py).
CORS_URLS_REGEX = r"^/api/v1/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified"]
