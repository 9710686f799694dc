"""Signed unsubscribe links: whoever holds one (the digest's recipient) may stop what it names, without
signing in. A link names one follow, or all of a person's follows."""

from datetime import timedelta

from django.core import signing
from django.db.models import QuerySet

from .models import Follow

SALT = "following.unsubscribe"
# Links in old emails stop working after this; every digest carries fresh ones.
MAX_AGE = timedelta(days=90)


def token_for_follow(follow: Follow) -> str:
    return signing.dumps({"user": follow.user_id, "follow": follow.pk}, salt=SALT)


def token_for_user(user) -> str:
    return signing.dumps({"user": user.pk}, salt=SALT)


def follows_for(token: str) -> QuerySet:
    """The follows a token stops (not yet run). Raises signing.BadSignature (or its subclass
    SignatureExpired) for a token that was altered, is not ours, or is older than MAX_AGE."""
    payload = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    if not isinstance(payload, dict) or not isinstance(payload.get("user"), int):
        raise signing.BadSignature("Not an unsubscribe token.")
    follows = Follow.objects.filter(user_id=payload["user"])
    if "follow" in payload:
        if not isinstance(payload["follow"], int):
            raise signing.BadSignature("Not an unsubscribe token.")
        follows = follows.filter(pk=payload["follow"])
    return follows
