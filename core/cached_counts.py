"""Counts of published entries that pages show, kept in Django's cache until the directory changes.

A count over the whole directory (entries per theme, datasets per area, the home page's totals) costs
tens of milliseconds at national scale and is the same for every visitor until something is
published, archived or edited. `kept()` files each under a version number, which any save or delete
of a row in the directory's apps, and any change to the links between entries, replaces: at once,
and again when the transaction commits (so counts someone made meanwhile from the rows before the
change are never read). The next request counts afresh.

Signed-in people always get counts straight from the database (`fresh_for`): whoever has just
published or archived an entry sees it counted, even where each process keeps a cache of its own
(no REDIS_URL) and their next request reaches another process.

Bulk changes send no signals (QuerySet.update, bulk_create): call `forget_counts()` after them.
"""

import secrets
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest

# The apps whose rows the kept counts are made from: entries (opportunities to get involved included),
# the links between them, and areas.
DIRECTORY_APPS = frozenset(
    {"areas", "organisations", "themes", "people", "datasets", "projects", "collection", "involvement"}
)
VERSION_KEY = "counts:version"
# Bump when a kept value changes shape, so that a new release never reads an old release's values.
FORMAT = 1
# A safety net only: every change forgets the counts at once.
SECONDS = 60 * 60

T = TypeVar("T")


def kept(name: str, count: Callable[[], T], *, fresh: bool = False) -> T:
    """What `count()` returns, from the cache while nothing in the directory has changed.

    `name` says what is counted and for which filters. With `fresh`, counts from the database and
    keeps nothing. Keep plain values (numbers, strings, lists, dicts), which any later release can read.
    """
    if fresh:
        return count()
    key = f"counts:{FORMAT}:{version()}:{name}"
    value = cache.get(key)
    if value is None:
        value = count()
        cache.set(key, value, SECONDS)
    return value


def fresh_for(request: HttpRequest) -> bool:
    """Whether `request` must see counts straight from the database: anyone signed in does."""
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


def version() -> int:
    value = cache.get(VERSION_KEY)
    if value is None:
        # Never expires, and is never reused: a count kept under an old number is never mistaken for current.
        cache.add(VERSION_KEY, secrets.randbits(62), timeout=None)
        value = cache.get(VERSION_KEY, 0)
    return value


def forget_counts() -> None:
    """Makes every kept count stale: now, and again when the current transaction commits."""
    _new_version()
    transaction.on_commit(_new_version)


def _new_version() -> None:
    cache.set(VERSION_KEY, secrets.randbits(62), timeout=None)


def row_changed(sender, raw: bool = False, **kwargs) -> None:
    if sender._meta.app_label in DIRECTORY_APPS:
        forget_counts()


def links_changed(sender, action: str, **kwargs) -> None:
    if action.startswith("post_") and sender._meta.app_label in DIRECTORY_APPS:
        forget_counts()


def connect() -> None:
    # Every model, filtered by app, so that a model added to one of these apps is never forgotten.
    post_save.connect(row_changed, dispatch_uid="cached-counts-saved")
    post_delete.connect(row_changed, dispatch_uid="cached-counts-deleted")
    m2m_changed.connect(links_changed, dispatch_uid="cached-counts-links")
