"""Claiming a researcher profile: a verified account asks to be linked to the profile that describes its
owner. When the account's verified address is the profile's own, the link is made at once; otherwise the
profile's organisation editors, or the curators, approve it (accounts.policy decides who)."""

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from people.models import Researcher

from .models import ProfileClaim
from .policy import CURATORS_GROUP, Action, can, reviewable_by


class ClaimRefused(Exception):
    """Why a claim cannot be made or decided, in words for the person."""


def profile_of(user) -> Researcher | None:
    return Researcher.objects.filter(account=user).first()


def link(user, researcher: Researcher) -> bool:
    """Links the profile to the account if neither is linked yet (one query; safe against a race)."""
    if profile_of(user) is not None:
        return False
    return bool(Researcher.objects.filter(pk=researcher.pk, account__isnull=True).update(account=user))


def link_matching_profile(user) -> Researcher | None:
    """The one unlinked profile whose address is the account's verified address, linked to it (else None)."""
    matching = list(Researcher.objects.filter(email__iexact=user.email, account__isnull=True)[:2])
    if len(matching) == 1 and link(user, matching[0]):
        return matching[0]
    return None


def claim(user, researcher: Researcher, message: str = "") -> ProfileClaim | None:
    """Links at once when the addresses match (returns None), else records a claim to approve."""
    if profile_of(user) is not None:
        raise ClaimRefused("Your account is already linked to a profile.")
    if researcher.account_id is not None:
        raise ClaimRefused("This profile is already linked to an account.")
    if researcher.email and researcher.email.casefold() == user.email.casefold():
        if link(user, researcher):
            return None
        raise ClaimRefused("This profile is already linked to an account.")
    try:
        with transaction.atomic():
            return ProfileClaim.objects.create(user=user, researcher=researcher, message=message.strip())
    except IntegrityError as pending:
        raise ClaimRefused(
            "You have already asked to be linked to this profile; it waits for a decision."
        ) from pending


def deciders_of(researcher: Researcher) -> QuerySet:
    """Whom to ask: the active editors of the profile's organisation, or the curators when it has none."""
    users = get_user_model()._default_manager.filter(is_active=True)
    editors = (
        users.filter(edited_organisations=researcher.organisation_id) if researcher.organisation_id else None
    )
    if editors is not None and editors.exists():
        return editors
    return users.filter(Q(groups__name=CURATORS_GROUP) | Q(is_superuser=True)).distinct()


def claims_for(user) -> QuerySet:
    """The pending claims `user` may decide: those on profiles they may publish."""
    profiles = reviewable_by(user, Researcher.objects.all())
    return (
        ProfileClaim.objects.filter(status=ProfileClaim.Status.PENDING, researcher__in=profiles)
        .select_related("user", "researcher", "researcher__organisation")
        .order_by("created", "pk")
    )


def decide(claim: ProfileClaim, decider, approve: bool) -> None:
    if not can(decider, Action.PUBLISH, claim.researcher):
        raise ClaimRefused("You may not decide on this profile.")
    if claim.status != ProfileClaim.Status.PENDING:
        raise ClaimRefused("This request has already been decided.")
    with transaction.atomic():
        if approve and not link(claim.user, claim.researcher):
            raise ClaimRefused(
                "The profile or the account is already linked to another; nothing was changed."
            )
        claim.status = ProfileClaim.Status.APPROVED if approve else ProfileClaim.Status.REFUSED
        claim.decided, claim.decided_by = timezone.now(), decider
        claim.save(update_fields=["status", "decided", "decided_by"])
