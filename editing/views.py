"""Editing entries on the site: forms with preview, the review workflow, history, archiving and deleting.

Who may do what is decided by accounts.policy; these views only ask it.
"""

import copy

import reversion
from django.contrib import messages
from django.contrib.admin.utils import NestedObjects
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DEFAULT_DB_ALIAS, IntegrityError, transaction
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.module_loading import import_string
from django.views.decorators.http import require_GET, require_POST

from accounts.policy import Action, can, is_curator, reviewable_by
from core.filters import printable
from core.models import Entry
from core.navigation import posted_next
from core.ratelimits import limited
from involvement.models import Opportunity
from organisations.models import Organisation
from people.models import Researcher
from projects.models import Membership, Project
from search.service import completions

from . import history, workflow
from .forms import FORMS, PARTS, ReturnForm
from .kinds import KINDS, kind_of, model_for

# The detail view that shows each kind of entry, for previews.
DETAIL_VIEWS = {
    "researchers": "people.views.researcher_detail",
    "datasets": "datasets.views.dataset_detail",
    "projects": "projects.views.project_detail",
    "opportunities": "involvement.views.opportunity_detail",
}
# Kinds whose names the forms suggest while typing: their label in the search index, their name field.
CHOICE_KINDS = {
    "researchers": ("Researcher", "name"),
    "datasets": ("Dataset", "title"),
    "organisations": ("Organisation", "name"),
    "projects": ("Project", "title"),
}


def entry_or_404(kind: str, slug: str) -> Entry:
    return get_object_or_404(model_for(kind), slug=slug)


def require(user, action: Action, entry) -> None:
    """PermissionDenied when `user` may not do `action` to `entry`, or 404 when they may not even see it,
    so that a hidden entry answers as a missing one does."""
    if not can(user, action, entry):
        if not can(user, Action.VIEW, entry):
            raise Http404("No such entry.")
        raise PermissionDenied


def edit_url(entry: Entry) -> str:
    return reverse("editing:edit", args=[kind_of(entry), entry.slug])


@login_required
def new_entry(request: HttpRequest, kind: str) -> HttpResponse:
    model = model_for(kind)
    if model not in FORMS:
        raise Http404("Entries of this kind are added by curators in the admin.")
    require(request.user, Action.SUGGEST, model)
    entry = model(author=request.user)
    if model is Researcher and request.GET.get("mine") and not hasattr(request.user, "researcher_profile"):
        entry.account = request.user
    if model is Opportunity:
        # "Offer a way to take part" on a project's page starts the form with that project.
        wanted = printable(request.GET.get("project", ""))
        entry.project = Project.objects.published().filter(slug=wanted).first()
    return edit_form(request, kind, entry)


@login_required
def edit_entry(request: HttpRequest, kind: str, slug: str) -> HttpResponse:
    entry = entry_or_404(kind, slug)
    if type(entry) not in FORMS:
        raise Http404("Entries of this kind are edited by curators in the admin.")
    require(request.user, Action.EDIT, entry)
    return edit_form(request, kind, entry)


class Refused(Exception):
    """The save cannot go ahead as asked; nothing of it was kept. Its message goes on the form."""


def edit_form(request: HttpRequest, kind: str, entry: Entry) -> HttpResponse:
    posted = request.method == "POST"
    # The version the person started from travels with the form until it is saved, so a second
    # showing of the form (after an error, or back from the preview) cannot hide someone else's save.
    version = request.POST.get("version", "") if posted else (entry.updated.isoformat() if entry.pk else "")
    original = copy.copy(entry)
    form, parts = bound_forms(request, entry)
    if not posted or request.POST.get("action") == "edit":
        return show_form(request, kind, entry, form, parts, version)
    if not (form.is_valid() and all(formset.is_valid() for formset in parts.values())):
        return show_form(request, kind, entry, form, parts, version, status=400)
    try:
        if request.POST.get("action") == "preview":
            return preview(request, kind, form, parts)
        return save(request, kind, entry, form, parts, request.POST.get("action", "save"))
    except Refused as refused:
        # Everything was rolled back; show the form again on the entry as it was.
        form, parts = bound_forms(request, copy.copy(original))
        form.is_valid()
        form.add_error(None, str(refused))
        return show_form(request, kind, original, form, parts, version, status=400)


def bound_forms(request, entry: Entry):
    data = request.POST if request.method == "POST" else None
    form_class = FORMS[type(entry)]
    # A form that offers only what its user may link to (an opportunity's project) needs to know them.
    extra = {"user": request.user} if getattr(form_class, "needs_user", False) else {}
    form = form_class(data, instance=entry, **extra)
    make_parts = PARTS.get(type(entry))
    parts = make_parts(data, instance=entry) if make_parts else {}
    return form, parts


