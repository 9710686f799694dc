"""What signed-in people follow (a search, a theme or an area) to be emailed what is new there."""

import hashlib
from urllib.parse import urlencode

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from search.facets import as_parameters, normalised


class FollowQuerySet(models.QuerySet):
    def of(self, user):
        return self.filter(user=user)


class Follow(models.Model):
    class Kind(models.TextChoices):
        SEARCH = "search", "Search"
        THEME = "theme", "Theme"
        AREA = "area", "Area"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    query = models.CharField("search words", max_length=200, blank=True)
    # Name to the values chosen (any of them); a search followed before several could be chosen keeps one.
    facets = models.JSONField(default=dict, blank=True, help_text="The search's filters, name to value.")
    theme = models.ForeignKey(
        "themes.Theme", null=True, blank=True, on_delete=models.CASCADE, related_name="follows"
    )
    area = models.ForeignKey(
        "areas.Area", null=True, blank=True, on_delete=models.CASCADE, related_name="follows"
    )
    key = models.CharField(
        max_length=80, help_text="What is followed, written one way only, so that nobody follows it twice."
    )
    label = models.CharField(max_length=400, help_text="What is followed, in words, for the list and emails.")
    created = models.DateTimeField(auto_now_add=True)
    last_sent = models.DateTimeField(
        default=timezone.now,
        help_text="Entries published or updated after this are news in the next digest.",
    )

    objects = FollowQuerySet.as_manager()

    class Meta:
        ordering = ["user", "created", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="follow_once"),
            models.CheckConstraint(
                condition=(
                    models.Q(kind="search", theme__isnull=True, area__isnull=True)
                    | models.Q(kind="theme", theme__isnull=False, area__isnull=True)
                    | models.Q(kind="area", area__isnull=False, theme__isnull=True)
                ),
                name="follow_kind_matches_target",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} follows {self.label}"

    def get_absolute_url(self) -> str:
        """The page of what is followed (queries the database for a theme or area not selected with it)."""
        if self.kind == self.Kind.THEME:
            return self.theme.get_absolute_url()
        if self.kind == self.Kind.AREA:
            return self.area.get_absolute_url()
        return reverse("search:search") + "?" + urlencode(search_parameters(self.query, self.facets))


def search_parameters(query: str, facets: dict[str, list[str]] | dict[str, str]) -> list[tuple[str, str]]:
    """A search's query string, always in the same order, a pair for each value of a facet (a search
    followed before several values could be chosen keeps one, as a string: its key is unchanged)."""
    return ([("q", query)] if query else []) + as_parameters(normalised(facets))


def search_key(query: str, facets: dict[str, list[str]] | dict[str, str]) -> str:
    """A short fingerprint of a search (its query string can be longer than an indexable column)."""
    return "search:" + hashlib.sha256(urlencode(search_parameters(query, facets)).encode()).hexdigest()


def theme_key(theme) -> str:
    return f"theme:{theme.pk}"


def area_key(area) -> str:
    return f"area:{area.pk}"
