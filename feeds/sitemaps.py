"""The sitemap: every published entry and area, for search engines (Google Dataset Search among them)."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from areas.models import Area
from datasets.models import Dataset
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
    "areas": AreaSitemap,
}
