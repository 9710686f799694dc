"""Searches anonymous visitors make, kept in the shared cache until the index or the directory changes.

The same popular searches ("mental health", "Bradford", a theme's facet) are asked again and again,
and each costs tens of milliseconds or more at national scale. Their results are the same for every
visitor until an entry is published, archived or edited, so they are kept in Django's cache (Redis
when REDIS_URL is set, shared by every process) under two version numbers:

- the index's (`index_version`), replaced once a reindex or a rebuild has committed, and whenever
  the synonyms change, so results kept from the index before a change are never read again;
- the directory's (core.cached_counts), replaced at once by any save, delete or link change, which
  also covers what a search reads outside the index (areas, for the places typed).

Signed-in people never read or fill the cache: whoever has just published or edited an entry sees
their change in search at once, even where each process keeps a cache of its own.
"""

import hashlib
import json
import secrets

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest
from django.utils import timezone

from core.cached_counts import fresh_for
from core.cached_counts import version as directory_version

from .facets import Chosen, normalised
from .models import SynonymGroup
from .service import Results, search

INDEX_VERSION_KEY = "search:index-version"
# Bump when Results changes shape, so that a new release never reads an old release's results.
FORMAT = 1
# Popular searches come back within minutes; the rest expire (or are pushed out by Redis's LRU).
SECONDS = 10 * 60


def search_for(
    request: HttpRequest,
    text: str,
    facets: Chosen,
    sort: str,
    page: int,
    ages: tuple[int, int | None] | None,
) -> Results:
    """`search.service.search` for this request: from the cache for anonymous visitors, under a key
    that holds every value chosen, whatever order they were given in."""
    facets = normalised(facets)
    if fresh_for(request):
        return search(text, facets, sort, page, ages=ages)
    asked = json.dumps([text, sorted(facets.items()), sort, page, ages], ensure_ascii=False)
    digest = hashlib.sha256(asked.encode()).hexdigest()
    # The day too: a search's results change with the date alone (opportunities closing, projects ending).
    today = timezone.localdate().isoformat()
    key = f"search:{FORMAT}:{index_version()}:{directory_version()}:{today}:{digest}"
    results = cache.get(key)
    if results is None:
        results = search(text, facets, sort, page, ages=ages)
        cache.set(key, results, SECONDS)
    return results


def index_version() -> int:
    value = cache.get(INDEX_VERSION_KEY)
    if value is None:
        cache.add(INDEX_VERSION_KEY, secrets.randbits(62), timeout=None)
        value = cache.get(INDEX_VERSION_KEY, 0)
    return value


def forget_searches() -> None:
    """Makes every kept search stale once the current transaction (the index's writes) has committed."""
    transaction.on_commit(_new_version)


def _new_version() -> None:
    cache.set(INDEX_VERSION_KEY, secrets.randbits(62), timeout=None)


def synonyms_changed(sender, **kwargs) -> None:
    forget_searches()


def connect() -> None:
    post_save.connect(synonyms_changed, sender=SynonymGroup, dispatch_uid="search-cache-synonyms-saved")
    post_delete.connect(synonyms_changed, sender=SynonymGroup, dispatch_uid="search-cache-synonyms-deleted")
