"""How an entry moves through review: draft → submitted for review → published → archived.

Every move is checked against the policy, recorded as a version with who made it and why, and
the entry's author is told by email when a reviewer decides.
"""

from dataclasses import dataclass

import reversion
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from accounts.policy import Action, can
from core.models import Entry

from .forms import FORMS
from .kinds import kind_of

Status = Entry.Status


@dataclass(frozen=True)
class Move:
    name: str
    label: str
    sources: tuple[str, ...]
    target: str
    needs: Action
    tells_author: bool = False


MOVES = {
    move.name: move
    for move in [
        Move("submit", "Submit for review", (Status.DRAFT,), Status.SUBMITTED, Action.EDIT),
        Move(
            "publish",
            "Publish",
            (Status.DRAFT, Status.SUBMITTED, Status.ARCHIVED),
            Status.PUBLISHED,
            Action.PUBLISH,
            tells_author=True,
        ),
        Move("return", "Return to the author", (Status.SUBMITTED,), Status.DRAFT, Action.PUBLISH, True),
        Move(
            "archive",
            "Archive",
            (Status.DRAFT, Status.SUBMITTED, Status.PUBLISHED),
            Status.ARCHIVED,
            Action.ARCHIVE,
        ),
        Move("reopen", "Bring back as a draft", (Status.ARCHIVED,), Status.DRAFT, Action.ARCHIVE),
    ]
}


def moves_for(user, entry: Entry) -> list[Move]:
    """The moves `user` may make with `entry` now."""
    return [move for move in MOVES.values() if entry.status in move.sources and can(user, move.needs, entry)]


def make_move(user, entry: Entry, name: str, comment: str = "", request=None) -> Move:
    """Moves `entry` on; PermissionDenied or ValidationError (nothing changed) when it may not."""
    move = MOVES.get(name)
    if move is None:
        raise ValidationError(f"“{name}” is not a step in the review workflow.")
    if not can(user, move.needs, entry):
        raise PermissionDenied
    if entry.status not in move.sources:
        raise ValidationError(
            f"This entry is {entry.get_status_display().lower()}, so it cannot be moved on with “{move.label}”."
        )
    if move.name == "return" and not comment.strip():
        raise ValidationError("Say what needs changing, so the author knows what to do.")
    with transaction.atomic(), reversion.create_revision():
        apply_move(entry, move, comment)
        reversion.set_user(user)
        reversion.set_comment(f"{move.label}" + (f": {comment}" if comment else ""))
    if move.tells_author:
        transaction.on_commit(lambda: tell_author(entry, move, comment, request))
    return move


def apply_move(entry: Entry, move: Move, comment: str) -> None:
    entry.status = move.target
    if move.target == Status.PUBLISHED:
        entry.last_reviewed = timezone.now()
        entry.review_comment = ""
    if move.name == "return":
        entry.review_comment = comment.strip()
    entry.save()


def tell_author(entry: Entry, move: Move, comment: str, request=None) -> None:
    """Emails the entry's author what the reviewer decided (nothing when there is no address, or the
    account has been deactivated)."""
    author = entry.author
    if author is None or not author.email or not author.is_active:
        return
    link = entry.get_absolute_url()
    if move.name == "return" and type(entry) in FORMS:
        link = reverse("editing:edit", args=[kind_of(entry), entry.slug])
    if request is not None:
        link = request.build_absolute_uri(link)
    context = {"entry": entry, "move": move, "comment": comment, "link": link, "author": author}
    subject = render_to_string("editing/email/decision_subject.txt", context).strip()
    body = render_to_string("editing/email/decision.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [author.email])
