"""Reminding the people who look after published entries to confirm them once a year."""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, Model, OuterRef
from django.utils import timezone

from editing.kinds import KINDS

from .freshness import REMIND_AGAIN_AFTER, needing_review
from .models import ReviewReminder
from .notify import absolute_url, group_by_person, send_to


@dataclass
class ReminderRun:
    due: list[Model] = field(default_factory=list)
    people_reminded: int = 0
    entries_reminded: int = 0
    unattended: list[Model] = field(default_factory=list)


def entries_to_remind_about(now) -> list[Model]:
    """Entries that need review and have not been reminded about within REMIND_AGAIN_AFTER
    (one query per kind)."""
    due = []
    for model in KINDS.values():
        recently = ReviewReminder.objects.filter(
            content_type=ContentType.objects.get_for_model(model),
            object_id=OuterRef("pk"),
            sent_at__gte=now - REMIND_AGAIN_AFTER,
        )
        due.extend(needing_review(model.objects.filter(~Exists(recently)), now))
    return due


def send_review_reminders(dry_run: bool = False, progress=None) -> ReminderRun:
    """Emails each person once, listing their entries that need review, and records what was sent.

    `progress` (a job's jobs.runner.Progress or a command's jobs.terminal.TerminalProgress) is told how
    many people there are, and of each one done."""
    now = timezone.now()
    run = ReminderRun(due=entries_to_remind_about(now))
    recipients, run.unattended = group_by_person(
        (entry, {"entry": entry, "link": absolute_url(entry.get_absolute_url())}) for entry in run.due
    )
    reminded = set()
    if progress is not None:
        progress.total(len(recipients))
    for recipient in recipients.values():
        if not dry_run:
            send_to(recipient, "review_reminder", {})
            record(recipient, now)
        reminded.update((type(item["entry"]), item["entry"].pk) for item in recipient.items)
        if progress is not None:
            progress.advance()
    run.people_reminded = len(recipients)
    run.entries_reminded = len(reminded)
    return run


def record(recipient, now) -> None:
    ReviewReminder.objects.bulk_create(
        ReviewReminder(
            content_type=ContentType.objects.get_for_model(item["entry"]),
            object_id=item["entry"].pk,
            recipient=recipient.user,
            sent_at=now,
        )
        for item in recipient.items
    )
