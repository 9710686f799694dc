from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth import login as auth_login
from django.contrib.auth import logout as auth_logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.hashers import make_password
from django.contrib.messages.views import SuccessMessageMixin
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.http import urlsafe_base64_decode
from django.views.decorators.http import require_POST

from core.models import Entry
from core.ratelimits import limited
from core.visibility import visible_entry
from editing.kinds import KINDS
from involvement.models import Opportunity
from people.models import Researcher

from . import claims, orcid, personal_data, tasks
from .forms import ClaimForm, CloseAccountForm, EmailChangeForm, SignUpForm, site_url
from .models import REOPENABLE_FOR, Account, OrcidConnection, ProfileClaim
from .policy import SUGGESTIBLE, editable_by, is_curator, reviewable_by
from .tokens import read_email_change_token, verification_tokens

# How many of their own entries of each kind the account page lists, most recently changed first.
YOURS_SHOWN = 50
# How many of the things they follow the account page names (the rest are on the following page).
FOLLOWS_SHOWN = 10


@login_required
def account(request: HttpRequest) -> HttpResponse:
    """The signed-in person's own entries, what they may suggest, and what waits for their review."""

    user = request.user
    yours = {
        kind: list(editable_by(user, model.objects.all()).order_by("-updated")[:YOURS_SHOWN])
        for kind, model in KINDS.items()
        if model in SUGGESTIBLE + (Opportunity,) and not is_curator(user)
    }
    if not yours.get("opportunities", True):
        # Only project leads and organisation editors offer opportunities; others are not told they have none.
        del yours["opportunities"]
    waiting = sum(
        reviewable_by(user, model.objects.filter(status=Entry.Status.SUBMITTED)).count()
        for model in KINDS.values()
    )
    may_review = is_curator(user) or user.edited_organisations.exists()
    context = {
        "profile": Researcher.objects.filter(account=user).first(),
        "claims": ProfileClaim.objects.filter(user=user, status=ProfileClaim.Status.PENDING).select_related(
            "researcher"
        ),
        "yours": yours,
        "waiting": waiting,
        "claims_waiting": claims.claims_for(user).count() if may_review else 0,
        "follows": list(user.follows.order_by("label").values_list("label", flat=True)[:FOLLOWS_SHOWN]),
        "may_review": may_review,
        "is_curator": is_curator(user),
        "orcid": OrcidConnection.objects.filter(user=user).first(),
        "orcid_offered": orcid.configured(),
    }
    return render(request, "accounts/account.html", context)


def locked_out(request: HttpRequest, credentials=None, *args, **kwargs) -> HttpResponse:
    """Shown after too many failed sign-ins in a row (see AXES_* settings)."""
    return render(request, "accounts/locked_out.html", status=429)


@limited("sign-up", methods=["POST"])
def sign_up(request: HttpRequest) -> HttpResponse:
    """Sign up with a name, email address and password; the account works once its address is verified.

    The answer is the same whether or not the address has an account, and takes as long: the request only
    queues the work (accounts/tasks.py), and the email tells the owner of the address which it was.
    """
    if request.user.is_authenticated:
        # Already signed in: the page says so, with the way to their account, and takes no sign-up.
        return render(request, "accounts/sign_up.html", {"form": None})
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not form.is_from_a_script:
            tasks.sign_up.enqueue(
                email=form.cleaned_data["email"],
                name=form.cleaned_data["name"],
                password_hash=make_password(form.cleaned_data["password"]),
                site_url=site_url(request),
            )
        request.session["signed_up_as"] = form.cleaned_data["email"]
        return redirect("accounts:sign-up-sent")
    status = 400 if form.errors else 200
    return render(request, "accounts/sign_up.html", {"form": form}, status=status)


