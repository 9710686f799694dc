from django import template

from datasets.models import Dataset
from introductions.forms import HONEYPOT_FIELD
from introductions.sending import address_of
from introductions.views import action_for, introduction_form

register = template.Library()


@register.inclusion_tag("datasets/_enquiry.html", takes_context=True)
def dataset_enquiry(context, dataset: Dataset) -> dict:
    """The form to ask the custodian about a dataset, reaching its contact point or its custodian's
    team without showing their address; or where else to turn when neither can be reached.
    Queries the database at most once (see `introductions.sending.address_of`)."""
    request = context["request"]
    return {
        "request": request,
        "entry": dataset,
        "is_dataset": True,
        "available": bool(address_of(dataset)),
        "form": introduction_form(request),
        "action": action_for(dataset),
        "honeypot": HONEYPOT_FIELD,
    }


@register.inclusion_tag("datasets/_fact.html")
def access_fact(label: str, value, note: str = "") -> dict:
    """One fact of the route to access, or "Not yet known" with the way to ask, never a silent gap."""
    return {"label": label, "value": value, "note": note}
