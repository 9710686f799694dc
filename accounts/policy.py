"""Who may do what in the directory: the one place that decides.

Roles, from least to most:
- anyone: view published entries;
- any signed-in person: also suggest a new researcher, dataset or project for review;
- a researcher (an account linked to a researcher profile): also edit their own profile and the
  projects they lead;
- an organisation editor: also edit, publish and archive the entries of the organisations they edit
  (the organisation itself, its datasets, its projects and the profiles of its people), and review
  suggestions for them;
- a curator (member of the Curators group, or a superuser): everything, including deleting, and the
  themes.
Anyone who may edit an entry may also view it while it is a draft.
"""

from enum import StrEnum

from django.db.models import Model

from datasets.models import Dataset
from organisations.models import Organisation
from people.models import Researcher
from projects.models import Membership, Project

CURATORS_GROUP = "Curators"


class Action(StrEnum):
    VIEW = "view"
    SUGGEST = "suggest"
    EDIT = "edit"
    PUBLISH = "publish"
    ARCHIVE = "archive"
    DELETE = "delete"


SUGGESTIBLE = (Researcher, Dataset, Project)


def is_curator(user) -> bool:
    """Queries the database once per request for a signed-in non-superuser (then cached on the user)."""
    if not user.is_authenticated:
        return False
    if not hasattr(user, "_is_curator"):
        user._is_curator = user.is_superuser or user.groups.filter(name=CURATORS_GROUP).exists()
    return user._is_curator


def can(user, action: Action, entry: Model | type[Model]) -> bool:
    """May `user` do `action` to `entry` (an instance, or a model class for SUGGEST)?"""
    if action == Action.VIEW and not isinstance(entry, type) and entry.is_published:
        return True
    if not user.is_authenticated:
        return False
    if is_curator(user):
        return True
    if action == Action.SUGGEST:
        return entry in SUGGESTIBLE
    if isinstance(entry, type) or action == Action.DELETE:
        return False
    if action in (Action.VIEW, Action.EDIT):
        return is_own(user, entry) or edits_organisation_of(user, entry)
    if action in (Action.PUBLISH, Action.ARCHIVE):
        return edits_organisation_of(user, entry)
    return False


def is_own(user, entry: Model) -> bool:
    """The researcher's own profile, or a project they lead."""
    if isinstance(entry, Researcher):
        return entry.account_id == user.pk
    if isinstance(entry, Project):
        return Membership.objects.filter(
            project=entry, role=Membership.Role.LEAD, researcher__account=user
        ).exists()
    return False


def edits_organisation_of(user, entry: Model) -> bool:
    """Whether `user` edits an organisation that `entry` belongs to."""
    edited = Organisation.objects.filter(editors=user)
    if isinstance(entry, Organisation):
        return edited.filter(pk=entry.pk).exists()
    if isinstance(entry, Dataset):
        return edited.filter(pk=entry.custodian_id).exists()
    if isinstance(entry, Researcher):
        return edited.filter(pk=entry.organisation_id).exists()
    if isinstance(entry, Project):
        lead_organisations = Membership.objects.filter(project=entry, role=Membership.Role.LEAD).values(
            "researcher__organisation"
        )
        return (
            edited.filter(pk__in=entry.partner_organisations.values("pk")).exists()
            or edited.filter(pk__in=lead_organisations).exists()
        )
    return False
