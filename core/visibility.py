"""Which entry a detail page may show: published ones to everyone, others to those who look after them."""

from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from accounts.policy import Action, can


def visible_entry(request: HttpRequest, entries: QuerySet, **lookup):
    """The entry `lookup` finds in `entries` if `request.user` may view it; 404 otherwise, as if absent."""
    entry = get_object_or_404(entries, **lookup)
    # A preview shows the editor's unsaved change to the entry they were allowed to edit.
    previewing = getattr(request, "previewing", None) == (type(entry), entry.pk)
    if not previewing and not can(request.user, Action.VIEW, entry):
        raise Http404("No published entry has this address.")
    return entry
