from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from core.clients import client_ip
from core.ratelimits import limited

from .forms import HONEYPOT_FIELD, ContactForm, is_robot
from .models import ContactMessage
from .sending import receive

Outcome = ContactMessage.Outcome


@require_http_methods(["GET", "POST"])
@limited("contact", methods=["POST"])
def contact(request: HttpRequest) -> HttpResponse:
    """The contact and feedback form; a message goes to the curators by email."""
    context = {"honeypot": HONEYPOT_FIELD}
    if request.method == "GET":
        context["form"] = ContactForm(initial={"page": request.GET.get("page", "")[:500]})
        return render(request, "contact/contact.html", context)
    ip = client_ip(request) or None
    if is_robot(request.POST):
        # Robots are told it went, so they have no reason to try another way; nothing is kept.
        return render(request, "contact/sent.html", context)
    form = ContactForm(request.POST)
    context["form"] = form
    if not form.is_valid():
        return render(request, "contact/contact.html", context, status=400)
    message = form.save(commit=False)
    message.ip = ip
    outcome = receive(message).outcome
    if outcome == Outcome.RATE_LIMITED:
        return render(request, "contact/rate_limited.html", context, status=429)
    if outcome == Outcome.FAILED:
        return render(request, "contact/failed.html", context, status=503)
    return render(request, "contact/sent.html", context)