def show_form(request, kind, entry, form, parts, version, status=200, conflict=None) -> HttpResponse:
    context = {
        "entry": entry,
        "kind": kind,
        "form": form,
        "parts": parts,
        "version": version,
        "may_publish": is_publishable_by(request.user, entry),
        "conflict": conflict,
        "error_count": len(form.errors) + sum(len(f.errors) for p in parts.values() for f in p.forms),
        "errors": error_links(form, parts),
    }
    return render(request, "editing/edit.html", context, status=status)


def error_links(form, parts) -> list[tuple[str, str]]:
    """Each problem in the form and its parts, in order, with the anchor of the box it is about (or
    of the form's top, or the part's group): the GOV.UK error summary's list."""
    links = [(str(error), "#edit-form") for error in form.non_field_errors()]
    for field in form:
        links.extend((f"{field.label}: {error}", f"#{field.auto_id}") for error in field.errors)
    for prefix, formset in parts.items():
        links.extend((str(error), f"#part-{prefix}") for error in formset.non_form_errors())
        for number, part in enumerate(formset.forms, start=1):
            links.extend((f"Row {number}: {error}", f"#part-{prefix}") for error in part.non_field_errors())
            for field in part:
                links.extend(
                    (f"Row {number}, {field.label}: {error}", f"#{field.auto_id}") for error in field.errors
                )
    return links


def is_publishable_by(user, entry: Entry) -> bool:
    """New entries are published straight away only by curators; others go through review."""
    return can(user, Action.PUBLISH, entry) if entry.pk else can(user, Action.PUBLISH, type(entry))


class _Discard(Exception):
    """Raised inside a preview's transaction so that nothing it saved is kept."""


def preview(request, kind, form, parts) -> HttpResponse:
    """The entry's public page as it would look, made by saving it in a transaction that is then undone."""
    view = import_string(DETAIL_VIEWS[kind])
    shown = copy.copy(request)
    shown.method = "GET"
    shown.preview_data = [
        (name, value) for name, values in request.POST.lists() for value in values if name != "action"
    ]
    shown.preview_edit_url = request.path
    try:
        with transaction.atomic():
            entry = persist(form, parts)
            # May edit it now, so may see it as changed, even if the change hands it to others.
            shown.previewing = (type(entry), entry.pk)
            raise _Discard(view(shown, entry.slug))
    except _Discard as discarded:
        return discarded.args[0]


def persist(form, parts) -> Entry:
    """Saves the form and its parts; Refused (nothing kept) when rows clash with each other."""
    try:
        with transaction.atomic():
            entry = form.save()
            for formset in parts.values():
                formset.instance = entry
                save_rows(formset)
    except IntegrityError as clash:
        raise Refused(
            "Some rows clash with each other: a person listed twice, a dataset listed twice or two leads. "
            "If you are swapping people between rows, save the change in two steps."
        ) from clash
    return entry


def save_rows(formset) -> None:
    """Removals first, then the other rows, the lead last, so that the one-lead rule holds at each step."""
    rows = formset.save(commit=False)
    for removed in formset.deleted_objects:
        removed.delete()
    for row in sorted(rows, key=lambda row: getattr(row, "role", "") == Membership.Role.LEAD):
        row.save()


def save(request, kind, entry: Entry, form, parts, action: str) -> HttpResponse:
    is_new = entry.pk is None
    with transaction.atomic():
        if not is_new:
            current = type(entry)._default_manager.select_for_update().get(pk=entry.pk)
            if current.updated.isoformat() != request.POST.get("version"):
                return refuse_lost_update(request, kind, entry, form, parts, current)
            history.ensure_first_version(current)
        with reversion.create_revision():
            entry = persist(form, parts)
            reversion.set_user(request.user)
            reversion.set_comment("Created" if is_new else "Edited")
        if action in ("submit", "publish"):
            try:
                workflow.make_move(request.user, entry, action, request=request)
            except ValidationError as refused:
                raise Refused(" ".join(refused.messages)) from refused
    messages.success(request, saved_message(entry, action))
    return redirect(entry.get_absolute_url())


def saved_message(entry: Entry, action: str) -> str:
    if action == "submit":
        return f"“{entry}” is submitted for review. You will hear by email when it has been reviewed."
    if action == "publish":
        return f"“{entry}” is published."
    if entry.is_published:
        return f"Your changes to “{entry}” are saved and public."
    return f"“{entry}” is saved as a {entry.get_status_display().lower()}. Only the people who look after it can see it."


def refuse_lost_update(request, kind, entry, form, parts, current: Entry) -> HttpResponse:
    """Someone saved the entry after this form was opened: show what they changed, keep what was typed."""
    conflict = history.changes_since(current, request.POST.get("version", ""))
    form.add_error(
        None,
        "Someone else saved this entry after you opened it, so your changes were not saved. "
        "Their changes are listed below. Check your form against them and save again.",
    )
    version = current.updated.isoformat()
    return show_form(request, kind, entry, form, parts, version, status=409, conflict=conflict or [None])


