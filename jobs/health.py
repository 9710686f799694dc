"""What /health/ says about background work: whether a worker asked for work recently, and how long
the oldest job still waiting has waited. Neither makes the node unhealthy: pages are served without
workers."""

from django.conf import settings
from django.db import DatabaseError
from django.utils import timezone

from .models import Job, WorkerBeat


def queue_health() -> dict:
    try:
        beat = WorkerBeat.objects.order_by("-last_seen").values_list("last_seen", flat=True).first()
        oldest = (
            Job.objects.filter(state=Job.State.QUEUED)
            .order_by("created")
            .values_list("created", flat=True)
            .first()
        )
    except DatabaseError:
        return {"worker_seen": None, "worker_last_seen_seconds": None, "oldest_queued_job_seconds": None}
    now = timezone.now()
    age = round((now - beat).total_seconds()) if beat else None
    return {
        "worker_seen": age is not None and age <= settings.JOBS_WORKER_SEEN_WITHIN,
        "worker_last_seen_seconds": age,
        "oldest_queued_job_seconds": round((now - oldest).total_seconds()) if oldest else None,
    }
