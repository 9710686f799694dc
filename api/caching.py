"""Conditional GET and caching for the open data: the API and the DCAT catalogue.

Each successful GET gets an ETag (a digest of the answer), a Last-Modified date and Cache-Control, and a
client that sends back If-None-Match or If-Modified-Since gets 304 Not Modified when nothing changed. The
date is when this process first answered after the directory last changed (core.cached_counts forgets
its kept values on every change), so it never runs behind the data; it may be later than the change.
"""

from django.middleware.http import ConditionalGetMiddleware
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.http import http_date

from core.cached_counts import kept

OPEN_DATA_PREFIXES = ("/api/v1/", "/catalogue/")
# Long enough to spare a harvester's repeat visits, short enough that an edit shows within minutes.
MAX_AGE = 300


def directory_changed() -> str:
    return kept("open-data:last-modified", lambda: http_date(timezone.now().timestamp()))


class OpenDataCaching(ConditionalGetMiddleware):
    def process_response(self, request, response):
        if not self.applies(request, response):
            return response
        if not response.has_header("Last-Modified"):
            response["Last-Modified"] = directory_changed()
        if not response.has_header("Cache-Control"):
            patch_cache_control(response, public=True, max_age=MAX_AGE)
        return super().process_response(request, response)

    @staticmethod
    def applies(request, response) -> bool:
        return (
            request.method in ("GET", "HEAD")
            and request.path.startswith(OPEN_DATA_PREFIXES)
            and response.status_code == 200
            and not response.streaming
        )
