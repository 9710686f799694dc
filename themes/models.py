"""Themes: the N8 data-science themes and the Child of the North priorities, two levels deep."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from core.models import Entry, EntryQuerySet


class ThemeQuerySet(EntryQuerySet):
    def top_level(self):
        return self.filter(parent__isnull=True)


class Theme(Entry):
    class Family(models.TextChoices):
        DATA_SCIENCE = "data-science", "N8 data-science themes"
        CHILD_OF_THE_NORTH = "child-of-the-north", "Child of the North priorities"

    name = models.CharField(max_length=120, unique=True)
    family = models.CharField(max_length=30, choices=Family.choices)
    description = models.TextField(blank=True)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text="Leave blank for a top-level theme. Themes are two levels deep.",
    )

    objects = ThemeQuerySet.as_manager()
    keyword_fields = ["name", "description"]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("themes:detail", args=[self.slug])

    def with_children(self):
        """This theme and its published sub-themes, as a queryset to filter by (not yet run).

        An unpublished sub-theme is not public, so what is tagged only with it is not counted or listed
        under its parent either (search leaves it out too)."""
        return Theme.objects.filter(
            models.Q(pk=self.pk) | models.Q(parent=self.pk, status=Entry.Status.PUBLISHED)
        )

    def clean(self) -> None:
        if self.parent is None:
            return
        if self.parent_id == self.pk:
            raise ValidationError({"parent": "A theme cannot be its own parent."})
        if self.parent.parent_id is not None:
            raise ValidationError({"parent": "Choose a top-level theme: themes are only two levels deep."})
        if self.pk and self.children.exists():
            raise ValidationError({"parent": "This theme has sub-themes, so it must stay at the top level."})
        if self.parent.family != self.family:
            raise ValidationError({"family": "A sub-theme belongs to the same family as its parent."})


class ThemedQuerySet(EntryQuerySet):
    """For entries tagged with themes: finds them by a theme or any of its sub-themes."""

    def in_theme(self, theme: Theme):
        through = self.model.themes.through
        source = self.model._meta.model_name
        tagged = through.objects.filter(**{source: models.OuterRef("pk")}, theme__in=theme.with_children())
        return self.filter(models.Exists(tagged))
