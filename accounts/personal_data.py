"""What the portal holds about a person, for "download my data", and closing an account.

The download walks every relation to the user model, so whatever a new app keeps about an account
appears in it without anyone remembering to add it here.
"""

import json
from typing import Any

from django.contrib.auth import get_user_model
from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import ForeignObjectRel, Q
from django.utils import timezone

from introductions.models import IntroductionRequest
from people.models import Researcher

from .models import REOPENABLE_FOR, UNVERIFIED_KEPT_FOR, Account, OrcidConnection, ProfileClaim

# How many rows of one kind the download lists (a curator may have made thousands of changes); it says
# how many more there are.
ROWS_PER_KIND = 1000
# Account fields never handed out: the password is kept only as a one-way hash, which is no use to its
# owner and a help to anyone who gets hold of the file.
LEFT_OUT = {"password"}


class Encoder(DjangoJSONEncoder):
    def default(self, value: Any) -> Any:
        try:
            return super().default(value)
        except TypeError:
            return str(value)


def rows(queryset) -> dict:
    """The rows of `queryset` as plain dictionaries of their fields, at most ROWS_PER_KIND of them."""
    total = queryset.count()
    listed = serializers.serialize("python", queryset.order_by("pk")[:ROWS_PER_KIND])
    return {
        "count": total,
        "rows": [{"id": row["pk"], **row["fields"]} for row in listed],
        **({"more_not_listed": total - ROWS_PER_KIND} if total > ROWS_PER_KIND else {}),
    }


def personal_data(user) -> dict:
    """Everything held about `user`: the account, then every kind of row linked to it, then what is held
    about their profile and what they sent without signing in, under the same address."""
    account = {
        field.name: getattr(user, field.attname)
        for field in user._meta.concrete_fields
        if field.name not in LEFT_OUT
    }
    account["groups"] = list(user.groups.values_list("name", flat=True))
    data: dict[str, Any] = {
        "about": "Everything the N8 Children & Young People data portal holds about your account, "
        f"as of {timezone.now().isoformat(timespec='seconds')}. Your password is kept only in a form "
        "that cannot be turned back into it, and is not included.",
        "account": account,
    }
    for relation in linked_relations():
        model = relation.related_model
        name = f"{model._meta.app_label}.{model._meta.model_name} ({relation.field.name})"
        data[name] = rows(model._default_manager.filter(**{relation.field.name: user}))
    profile = Researcher.objects.filter(account=user).first()
    if profile is not None:
        data["introductions requested to your profile"] = rows(
            IntroductionRequest.objects.filter(researcher=profile)
        )
    data["introductions you requested (by your address)"] = rows(
        IntroductionRequest.objects.filter(requester_email__iexact=user.email)
    )
    return data


def linked_relations() -> list[ForeignObjectRel]:
    """Every relation from another model to the user model (entries' authors, follows, jobs …)."""
    fields = get_user_model()._meta.get_fields(include_hidden=True)
    return sorted(
        (
            field
            for field in fields
            if isinstance(field, ForeignObjectRel) and field.related_model is not None
        ),
        key=lambda relation: (relation.related_model._meta.label, relation.field.name),
    )


def as_json(user) -> str:
    return json.dumps(personal_data(user), cls=Encoder, indent=2, ensure_ascii=False)


def close(user) -> Account:
    """Closes the account: its owner is signed out and cannot sign in; pending claims are withdrawn and
    the connected ORCID iD forgotten (so it is free for another account of theirs). A curator may reopen
    it for 30 days (the Accounts admin); then delete_closed_accounts deletes it."""
    with transaction.atomic():
        account, _ = Account.objects.get_or_create(user=user, defaults={"verified": user.date_joined})
        ProfileClaim.objects.filter(user=user, status=ProfileClaim.Status.PENDING).delete()
        OrcidConnection.objects.filter(user=user).delete()
        account.close()
    return account


def delete_closed_accounts(now=None) -> int:
    """Deletes the accounts closed more than 30 days ago, with what hangs on them (follows, claims);
    entries they wrote stay, without an author, and their profile stays, without an account. Also
    deletes sign-ups whose address was never verified within UNVERIFIED_KEPT_FOR: nobody can use them."""
    now = now or timezone.now()
    closed = Q(account__closed__lt=now - REOPENABLE_FOR)
    unverified = Q(
        account__isnull=False,  # accounts a curator deactivated have no record: never deleted here
        account__verified__isnull=True,
        account__closed__isnull=True,
        date_joined__lt=now - UNVERIFIED_KEPT_FOR,
    )
    users = get_user_model()._default_manager.filter(closed | unverified, is_active=False)
    count = users.count()
    users.delete()
    return count
