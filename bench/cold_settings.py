"""Production settings with nothing kept in a cache, for timing what a first visitor waits for.

`bench/datasette.py` serves the portal with these beside the usual settings: over HTTP nothing can
empty a worker's cache between requests, as `benchmark --cold` does in-process. Never for production.
"""

from n8portal.settings import *  # noqa: F403

CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