@require_GET
@limited("autocomplete", answers_json=True)
def choices(request: HttpRequest, kind: str) -> JsonResponse:
    """Names of published entries of one kind that start with, or contain, what was typed."""
    if kind not in CHOICE_KINDS:
        raise Http404("No suggestions for this kind of entry.")
    label, name_field = CHOICE_KINDS[kind]
    found = completions(request.GET.get("q", "")[:100], limit=30)
    slugs = [item["url"].rstrip("/").rsplit("/", 1)[-1] for item in found if item["kind"] == label][:10]
    # The search index shows researchers with their titles; the box wants the name as stored.
    published = model_for(kind).objects.published()
    names = dict(published.filter(slug__in=slugs).values_list("slug", name_field))
    return JsonResponse({"choices": [names[slug] for slug in slugs if slug in names]})


@login_required
@require_POST
def move(request: HttpRequest, kind: str, slug: str, name: str) -> HttpResponse:
    entry = entry_or_404(kind, slug)
    try:
        made = workflow.make_move(request.user, entry, name, request.POST.get("comment", ""), request)
    except ValidationError as refused:
        messages.error(request, " ".join(refused.messages))
        return redirect(posted_next(request, entry.get_absolute_url()))
    messages.success(
        request, f"“{entry}”: {made.label.lower()} done. It is now {entry.get_status_display().lower()}."
    )
    return redirect(posted_next(request, entry.get_absolute_url()))


@login_required
def confirm_archive(request: HttpRequest, kind: str, slug: str) -> HttpResponse:
    entry = entry_or_404(kind, slug)
    require(request.user, Action.ARCHIVE, entry)
    return render(request, "editing/confirm_archive.html", {"entry": entry, "kind": kind})


@login_required
def review_queue(request: HttpRequest) -> HttpResponse:
    """Suggestions and edits waiting for a decision, oldest first, for the people who may publish them."""
    waiting = []
    for kind, model in KINDS.items():
        entries = reviewable_by(request.user, model.objects.filter(status=Entry.Status.SUBMITTED))
        waiting += [(kind, entry) for entry in entries.select_related("author").order_by("updated")[:100]]
    if not (is_curator(request.user) or Organisation.objects.filter(editors=request.user).exists()):
        raise PermissionDenied
    waiting.sort(key=lambda pair: pair[1].updated)
    return render(request, "editing/review_queue.html", {"waiting": waiting, "return_form": ReturnForm()})


@login_required
def entry_history(request: HttpRequest, kind: str, slug: str) -> HttpResponse:
    entry = entry_or_404(kind, slug)
    require(request.user, Action.EDIT, entry)
    page, numbered, total = history.numbered_page(entry, request.GET.get("page"))
    return render(
        request,
        "editing/history.html",
        {
            "entry": entry,
            "kind": kind,
            "page": page,
            "steps": [step for _, step in numbered],
            "numbered": numbered,
            "total": total,
            "show_emails": is_curator(request.user),
        },
    )


@login_required
def restore_version(request: HttpRequest, kind: str, slug: str, version_id: int) -> HttpResponse:
    entry = entry_or_404(kind, slug)
    require(request.user, Action.EDIT, entry)
    version = get_object_or_404(history.versions_of(entry), pk=version_id)
    if request.method == "POST":
        try:
            history.restore(entry, version, request.user)
        except history.RestoreFailed as failed:
            messages.error(request, str(failed))
            return redirect("editing:history", kind, slug)
        messages.success(
            request, f"“{entry}” is back as it was on {version.revision.date_created:%d %B %Y at %H:%M}."
        )
        return redirect(entry.get_absolute_url())
    latest = history.versions_of(entry).first()
    changes = history.steps(entry, [version], latest)[0].changes if latest != version else []
    return render(
        request,
        "editing/confirm_restore.html",
        {"entry": entry, "kind": kind, "version": version, "changes": changes},
    )


@login_required
def delete_entry(request: HttpRequest, kind: str, slug: str) -> HttpResponse:
    """Curators only, after seeing everything that would go with the entry."""
    entry = entry_or_404(kind, slug)
    require(request.user, Action.DELETE, entry)
    collector = NestedObjects(using=DEFAULT_DB_ALIAS)
    collector.collect([entry])
    going = collector.nested(str)
    blocked = sorted(str(item) for item in collector.protected)
    if request.method == "POST" and not blocked:
        with transaction.atomic(), reversion.create_revision():
            reversion.add_to_revision(entry)
            reversion.set_user(request.user)
            reversion.set_comment("Deleted")
            entry.delete()
        messages.success(request, f"“{entry}” is deleted. A curator can recover it from the admin’s history.")
        return redirect(f"{kind_url(kind)}")
    context = {"entry": entry, "kind": kind, "going": going, "blocked": blocked}
    return render(
        request,
        "editing/confirm_delete.html",
        context,
        status=409 if blocked and request.method == "POST" else 200,
    )


def kind_url(kind: str) -> str:
    return reverse("people:list" if kind == "researchers" else f"{kind}:list")
