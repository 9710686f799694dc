"""Who may do what in the directory: the one place that decides.

Roles, from least to most:
- anyone: view published entries;
- any signed-in person: also suggest a new researcher, dataset or project for review, and edit
  their suggestion until it has been reviewed (once published, it is no longer theirs);
- a researcher (an account linked to a researcher profile): also edit their own profile and the
  projects they lead;
- an organisation editor: also edit, publish and archive the entries of the organisations they edit
  (the organisation itself, its datasets, its projects and the profiles of its people), and review
  suggestions for them;
- a curator (member of the Curators group, or a superuser): everything, including deleting, and the
  themes.
Involvement opportunities are offered by a project or an organisation: only project leads, organisation
editors and curators may offer one; a project's lead looks after its opportunities, and the editors
of the organisations the project or opportunity belongs to review them.
Anyone who may edit an entry may also view it while it is not published.

Each rule is written once, as a query (`own_entries`, `organisation_entries`), so that single
entries, review queues and reminders all agree.
"""

from enum import StrEnum

from django.contrib.auth import get_user_model
from django.db.models import Model, Q, QuerySet

from core.models import Entry
from datasets.models import Dataset
from involvement.models import Opportunity
from organisations.models import Organisation
from people.models import Researcher
from projects.models import Membership, Project

CURATORS_GROUP = "Curators"
UNREVIEWED = (Entry.Status.DRAFT, Entry.Status.SUBMITTED)


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
        return offers_involvement(user) if entry is Opportunity else entry in SUGGESTIBLE
    if isinstance(entry, type) or action == Action.DELETE:
        return False
    if action in (Action.VIEW, Action.EDIT):
        return is_own(user, entry) or edits_organisation_of(user, entry)
    if action in (Action.PUBLISH, Action.ARCHIVE):
        return edits_organisation_of(user, entry)
    return False


def offers_involvement(user) -> bool:
    """Whether `user` may offer involvement opportunities: they lead a project or edit an organisation
    (curators always may). Two queries at most."""
    leads = Membership.objects.filter(role=Membership.Role.LEAD, researcher__account=user)
    return leads.exists() or Organisation.objects.filter(editors=user).exists()


def _one(entry: Model) -> QuerySet:
    return type(entry)._default_manager.filter(pk=entry.pk)


def is_own(user, entry: Model) -> bool:
    """The researcher's own profile, a project they lead, or their suggestion awaiting review."""
    return own_entries(user, _one(entry)).exists()


def edits_organisation_of(user, entry: Model) -> bool:
    """Whether `user` edits an organisation that `entry` belongs to."""
    return organisation_entries(user, _one(entry)).exists()


def own_entries(user, entries: QuerySet) -> QuerySet:
    """The entries of `entries` that are `user`'s own (see `is_own`)."""
    model = entries.model
    condition = Q(pk__in=[])
    if issubclass(model, Entry):
        # Never reviewed: an entry once published stays out of its suggester's hands when reopened.
        condition = Q(author=user, status__in=UNREVIEWED, last_reviewed__isnull=True)
    if model is Researcher:
        condition |= Q(account=user)
    elif model is Project:
        led = Membership.objects.filter(role=Membership.Role.LEAD, researcher__account=user)
        condition |= Q(pk__in=led.values("project"))
    elif model is Opportunity:
        led = Membership.objects.filter(role=Membership.Role.LEAD, researcher__account=user)
        condition |= Q(project__in=led.values("project"))
    return entries.filter(condition)


def organisation_entries(user, entries: QuerySet) -> QuerySet:
    """The entries of `entries` that belong to an organisation `user` edits."""
    edited = Organisation.objects.filter(editors=user).values("pk")
    return entries.filter(_belongs_to(entries.model, edited))


def _belongs_to(model, organisations) -> Q:
    """Entries of `model` that belong to one of `organisations` (a queryset of primary keys)."""
    if model is Organisation:
        return Q(pk__in=organisations)
    if model is Dataset:
        return Q(custodian__in=organisations)
    if model is Researcher:
        return Q(organisation__in=organisations)
    if model is Project:
        led_from = Membership.objects.filter(
            role=Membership.Role.LEAD, researcher__organisation__in=organisations
        ).values("project")
        partnered = Project.partner_organisations.through.objects.filter(
            organisation__in=organisations
        ).values("project")
        return Q(pk__in=led_from) | Q(pk__in=partnered)
    if model is Opportunity:
        projects = Project.objects.filter(_belongs_to(Project, organisations)).values("pk")
        return Q(organisation__in=organisations) | Q(project__in=projects)
    return Q(pk__in=[])


def reviewable_by(user, entries: QuerySet) -> QuerySet:
    """The entries of `entries` that `user` may publish, return or archive (their review queue)."""
    if is_curator(user):
        return entries
    if not user.is_authenticated:
        return entries.none()
    return organisation_entries(user, entries)


def editable_by(user, entries: QuerySet) -> QuerySet:
    """The entries of `entries` that `user` may edit."""
    if is_curator(user):
        return entries
    if not user.is_authenticated:
        return entries.none()
    return entries.filter(pk__in=own_entries(user, entries).values("pk")) | organisation_entries(
        user, entries
    )


def people_who_look_after(entry: Model) -> QuerySet:
    """The active accounts other than curators' that may edit `entry`: whom to tell about it."""
    is_unreviewed_suggestion = entry.status in UNREVIEWED and entry.last_reviewed is None
    owners = Q(pk=entry.author_id) if is_unreviewed_suggestion else Q(pk__in=[])
    if isinstance(entry, Researcher):
        owners |= Q(pk=entry.account_id)
    elif isinstance(entry, Project | Opportunity) and (project_id := _project_id(entry)):
        owners |= Q(
            researcher_profile__memberships__project=project_id,
            researcher_profile__memberships__role=Membership.Role.LEAD,
        )
    editors = Q(edited_organisations__in=organisations_of(entry))
    return get_user_model().objects.filter(owners | editors, is_active=True).distinct()


def _project_id(entry: Project | Opportunity) -> int | None:
    """The project itself, or the project offering an opportunity."""
    return entry.pk if isinstance(entry, Project) else entry.project_id


def organisations_of(entry: Model) -> QuerySet:
    """The organisations whose editors may edit `entry` (the reverse of `_belongs_to`)."""
    if isinstance(entry, Organisation):
        return Organisation.objects.filter(pk=entry.pk)
    if isinstance(entry, Dataset):
        return Organisation.objects.filter(pk=entry.custodian_id)
    if isinstance(entry, Researcher):
        return Organisation.objects.filter(pk=entry.organisation_id)
    if isinstance(entry, Project):
        leads = Membership.objects.filter(project=entry, role=Membership.Role.LEAD)
        return Organisation.objects.filter(
            Q(partner_projects=entry) | Q(pk__in=leads.values("researcher__organisation"))
        )
    if isinstance(entry, Opportunity):
        # The organisation offering it, and those of the project offering it.
        offering = Q(pk=entry.organisation_id) if entry.organisation_id else Q(pk__in=[])
        if entry.project_id:
            project = Project(pk=entry.project_id)
            offering |= Q(pk__in=organisations_of(project).values("pk"))
        return Organisation.objects.filter(offering)
    return Organisation.objects.none()


def may_edit_dictionary(user, dataset: Dataset) -> bool:
    """Curators and the editors of the dataset's custodian may change its data dictionary (not the
    suggester of a draft: a dictionary is the custodian's account of its data)."""
    if not user.is_authenticated:
        return False
    return is_curator(user) or edits_organisation_of(user, dataset)
