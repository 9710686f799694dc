"""Production settings for the portal servers that bench/datasette.py times, never for production.

`BENCH_NO_CACHE=1`: nothing is kept in a cache, to time what a first visitor waits for (over HTTP
nothing can empty a worker's cache between requests, as `benchmark --cold` does in-process).
`BENCH_DEMAND_LOG_URL`: the demand log (search.models.SearchLog, a row for every search served) is
written to that database instead, a scratch one made with `migrate`, so that a directory that must not
change, such as a shared national benchmark database, is only read.
"""

from n8portal.settings import *  # noqa: F403
from n8portal.settings import DATABASE_ROUTERS, DATABASES, dj_database_url, envbool, os

if envbool("BENCH_NO_CACHE", False):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}

if os.environ.get("BENCH_DEMAND_LOG_URL"):
    DATABASES["demand_log"] = dj_database_url.parse(os.environ["BENCH_DEMAND_LOG_URL"])
    DATABASE_ROUTERS = ["bench.routers.DemandLogElsewhere", *DATABASE_ROUTERS]
