from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from core.clients import client_ip
from core.models import Entry
from core.ratelimits import limited
from datasets.models import Dataset
from involvement.models import Opportunity
from people.models import Researcher

from .forms import HONEYPOT_FIELD, MESSAGE_MAX_LENGTH, IntroductionForm, is_robot
from .models import IntroductionRequest
from .sending import address_of, log, request_introduction

Outcome = IntroductionRequest.Outcome


@require_http_methods(["GET", "POST"])
def to_researcher(request: HttpRequest, slug: str) -> HttpResponse:
    researcher = get_object_or_404(Researcher.objects.published().select_related("account"), slug=slug)
    return introduction(request, researcher)


@require_http_methods(["GET", "POST"])
def to_dataset(request: HttpRequest, slug: str) -> HttpResponse:
    return introduction(request, get_object_or_404(Dataset.objects.published(), slug=slug))


@require_http_methods(["GET", "POST"])
def to_opportunity(request: HttpRequest, slug: str) -> HttpResponse:
    """Taking part: a message to the people running an opportunity, as an introduction is."""
    opportunities = Opportunity.objects.published().select_related("project", "organisation")
    return introduction(request, get_object_or_404(opportunities, slug=slug))


ACTIONS = {Dataset: "introductions:dataset", Opportunity: "introductions:opportunity"}


def action_for(entry: Entry) -> str:
    """Where an entry's introduction form posts to."""
    return reverse(ACTIONS.get(type(entry), "introductions:researcher"), args=[entry.slug])


def kind_context(entry: Entry) -> dict:
    """What the templates need to word the page for the kind of entry."""
    return {"is_dataset": isinstance(entry, Dataset), "is_opportunity": isinstance(entry, Opportunity)}


def introduction_form(request: HttpRequest, data=None, entry: Entry | None = None) -> IntroductionForm:
    """The form, with a signed-in person's name and address filled in for them."""
    user = request.user
    initial = {"name": user.get_full_name(), "email": user.email} if user.is_authenticated else {}
    form = IntroductionForm(data, initial=initial, auto_id="introduction-%s")
    if isinstance(entry, Opportunity):
        form.fields["message"].help_text = (
            "Who you are, why you would like to take part, and any support you need to take part. "
            f"At most {MESSAGE_MAX_LENGTH} characters."
        )
    return form


@limited("introductions", methods=["POST"])
def introduction(request: HttpRequest, entry: Entry) -> HttpResponse:
    """The form on its own page (GET, or to show what to correct), and what happens when it is sent.

    Whatever the outcome, the page never shows where the email went.
    """
    ip = client_ip(request) or None
    context = {
        "entry": entry,
        **kind_context(entry),
        "action": action_for(entry),
        "honeypot": HONEYPOT_FIELD,
    }
    if request.method == "POST" and is_robot(request.POST):
        # Robots are told it went, so they have no reason to try another way.
        submitted = {
            name: request.POST.get(name, "") for name in ("name", "organisation", "email", "message")
        }
        log(entry, submitted, ip, Outcome.HONEYPOT)
        return render(request, "introductions/sent.html", context)
    if not address_of(entry):
        return render(request, "introductions/not_available.html", context, status=403)
    form = introduction_form(request, request.POST if request.method == "POST" else None, entry)
    context["form"] = form
    if request.method == "GET":
        return render(request, "introductions/introduction.html", context)
    if not form.is_valid():
        return render(request, "introductions/introduction.html", context, status=400)
    outcome = request_introduction(entry, form.cleaned_data, ip)
    if outcome == Outcome.RATE_LIMITED:
        return render(request, "introductions/rate_limited.html", context, status=429)
    if outcome == Outcome.FAILED:
        return render(request, "introductions/failed.html", context, status=503)
    if outcome == Outcome.NOT_AVAILABLE:
        return render(request, "introductions/not_available.html", context, status=403)
    return render(request, "introductions/sent.html", context)
