"""The followers' digest as a background job (the daily command is manage.py send_digests)."""

from django_tasks import task

from jobs import runner
from jobs.registry import register

from .digest import send_digests


@register("digests", "Send followers' digests", startable=True)
@task()
def digests_job(job_id: int) -> str:
    def work(progress: runner.Progress):
        progress.stage("Sending digests")
        run = send_digests(progress=progress)
        failed = f"; {len(run.failed)} could not be emailed and will be tried next time" if run.failed else ""
        return f"Checked {run.follows_checked} follows and emailed {run.people_emailed} people{failed}."

    return runner.run(job_id, work)
