"""Passing a request for an introduction on, by email, without showing anyone the recipient's address."""

import logging
from datetime import timedelta
from email.utils import formataddr

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone

from core.models import Entry
from datasets.models import Dataset
from involvement.models import Opportunity
from people.models import Researcher

from .models import IntroductionRequest

logger = logging.getLogger(__name__)
Outcome = IntroductionRequest.Outcome
RATE_WINDOW = timedelta(hours=1)


def address_of(entry: Entry) -> str:
    """Where an introduction to `entry` goes, or '' when it does not accept them.

    A researcher's own address, else their account's (one query when the profile has no address
    of its own and the account was not selected with it); a dataset's contact mailbox; an open
    opportunity's contact address.
    """
    if not entry.is_published:
        return ""
    if isinstance(entry, Researcher):
        if not entry.accepts_introductions:
            return ""
        if entry.email:
            return entry.email
        return entry.account.email if entry.account_id else ""
    if isinstance(entry, Dataset):
        return entry.contact_email or custodian_team_addresses(entry)
    if isinstance(entry, Opportunity):
        # Only while it is open, and offered by published entries (read with it: see to_opportunity).
        offerers = [offerer for offerer in (entry.project, entry.organisation) if offerer is not None]
        if entry.is_open and all(offerer.is_published for offerer in offerers):
            return entry.contact_email
    return ""


# Joins a team's addresses in what address_of returns; send() splits them again. No address has it.
ADDRESS_SEPARATOR = ", "


def custodian_team_addresses(dataset: Dataset) -> str:
    """The addresses of the active editors of a dataset's published custodian, for a dataset with no
    contact mailbox of its own: the team that answers for it (one query)."""
    if dataset.custodian_id is None:
        return ""
    editors = get_user_model().objects.filter(
        edited_organisations=dataset.custodian_id,
        edited_organisations__status=Entry.Status.PUBLISHED,
        is_active=True,
    )
    return ADDRESS_SEPARATOR.join(sorted(set(editors.exclude(email="").values_list("email", flat=True))))


def is_rate_limited(email: str, ip: str | None) -> bool:
    """Whether this sender has had INTRODUCTIONS_PER_HOUR requests sent in the last hour,
    counted by their email address and, separately, by their IP address (one query)."""
    same_sender = Q(requester_email=email)
    if ip:
        same_sender |= Q(ip=ip)
    recent = IntroductionRequest.objects.filter(
        same_sender, outcome=Outcome.SENT, created__gte=timezone.now() - RATE_WINDOW
    )
    sent_by_email = sent_by_ip = 0
    for requester_email, requester_ip in recent.values_list("requester_email", "ip"):
        sent_by_email += requester_email == email
        sent_by_ip += bool(ip) and requester_ip == ip
    return max(sent_by_email, sent_by_ip) >= settings.INTRODUCTIONS_PER_HOUR


def without_nul(text: str) -> str:
    """What robots post is logged as it came, but for NUL bytes, which PostgreSQL refuses."""
    return text.replace("\x00", "")


def log(entry: Entry, data: dict, ip: str | None, outcome: str) -> IntroductionRequest:
    return IntroductionRequest.objects.create(
        researcher=entry if isinstance(entry, Researcher) else None,
        dataset=entry if isinstance(entry, Dataset) else None,
        opportunity=entry if isinstance(entry, Opportunity) else None,
        requester_name=without_nul(data.get("name", ""))[:200],
        requester_organisation=without_nul(data.get("organisation", ""))[:200],
        requester_email=without_nul(data.get("email", ""))[:254],
        message=without_nul(data.get("message", ""))[:10_000],
        ip=ip or None,
        outcome=outcome,
    )


def request_introduction(entry: Entry, data: dict, ip: str | None) -> str:
    """Emails `entry`'s address the requester's name, organisation and message, with Reply-To the
    requester, unless the entry does not accept introductions or the sender has reached the hourly
    limit. Logs the request whatever happens, and returns its outcome."""
    address = address_of(entry)
    if not address:
        outcome = Outcome.NOT_AVAILABLE
    elif is_rate_limited(data["email"], ip):
        outcome = Outcome.RATE_LIMITED
    else:
        outcome = send(entry, address, data)
    log(entry, data, ip, outcome)
    return outcome


def send(entry: Entry, address: str, data: dict) -> str:
    context = {
        "entry": entry,
        "is_dataset": isinstance(entry, Dataset),
        "is_opportunity": isinstance(entry, Opportunity),
        "link": settings.SITE_URL.rstrip("/") + entry.get_absolute_url(),
        **data,
    }
    subject = render_to_string("introductions/email/introduction_subject.txt", context).strip()
    message = EmailMessage(
        subject=" ".join(subject.split()),
        body=render_to_string("introductions/email/introduction.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=address.split(ADDRESS_SEPARATOR),
        reply_to=[formataddr((data["name"], data["email"]))],
    )
    try:
        message.send()
    except Exception:
        # The requester is told it did not go; the curators see it in the log.
        logger.exception("Could not send an introduction request to %s", entry)
        return Outcome.FAILED
    return Outcome.SENT
