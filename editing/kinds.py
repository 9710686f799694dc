"""The kinds of entry, by the name they have in web addresses (/edit/datasets/…, /review/…)."""

from django.http import Http404

from datasets.models import Dataset
from involvement.models import Opportunity
from organisations.models import Organisation
from people.models import Researcher
from projects.models import Project
from themes.models import Theme

KINDS = {
    "researchers": Researcher,
    "datasets": Dataset,
    "projects": Project,
    "opportunities": Opportunity,
    "organisations": Organisation,
    "themes": Theme,
}


def model_for(kind: str):
    """The entry model called `kind` in web addresses; 404 for any other name."""
    try:
        return KINDS[kind]
    except KeyError:
        raise Http404(f"There is no kind of entry called “{kind}”.") from None


def kind_of(entry) -> str:
    """The web-address name of `entry`'s kind (the reverse of `model_for`)."""
    return next(kind for kind, model in KINDS.items() if isinstance(entry, model))
