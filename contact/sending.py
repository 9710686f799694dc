"""Passing a contact message to the curators, by email, within an hourly limit per address."""

import logging
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone

from accounts.policy import CURATORS_GROUP

from .models import ContactMessage

logger = logging.getLogger(__name__)
Outcome = ContactMessage.Outcome
RATE_WINDOW = timedelta(hours=1)
# Contact messages and introduction requests are deleted after this (see forget_old_messages).
KEPT_FOR = timedelta(days=365)


def curators_addresses() -> list[str]:
    """The active curators' addresses (one query)."""
    curators = get_user_model().objects.filter(Q(groups__name=CURATORS_GROUP) | Q(is_superuser=True))
    return sorted(set(curators.filter(is_active=True).exclude(email="").values_list("email", flat=True)))


def is_rate_limited(ip: str | None) -> bool:
    if not ip:
        return False
    recent = ContactMessage.objects.filter(
        ip=ip, outcome=Outcome.SENT, created__gte=timezone.now() - RATE_WINDOW
    )
    return recent.count() >= settings.CONTACT_MESSAGES_PER_HOUR


def receive(message: ContactMessage) -> ContactMessage:
    """Emails the curators the message (Reply-To the sender when they gave an address) unless the sender's
    address has reached the hourly limit; saves it whatever happens."""
    if is_rate_limited(message.ip):
        message.outcome = Outcome.RATE_LIMITED
    else:
        message.outcome = send(message)
    message.save()
    return message


def send(message: ContactMessage) -> str:
    recipients = curators_addresses()
    if not recipients:
        # Kept for the curators to read in the admin; nobody to email yet.
        return Outcome.SENT
    context = {
        "message": message,
        "admin_link": settings.SITE_URL.rstrip("/") + "/admin/contact/contactmessage/",
    }
    email = EmailMessage(
        subject=f"Portal feedback: {message.get_topic_display()}",
        body=render_to_string("contact/email/message.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=recipients,
        reply_to=[message.email] if message.email else None,
    )
    try:
        email.send()
    except Exception:
        logger.exception("Could not send a contact message to the curators")
        return Outcome.FAILED
    return Outcome.SENT
