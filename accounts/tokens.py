"""The secrets in the links we email: verifying a new account's address, and confirming a new address."""

from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core import signing

EMAIL_CHANGE_SALT = "accounts.email-change"
# Seconds a link to confirm a new address works (three days, as a password reset link does).
EMAIL_CHANGE_MAX_AGE = 3 * 24 * 3600


class VerificationTokenGenerator(PasswordResetTokenGenerator):
    """A link that works until the account is verified, or its password changes (a second sign-up with the
    same address replaces the first's password, so the first's link stops working)."""

    key_salt = "accounts.tokens.VerificationTokenGenerator"

    def _make_hash_value(self, user, timestamp) -> str:
        return f"{user.pk}{user.password}{user.is_active}{user.email}{timestamp}"


verification_tokens = VerificationTokenGenerator()


def email_change_token(user, new_email: str) -> str:
    """Signed: the account, its address now (so the link stops working once the address changes) and the
    new one."""
    return signing.dumps({"user": user.pk, "from": user.email, "to": new_email}, salt=EMAIL_CHANGE_SALT)


def read_email_change_token(token: str) -> dict | None:
    try:
        return signing.loads(token, salt=EMAIL_CHANGE_SALT, max_age=EMAIL_CHANGE_MAX_AGE)
    except signing.BadSignature:
        return None
