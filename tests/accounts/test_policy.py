"""The permission matrix: every role × every action × own or other entry × every kind of entry."""

import itertools

import pytest
from django.contrib.auth.models import AnonymousUser, Group

from accounts.policy import (
    CURATORS_GROUP,
    Action,
    can,
    editable_by,
    is_curator,
    people_who_look_after,
    reviewable_by,
)
from datasets.models import Dataset
from organisations.models import Organisation
from people.models import Researcher
from projects.models import Membership, Project
from tests.factories import (
    DatasetFactory,
    MembershipFactory,
    OrganisationFactory,
    ProjectFactory,
    ResearcherFactory,
    ThemeFactory,
)
from themes.models import Theme

ROLES = ["visitor", "signed-in", "researcher", "organisation editor", "curator"]
KINDS = [Researcher, Dataset, Project, Organisation, Theme]
ENTRY_ACTIONS = [Action.VIEW, Action.EDIT, Action.PUBLISH, Action.ARCHIVE, Action.DELETE]
EVERYTHING = set(ENTRY_ACTIONS)
OWN_WORK = {Action.VIEW, Action.EDIT}
ORGANISATION_WORK = {Action.VIEW, Action.EDIT, Action.PUBLISH, Action.ARCHIVE}

# What each role may do to a draft entry that is (own=True) or is not theirs, written out by hand.
EXPECTED = {
    ("researcher", Researcher, True): OWN_WORK,
    ("researcher", Project, True): OWN_WORK,
    ("organisation editor", Researcher, True): ORGANISATION_WORK,
    ("organisation editor", Dataset, True): ORGANISATION_WORK,
    ("organisation editor", Project, True): ORGANISATION_WORK,
    ("organisation editor", Organisation, True): ORGANISATION_WORK,
    **{("curator", kind, own): EVERYTHING for kind in KINDS for own in (True, False)},
}
SUGGEST = {
    "signed-in": {Researcher, Dataset, Project},
    "researcher": {Researcher, Dataset, Project},
    "organisation editor": {Researcher, Dataset, Project},
    "curator": set(KINDS),
}


@pytest.fixture
def world(django_user_model):
    """Users of every role, and for each kind a draft entry that is theirs and one that is not."""
    users = {
        "visitor": AnonymousUser(),
        "signed-in": django_user_model.objects.create_user("someone", "someone@example.org"),
        "researcher": django_user_model.objects.create_user("researcher", "r@example.org"),
        "organisation editor": django_user_model.objects.create_user("editor", "e@example.org"),
        "curator": django_user_model.objects.create_user("curator", "c@example.org"),
    }
    users["curator"].groups.add(Group.objects.get(name=CURATORS_GROUP))
    edited = OrganisationFactory(status="draft")
    edited.editors.add(users["organisation editor"])
    profile = ResearcherFactory(account=users["researcher"], status="draft")
    led = ProjectFactory(status="draft")
    MembershipFactory(project=led, researcher=profile, role=Membership.Role.LEAD)
    partnered = ProjectFactory(status="draft")
    partnered.partner_organisations.add(edited)
    own = {
        "researcher": {Researcher: profile, Project: led},
        "organisation editor": {
            Researcher: ResearcherFactory(organisation=edited, status="draft"),
            Dataset: DatasetFactory(custodian=edited, status="draft"),
            Project: partnered,
            Organisation: edited,
        },
    }
    other = {
        Researcher: ResearcherFactory(status="draft"),
        Dataset: DatasetFactory(status="draft"),
        Project: ProjectFactory(status="draft"),
        Organisation: OrganisationFactory(status="draft"),
        Theme: ThemeFactory(status="draft"),
    }
    return users, own, other


def entry_for(world, role, kind, is_own):
    _, own, other = world
    return own.get(role, {}).get(kind, other[kind]) if is_own else other[kind]


