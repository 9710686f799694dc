"""Claiming a researcher profile: a verified account asks to be linked to the profile that describes its
owner. When the account's verified address, or the ORCID iD its owner proved is theirs by signing in to
ORCID (accounts/orcid.py), is the profile's own, the link is made at once; otherwise the profile's
organisation editors, or the curators, approve it (accounts.policy decides who). An iD typed on a profile
or in a form proves nothing and never links."""

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from core.identifiers import normalise_orcid
from people.models import Researcher

from .models import OrcidConnection, ProfileClaim
from .policy import CURATORS_GROUP, Action, can, reviewable_by


class ClaimRefused(Exception):
    """Why a claim cannot be made or decided, in words for the person."""


def profile_of(user) -> Researcher | None:
    return Researcher.objects.filter(account=user).first()


def verified_orcid(user) -> str:
    """The ORCID iD the account's owner proved is theirs, or "" (one query)."""
    return OrcidConnection.objects.filter(user=user).values_list("orcid", flat=True).first() or ""


def link(user, researcher: Researcher) -> bool:
    """Links the profile to the account if neither is linked yet (safe against a race); a request of the
    account's to be linked to it is then approved."""
    if profile_of(user) is not None:
        return False
    if not Researcher.objects.filter(pk=researcher.pk, account__isnull=True).update(account=user):
        return False
    ProfileClaim.objects.filter(user=user, researcher=researcher, status=ProfileClaim.Status.PENDING).update(
        status=ProfileClaim.Status.APPROVED, decided=timezone.now()
    )
    return True


def link_the_one(user, matching: list[Researcher]) -> Researcher | None:
    if len(matching) == 1 and link(user, matching[0]):
        return matching[0]
    return None


def link_matching_profile(user) -> Researcher | None:
    """The one unlinked profile whose address is the account's verified address, linked to it (else None)."""
    return link_the_one(
        user, list(Researcher.objects.filter(email__iexact=user.email, account__isnull=True)[:2])
    )


def link_profile_with_orcid(user, orcid: str) -> Researcher | None:
    """The unlinked profile with the account's verified ORCID iD, linked to it (else None). Profiles keep
    the iD in its canonical form (OrcidField), which the unique constraint on it indexes."""
    return link_the_one(user, list(Researcher.objects.filter(orcid=orcid, account__isnull=True)[:2]))


def is_theirs(user, researcher: Researcher) -> bool:
    """Whether the profile's address is the account's verified address, or its ORCID iD the account's
    verified iD (a query for the iD, only when the addresses differ)."""
    if researcher.email and researcher.email.casefold() == user.email.casefold():
        return True
    if not researcher.orcid:
        return False
    orcid = verified_orcid(user)
    return bool(orcid) and normalise_orcid(orcid) == normalise_orcid(researcher.orcid)


def claim(user, researcher: Researcher, message: str = "") -> ProfileClaim | None:
    """Links at once when the addresses or verified ORCID iDs match (returns None), else records a claim
    to approve."""
    if profile_of(user) is not None:
        raise ClaimRefused("Your account is already linked to a profile.")
    if researcher.account_id is not None:
        raise ClaimRefused("This profile is already linked to an account.")
    if is_theirs(user, researcher):
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
