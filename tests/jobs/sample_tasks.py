"""Tasks for the job tests, run by a real worker process: counting slowly, failing, and writing rows
in one transaction then waiting (to be killed)."""

import time
from pathlib import Path

from django.db import transaction
from django_tasks import task

from jobs import runner
from jobs.registry import register
from organisations.models import Organisation


@task()
def count_slowly(job_id: int, steps: int, delay: float, fail_at: int = 0) -> str:
    def work(progress: runner.Progress):
        progress.stage("Counting", total=steps)
        for step in range(1, steps + 1):
            time.sleep(delay)
            if step == fail_at:
                raise runner.JobFailed(f"Step {step} could not be counted.")
            progress.advance()
            progress.report(force=True)
        return f"Counted to {steps}."

    return runner.run(job_id, work)


@register("test-write-then-wait")
@task()
def write_then_wait(job_id: int, names: list[str], wait_while: str) -> str:
    """Saves organisations in one transaction, then waits while the file `wait_while` exists."""

    def work(progress: runner.Progress):
        with transaction.atomic():
            for name in names:
                Organisation.objects.create(name=name, kind="charity")
            Path(wait_while).with_suffix(".saving").touch()
            while Path(wait_while).exists():
                time.sleep(0.05)
        return f"Saved {len(names)} organisations."

    return runner.run(job_id, work)
