"""Emails about accounts, sent by a worker after the request has been answered.

A request that names an email address (sign up, reset a password, change an address) only queues one of
these, whatever the address: it never looks the address up, so neither its answer nor its timing can tell
anyone which addresses have accounts. The worker looks it up and sends the email that fits.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import PasswordResetForm
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_tasks import task

from .models import Account, ProfileClaim
from .tokens import email_change_token, verification_tokens


def send(template: str, to: str, **context) -> None:
    """Emails `templates/accounts/email/<template>.txt` (and its `_subject.txt`) to one address."""
    subject = render_to_string(f"accounts/email/{template}_subject.txt", context).strip()
    body = render_to_string(f"accounts/email/{template}.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [to])


def accounts_using(email: str):
    return get_user_model()._default_manager.filter(email__iexact=email)


@task()
def send_password_reset(email: str, site_url: str) -> None:
    """Django's password reset email, to the active accounts using `email` (none: nothing is sent)."""
    form = PasswordResetForm({"email": email})
    if form.is_valid():
        address = urlsplit(site_url)
        form.save(
            domain_override=address.netloc,
            use_https=address.scheme == "https",
            subject_template_name="registration/password_reset_subject.txt",
            email_template_name="registration/password_reset_email.txt",
        )


@task()
def sign_up(email: str, name: str, password_hash: str, site_url: str) -> None:
    """Creates an unverified account and emails the link that verifies it; or, when an account already
    uses the address, tells its owner so (they may have forgotten), without creating another."""
    with transaction.atomic():
        user = accounts_using(email).select_for_update().first()
        already = user is not None and not is_awaiting_verification(user)
        if not already:
            if user is None:
                user = get_user_model()(username=new_username(email), email=email, is_active=False)
            # Signing up again before verifying replaces the first attempt: its link stops working.
            user.first_name, user.password = name, password_hash
            user.save()
            Account.objects.get_or_create(user=user)
    if already:
        send("already_signed_up", email, site_url=site_url)
        return
    link = site_url + reverse(
        "accounts:verify",
        args=[urlsafe_base64_encode(force_bytes(user.pk)), verification_tokens.make_token(user)],
    )
    send("verify", email, name=name, link=link)


def is_awaiting_verification(user) -> bool:
    account = Account.objects.filter(user=user).first()
    return not user.is_active and account is not None and account.verified is None and account.closed is None


def new_username(email: str) -> str:
    """Django's user needs a unique username; people sign in with their address, so it is that address."""
    username = email.casefold()[:150]
    taken = get_user_model()._default_manager.filter(username=username).exists()
    return f"{username[:140]}-{get_user_model()._default_manager.count()}" if taken else username


@task()
def confirm_new_email(user_id: int, new_email: str, site_url: str) -> None:
    """Emails the new address a link that makes it the account's, unless another account uses it."""
    user = get_user_model()._default_manager.filter(pk=user_id, is_active=True).first()
    if user is None:
        return
    if accounts_using(new_email).exclude(pk=user.pk).exists():
        send("address_in_use", new_email, site_url=site_url)
        return
    link = site_url + reverse("accounts:email-confirm", args=[email_change_token(user, new_email)])
    send("confirm_email", new_email, user=user, link=link)


@task()
def tell_old_address(old_email: str, new_email: str, site_url: str) -> None:
    """Tells the address an account moved away from, so its owner notices a change they did not make."""
    send("email_changed", old_email, new_email=new_email, site_url=site_url)


@task()
def tell_deciders_about_claim(claim_id: int, site_url: str) -> None:
    """Emails the people who may approve a claim: the profile's organisation editors, else the curators."""
    from .claims import deciders_of

    claim = ProfileClaim.objects.select_related("user", "researcher").filter(pk=claim_id).first()
    if claim is None:
        return
    link = site_url + reverse("accounts:claims")
    for person in deciders_of(claim.researcher):
        send("claim_waiting", person.email, person=person, claim=claim, link=link)


@task()
def tell_claimant(claim_id: int, site_url: str) -> None:
    claim = ProfileClaim.objects.select_related("user", "researcher").filter(pk=claim_id).first()
    if claim is None or not claim.user.is_active:
        return
    link = site_url + reverse("accounts:account")
    send("claim_decided", claim.user.email, claim=claim, link=link)