@pytest.mark.parametrize(
    "role, kind, is_own, action",
    list(itertools.product(ROLES, KINDS, [True, False], ENTRY_ACTIONS)),
    ids=lambda value: getattr(value, "__name__", str(value)),
)
def test_permission_matrix(world, role, kind, is_own, action):
    users = world[0]
    expected = action in EXPECTED.get((role, kind, is_own), set())
    assert can(users[role], action, entry_for(world, role, kind, is_own)) is expected


@pytest.mark.parametrize(
    "role, kind", list(itertools.product(ROLES, KINDS)), ids=lambda v: getattr(v, "__name__", v)
)
def test_who_may_suggest_new_entries(world, role, kind):
    assert can(world[0][role], Action.SUGGEST, kind) is (kind in SUGGEST.get(role, set()))


def test_everyone_may_view_published_entries(world, db):
    published = DatasetFactory()
    assert all(can(user, Action.VIEW, published) for user in world[0].values())


def test_a_project_led_from_an_edited_organisation_is_the_editors(world):
    users, own, _ = world
    project = ProjectFactory(status="draft")
    MembershipFactory(project=project, researcher=own["organisation editor"][Researcher], role="lead")
    assert can(users["organisation editor"], Action.PUBLISH, project)
    assert not can(users["researcher"], Action.EDIT, project)


def test_a_superuser_is_a_curator(django_user_model, db):
    boss = django_user_model.objects.create_superuser("boss", "b@example.org", "x")
    assert can(boss, Action.DELETE, ThemeFactory())


def test_the_admin_follows_the_policy(client, django_user_model):
    curator = django_user_model.objects.create_user("curator", "c@example.org", is_staff=True)
    curator.groups.add(Group.objects.get(name=CURATORS_GROUP))
    staff = django_user_model.objects.create_user("staff", "s@example.org", is_staff=True)
    dataset = DatasetFactory(status="draft")
    change = f"/admin/datasets/dataset/{dataset.pk}/change/"
    delete = f"/admin/datasets/dataset/{dataset.pk}/delete/"
    client.force_login(staff)
    # Staff who are not curators are not let into the admin at all (core/admin_site.py).
    assert client.get(delete)["Location"].startswith("/admin/login/")
    assert client.post(delete, {"post": "yes"})["Location"].startswith("/admin/login/")
    assert Dataset.objects.filter(pk=dataset.pk).exists()
    client.force_login(curator)
    assert client.get(change).status_code == 200
    assert client.post(delete, {"post": "yes"}).status_code == 302
    assert not Dataset.objects.filter(pk=dataset.pk).exists()


@pytest.mark.parametrize("status, may_edit", [("draft", True), ("submitted", True), ("published", False)])
def test_a_suggestion_is_its_authors_until_it_is_reviewed(world, status, may_edit):
    someone = world[0]["signed-in"]
    suggestion = DatasetFactory(author=someone, status=status)
    assert can(someone, Action.EDIT, suggestion) is may_edit
    assert not can(someone, Action.PUBLISH, suggestion)


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.__name__)
def test_queries_agree_with_single_entry_answers(world, kind):
    """Review queues, editing lists and reminders use the same rules as `can`."""
    users, own, other = world
    entries = {entry for role_entries in own.values() for entry in role_entries.values()} | set(
        other.values()
    )
    entries = [entry for entry in entries if isinstance(entry, kind)]
    everyone = kind.objects.filter(pk__in=[entry.pk for entry in entries])
    for role, user in users.items():
        assert set(editable_by(user, everyone)) == {e for e in entries if can(user, Action.EDIT, e)}, role
        assert set(reviewable_by(user, everyone)) == {e for e in entries if can(user, Action.PUBLISH, e)}, (
            role
        )
    for entry in entries:
        expected = {
            user
            for user in users.values()
            if user.is_authenticated and not is_curator(user) and can(user, Action.EDIT, entry)
        }
        assert set(people_who_look_after(entry)) == expected, entry
