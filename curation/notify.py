"""Telling the people who look after entries about them: one email per person, listing all their entries."""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import send_mail
from django.db.models import Model
from django.template.loader import render_to_string

from accounts.policy import people_who_look_after


@dataclass
class Recipient:
    user: Model
    items: list = field(default_factory=list)


def absolute_url(path: str) -> str:
    """`path` on the portal's public address (SITE_URL), for links in emails."""
    return settings.SITE_URL.rstrip("/") + path


def group_by_person(items: Iterable[tuple[Model, object]]) -> tuple[dict[int, Recipient], list[Model]]:
    """Each (entry, item) given to everyone who looks after the entry and has an email address;
    and the entries that nobody who can be emailed looks after.

    Queries the database once per distinct entry: who looks after an entry is the policy's
    decision (accounts.policy.people_who_look_after), asked entry by entry.
    """
    recipients: dict[int, Recipient] = {}
    unattended: list[Model] = []
    people_of: dict[tuple[type, int], list] = {}
    for entry, item in items:
        key = (type(entry), entry.pk)
        if key not in people_of:
            people_of[key] = [user for user in people_who_look_after(entry) if user.email]
            if not people_of[key]:
                unattended.append(entry)
        for user in people_of[key]:
            recipients.setdefault(user.pk, Recipient(user)).items.append(item)
    return recipients, unattended


def send_to(recipient: Recipient, template: str, context: dict) -> None:
    """Emails `recipient` the text templates curation/email/<template>_subject.txt and <template>.txt."""
    context = {"user": recipient.user, "items": recipient.items, **context}
    subject = render_to_string(f"curation/email/{template}_subject.txt", context).strip()
    body = render_to_string(f"curation/email/{template}.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [recipient.user.email])
