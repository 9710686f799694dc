"""Atom feeds of newly published and updated entries: the whole directory, and one per theme."""

from heapq import merge
from itertools import islice

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from datasets.models import Dataset
from involvement.models import Opportunity
from organisations.models import Organisation
from people.models import Researcher
from projects.models import Project
from themes.models import Theme

FEED_LENGTH = 50
# RFC 4287 asks every feed for an author, where its entries have none of their own.
PORTAL = "N8 Children & Young People data portal"
KINDS = {Dataset: "Dataset", Researcher: "Researcher", Project: "Project", Organisation: "Organisation"}


def newest(querysets) -> list:
    """The most recently changed entries across several kinds: one query per kind, merged."""
    latest = [queryset.order_by("-updated", "-pk")[:FEED_LENGTH] for queryset in querysets]
    return list(islice(merge(*latest, key=lambda entry: entry.updated, reverse=True), FEED_LENGTH))


class EntryFeed(Feed):
    feed_type = Atom1Feed
    author_name = PORTAL
    title = "N8 Children & Young People data portal: new and updated entries"
    subtitle = "Researchers, datasets, projects and organisations, newest first."

    def link(self):
        return "/"

    def items(self):
        return newest(model.objects.published() for model in KINDS)

    def item_title(self, entry):
        return f"{KINDS[type(entry)]}: {entry}"

    def item_description(self, entry):
        return (
            getattr(entry, "summary", "")
            or getattr(entry, "job_title", "")
            or getattr(entry, "description", "")
        )

    def item_updateddate(self, entry):
        return entry.updated

    def item_pubdate(self, entry):
        return entry.created


class ThemeFeed(EntryFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Theme.objects.published(), slug=slug)

    def title(self, theme):
        return f"N8 Children & Young People data portal: new and updated in {theme.name}"

    def link(self, theme):
        return theme.get_absolute_url()

    def items(self, theme):
        return newest(model.objects.published().in_theme(theme) for model in (Dataset, Researcher, Project))


class OpportunityFeed(Feed):
    """The open involvement opportunities, newest first: one closes, it leaves the feed."""

    feed_type = Atom1Feed
    author_name = PORTAL
    title = "N8 Children & Young People data portal: ways to get involved"
    subtitle = "Projects and organisations asking people to take part in their work."

    def link(self):
        return reverse("involvement:list")

    def items(self):
        return Opportunity.objects.open().order_by("-created", "-pk")[:FEED_LENGTH]

    def item_title(self, opportunity):
        return f"{opportunity.title} (closes {opportunity.closes_on.day} {opportunity.closes_on:%B %Y})"

    def item_description(self, opportunity):
        return opportunity.summary

    def item_updateddate(self, opportunity):
        return opportunity.updated

    def item_pubdate(self, opportunity):
        return opportunity.created
