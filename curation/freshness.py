"""Whether entries are still current: a published entry needs review a year after it was last
confirmed correct (or, never confirmed, a year after it was created)."""

from datetime import datetime, timedelta

from django.db.models import Model, Q, QuerySet
from django.db.models.functions import Coalesce
from django.utils import timezone

from core.models import Entry

REVIEW_EVERY = timedelta(days=365)
# A reminder about an entry is not repeated sooner than this.
REMIND_AGAIN_AFTER = timedelta(days=30)


def needs_review_condition(now: datetime | None = None) -> Q:
    cutoff = (now or timezone.now()) - REVIEW_EVERY
    stale = Q(last_reviewed__lt=cutoff) | Q(last_reviewed__isnull=True, created__lt=cutoff)
    return Q(status=Entry.Status.PUBLISHED) & stale


def needing_review(entries: QuerySet, now: datetime | None = None) -> QuerySet:
    """The entries of `entries` that need review, with `reviewed_or_created`, oldest first."""
    return (
        entries.filter(needs_review_condition(now))
        .annotate(reviewed_or_created=Coalesce("last_reviewed", "created"))
        .order_by("reviewed_or_created", "pk")
    )


def needs_review(entry: Model, now: datetime | None = None) -> bool:
    """The same test as `needs_review_condition`, for one entry in hand (no query)."""
    if entry.status != Entry.Status.PUBLISHED:
        return False
    cutoff = (now or timezone.now()) - REVIEW_EVERY
    return (entry.last_reviewed or entry.created) < cutoff