def sign_up_sent(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/sign_up_sent.html", {"email": request.session.get("signed_up_as", "")})


def verify(request: HttpRequest, uidb64: str, token: str) -> HttpResponse:
    """The link in the sign-up email. Opening it shows a button (mail scanners open links too); pressing
    it verifies the address, signs the person in and links their profile when its address is theirs."""
    user = user_from(uidb64)
    if user is None or not verification_tokens.check_token(user, token):
        return render(request, "accounts/verify.html", {"invalid": True}, status=400)
    if request.method == "POST":
        with transaction.atomic():
            user.is_active = True
            user.save(update_fields=["is_active"])
            Account.objects.update_or_create(user=user, defaults={"verified": timezone.now()})
            profile = claims.link_matching_profile(user)
        auth_login(request, user, backend="accounts.backends.EmailBackend")
        messages.success(request, "Your email address is confirmed and your account is ready.")
        if profile is not None:
            messages.success(request, f"Your account is linked to your researcher profile, {profile}.")
        return redirect("accounts:account")
    return render(request, "accounts/verify.html", {"invalid": False})


def user_from(uidb64: str):
    try:
        pk = int(urlsafe_base64_decode(uidb64).decode())
    except (TypeError, ValueError, OverflowError, UnicodeDecodeError):
        return None
    return get_user_model()._default_manager.filter(pk=pk).first()


@login_required
def change_email(request: HttpRequest) -> HttpResponse:
    form = EmailChangeForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        tasks.confirm_new_email.enqueue(
            user_id=request.user.pk, new_email=form.cleaned_data["email"], site_url=site_url(request)
        )
        messages.success(
            request,
            f"We have sent a link to {form.cleaned_data['email']}. Your address changes when you follow it.",
        )
        return redirect("accounts:account")
    status = 400 if form.errors else 200
    return render(request, "accounts/change_email.html", {"form": form}, status=status)


@login_required
def confirm_email(request: HttpRequest, token: str) -> HttpResponse:
    """The link emailed to a new address: pressing its button makes it the account's address."""
    change = read_email_change_token(token)
    valid = (
        change is not None
        and change["user"] == request.user.pk
        and change["from"] == request.user.email
        and not get_user_model()._default_manager.filter(email__iexact=change["to"]).exists()
    )
    if not valid:
        return render(request, "accounts/confirm_email.html", {"invalid": True}, status=400)
    if request.method == "POST":
        request.user.email = change["to"]
        request.user.save(update_fields=["email"])
        tasks.tell_old_address.enqueue(
            old_email=change["from"], new_email=change["to"], site_url=site_url(request)
        )
        messages.success(request, f"Your email address is now {change['to']}.")
        return redirect("accounts:account")
    return render(request, "accounts/confirm_email.html", {"invalid": False, "new_email": change["to"]})


class PasswordChangeView(SuccessMessageMixin, auth_views.PasswordChangeView):
    template_name = "accounts/change_password.html"
    success_url = reverse_lazy("accounts:account")
    success_message = "Your password is changed."


@login_required
def claim_profile(request: HttpRequest, slug: str) -> HttpResponse:
    """Ask to be linked to a researcher profile: at once when its address is the account's own."""
    researcher = visible_entry(request, Researcher.objects.select_related("organisation"), slug=slug)
    form = ClaimForm(request.POST or None)
    refusal = None
    if request.method == "POST" and form.is_valid():
        try:
            claim = claims.claim(request.user, researcher, form.cleaned_data["message"])
        except claims.ClaimRefused as refused:
            refusal = str(refused)
        else:
            if claim is None:
                messages.success(request, f"Your account is now linked to the profile of {researcher}.")
            else:
                tasks.tell_deciders_about_claim.enqueue(claim_id=claim.pk, site_url=site_url(request))
                messages.success(
                    request, "Thank you: the people who look after this profile will check it is yours."
                )
            return redirect("accounts:account")
    context = {"researcher": researcher, "form": form, "refusal": refusal}
    return render(request, "accounts/claim.html", context, status=400 if refusal or form.errors else 200)


def orcid_redirect_uri(request: HttpRequest) -> str:
    """Where ORCID sends the person back: the same in the request and the exchange, as ORCID checks."""
    return site_url(request) + reverse("accounts:orcid-done")


@orcid.offered
def connect_orcid(request: HttpRequest) -> HttpResponse:
    """Sends the person to sign in to ORCID, which sends them back to `orcid_done`. A link, not a form:
    the content security policy lets forms post only to the portal, and nothing changes here."""
    return redirect(orcid.authorize_url(request, orcid_redirect_uri(request)))


@orcid.offered
def orcid_done(request: HttpRequest) -> HttpResponse:
    """Where ORCID sends the person back: connects the iD ORCID vouches for, and links the profile with
    that iD when the account has none. Whatever went wrong is said on the account page."""
    try:
        code = orcid.check_answer(request)
        orcid_id = orcid.exchange(code, orcid_redirect_uri(request))
        orcid.connect(request.user, orcid_id)
    except orcid.OrcidRefused as refused:
        messages.error(request, str(refused))
        return redirect("accounts:account")
    messages.success(request, f"Your ORCID iD, {orcid_id}, is connected to your account.")
    profile = claims.link_profile_with_orcid(request.user, orcid_id)
    if profile is not None:
        messages.success(request, f"Your account is linked to your researcher profile, {profile}.")
    return redirect("accounts:account")


@require_POST
@login_required
def disconnect_orcid(request: HttpRequest) -> HttpResponse:
    """Forgets the account's ORCID iD (possible even once the site stops offering ORCID: it is the
    person's data). A profile already linked stays linked."""
    deleted, _ = OrcidConnection.objects.filter(user=request.user).delete()
    if not deleted:
        raise Http404("No ORCID iD is connected to your account.")
    messages.success(request, "Your ORCID iD is no longer connected to your account.")
    return redirect("accounts:account")


@login_required
def claim_list(request: HttpRequest) -> HttpResponse:
    """Requests to be linked to the profiles the signed-in person looks after, to approve or refuse."""
    if not (is_curator(request.user) or request.user.edited_organisations.exists()):
        raise PermissionDenied
    return render(request, "accounts/claims.html", {"claims": list(claims.claims_for(request.user)[:100])})


@require_POST
@login_required
def decide_claim(request: HttpRequest, pk: int) -> HttpResponse:
    claim = get_object_or_404(claims.claims_for(request.user), pk=pk)
    approve = request.POST.get("decision") == "approve"
    if request.POST.get("decision") not in ("approve", "refuse"):
        return HttpResponseBadRequest("Choose to approve or refuse the request.")
    try:
        claims.decide(claim, request.user, approve)
    except claims.ClaimRefused as refused:
        messages.error(request, str(refused))
    else:
        tasks.tell_claimant.enqueue(claim_id=claim.pk, site_url=site_url(request))
        done = "linked to" if approve else "not linked to"
        messages.success(request, f"{claim.user.email} is {done} the profile of {claim.researcher}.")
    return redirect("accounts:claims")


@login_required
def download_my_data(request: HttpRequest) -> HttpResponse:
    """Everything held about the signed-in person, as one JSON file (accounts/personal_data.py)."""
    response = HttpResponse(personal_data.as_json(request.user), content_type="application/json")
    response["Content-Disposition"] = 'attachment; filename="my-data-n8-cyp-portal.json"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
def close_account(request: HttpRequest) -> HttpResponse:
    """Explains what closing the account does, and does it once confirmed with the password."""
    form = CloseAccountForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        account = personal_data.close(request.user)
        auth_logout(request)
        return render(request, "accounts/closed.html", {"until": account.reopenable_until})
    context = {
        "form": form,
        "profile": Researcher.objects.filter(account=request.user).first(),
        "orcid": OrcidConnection.objects.filter(user=request.user).first(),
        "reopenable_days": REOPENABLE_FOR.days,
    }
    return render(request, "accounts/close.html", context, status=400 if form.errors else 200)
