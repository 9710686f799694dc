"""A job's life with a real worker process, on the engine of the run: start, progress, finish, fail,
cancel, and a worker killed in the middle of a job's transaction."""

from pathlib import Path

import pytest

from jobs import runner
from jobs.models import Job, WorkerBeat
from organisations.models import Organisation

from .conftest import job_in, wait_for
from .sample_tasks import count_slowly, write_then_wait

# serialized_rollback: the flush after each test must leave the database empty for the next such test to
# restore, not refilled by post_migrate (which would clash with the restored content types).
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def progressed(pk: int, at_least: int) -> Job | None:
    job = Job.objects.get(pk=pk)
    return job if job.done >= at_least and job.state == Job.State.RUNNING else None


def test_a_job_is_queued_then_runs_reports_progress_and_finishes(worker, curator):
    job = runner.start(count_slowly, kind="test-count", label="Count", user=curator, steps=8, delay=0.15)
    assert job.state == Job.State.QUEUED

    wait_for(lambda: job_in(job.pk, "running"), what="the job to start", log=worker.log)
    # Read once it has reported progress: the job is marked running a moment before its first report.
    running = wait_for(lambda: progressed(job.pk, 2), what="progress", log=worker.log)
    done = wait_for(lambda: job_in(job.pk, "done"), what="the job to finish", log=worker.log)

    assert (running.total, running.stage) == (8, "Counting")
    assert (done.done, done.total, done.summary) == (8, 8, "Counted to 8.")
    assert done.started <= done.finished
    assert WorkerBeat.objects.exists(), "the worker says it is alive"


def test_a_failing_job_records_the_reason_in_words(worker, curator):
    job = runner.start(
        count_slowly, kind="test-count", label="Count", user=curator, steps=5, delay=0.05, fail_at=3
    )

    failed = wait_for(lambda: job_in(job.pk, "failed"), what="the job to fail", log=worker.log)

    assert failed.failure == "Step 3 could not be counted."
    assert failed.done == 2


def test_a_running_job_can_be_cancelled(worker, curator):
    job = runner.start(count_slowly, kind="test-count", label="Count", user=curator, steps=200, delay=0.05)
    wait_for(lambda: Job.objects.get(pk=job.pk).done >= 1, what="progress", log=worker.log)

    runner.cancel(Job.objects.get(pk=job.pk))

    cancelled = wait_for(lambda: job_in(job.pk, "cancelled"), what="the job to stop", log=worker.log)
    assert cancelled.done < 200


def test_a_queued_job_cancelled_before_a_worker_takes_it_never_runs(shared_database, curator):
    job = runner.start(count_slowly, kind="test-count", label="Count", user=curator, steps=1, delay=0)
    runner.cancel(job)
    assert Job.objects.get(pk=job.pk).state == Job.State.CANCELLED


def test_a_killed_worker_saves_nothing_and_its_job_fails_and_runs_again(worker, curator, tmp_path):
    hold = tmp_path / "hold"
    hold.touch()
    names = [f"Killed {number}" for number in range(50)]
    job = runner.start(
        write_then_wait,
        kind="test-write-then-wait",
        label="Write",
        user=curator,
        names=names,
        wait_while=str(hold),
    )
    wait_for(
        lambda: Path(hold).with_suffix(".saving").exists(), what="the rows to be written", log=worker.log
    )

    worker.kill()

    assert runner.reap_lost() == 1
    failed = Job.objects.get(pk=job.pk)
    assert failed.state == Job.State.FAILED
    assert "stopped before it finished" in failed.failure
    assert not Organisation.objects.filter(name__in=names).exists()

    hold.unlink()
    worker.start()
    again = runner.run_again(failed, write_then_wait)
    wait_for(lambda: job_in(again.pk, "done"), what="the job run again", log=worker.log)
    assert Organisation.objects.filter(name__in=names).count() == 50
