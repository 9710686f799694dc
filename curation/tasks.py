"""Curation's background work: the link check and the review reminders, as daily cron commands run
them (manage.py check_links, send_review_reminders), started from /jobs/ or by a scheduler."""

from datetime import timedelta

from django.conf import settings
from django_tasks import task

from jobs import runner
from jobs.registry import register

from .http_check import Answer
from .links import check_links, links_due, record, sync_links, tell_about_broken
from .models import Link
from .reminders import send_review_reminders


@register("check-links", "Check every link", startable=True)
@task()
def check_links_job(job_id: int, older_than_days: int = 7) -> str:
    def work(progress: runner.Progress):
        sync_links()
        due = links_due(timedelta(days=older_than_days), None)
        progress.stage("Checking links", total=len(due))
        broken: list[Link] = []

        def on_answer(link: Link, answer: Answer) -> None:
            if record(link, answer):
                broken.append(link)
            progress.advance()

        check_links(due, on_answer, timeout=settings.LINK_CHECK_TIMEOUT)
        told, _ = tell_about_broken(broken)
        return f"Checked {len(due)} links: {len(broken)} newly broken; told {told} people."

    return runner.run(job_id, work)


@register("review-reminders", "Send review reminders", startable=True)
@task()
def review_reminders_job(job_id: int) -> str:
    def work(progress: runner.Progress):
        progress.stage("Sending reminders")
        run = send_review_reminders(progress=progress)
        return (
            f"Reminded {run.people_reminded} people about {run.entries_reminded} entries; "
            f"{len(run.unattended)} entries need review but nobody looks after them."
        )

    return runner.run(job_id, work)
