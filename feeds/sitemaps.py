"""The sitemap: every published entry and area, for search engines (Google Dataset Search among them)."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from areas.models import Area
from collection.models import Collection
from datasets.models import Dataset
from involvement.models import Opportunity
from organisations.models import Organisation
from people.models import Researcher
from projects.models import Project
from themes.models import Theme


class EntrySitemap(Sitemap):
    """Published entries of one kind, in a stable order so the sitemap's pages do not shift."""

    limit = 10_000

    def __init__(self, model):
        self.model = model

    def items(self):
        return self.model.objects.published().only("slug", "updated").order_by("pk")

    def lastmod(self, entry):
        return entry.updated


class OpportunitySitemap(EntrySitemap):
    """Open opportunities only: a closed one is no longer shown in any list."""

    def __init__(self):
        super().__init__(Opportunity)

    def items(self):
        return Opportunity.objects.open().only("slug", "updated").order_by("pk")


class AreaSitemap(Sitemap):
    def items(self):
        return Area.objects.only("code").order_by("code")


class PageSitemap(Sitemap):
    def items(self):
        return [
            "home",
            "about",
            "people:list",
            "datasets:list",
            "projects:list",
            "organisations:list",
            "themes:list",
            "areas:list",
            "coverage:map",
            "coverage:gaps",
            "collection:list",
            "involvement:list",
            "api:documentation",
        ]

    def location(self, name):
        return reverse(name)


SITEMAPS = {
    "pages": PageSitemap,
    "datasets": EntrySitemap(Dataset),
    "researchers": EntrySitemap(Researcher),
    "projects": EntrySitemap(Project),
    "organisations": EntrySitemap(Organisation),
    "themes": EntrySitemap(Theme),
    "collections": EntrySitemap(Collection),
    "opportunities": OpportunitySitemap(),
    "areas": AreaSitemap,
}
