"""Collections: curated, ordered selections of researchers, datasets, projects and outputs on one question."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from core.models import Entry, EntryQuerySet
from datasets.models import Dataset
from people.models import Researcher
from projects.models import Output, Project

# What an item can point at; exactly one of them per item.
TARGETS = ("researcher", "dataset", "project", "output")
ONE_TARGET = (
    "An item is one thing: choose a researcher, a dataset, a project or an output, and only one of them."
)


def _only(target: str) -> models.Q:
    return models.Q(**{f"{name}__isnull": name != target for name in TARGETS})


class CollectionQuerySet(EntryQuerySet):
    def newest_first(self):
        return self.order_by("-created", "-pk")

    def with_item_counts(self):
        """Each collection with `item_count`: how many of its items the public can see (one subquery)."""
        from core.queries import subquery_count

        return self.annotate(item_count=subquery_count(CollectionItem.objects.visible(), "collection"))


class Collection(Entry):
    title = models.CharField(max_length=250)
    introduction = models.TextField(
        help_text="What the collection is for and how to read it: a few sentences, shown above the items."
    )
    theme = models.ForeignKey(
        "themes.Theme",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="collections",
        help_text="The theme or priority this collection belongs to, if any; it is listed on that theme's page.",
    )

    objects = CollectionQuerySet.as_manager()
    keyword_fields = ["title", "introduction"]

    class Meta:
        ordering = ["-created"]
        indexes = [
            # Serves the collection list: published collections, newest first.
            models.Index(fields=["status", "-created"], name="collection_listing_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("collection:detail", args=[self.slug])


class CollectionItemQuerySet(models.QuerySet):
    def visible(self):
        """Items whose researcher, dataset, project or output (through its project) is published."""
        published = Entry.Status.PUBLISHED
        return self.filter(
            models.Q(researcher__status=published)
            | models.Q(dataset__status=published)
            | models.Q(project__status=published)
            | models.Q(output__project__status=published)
        )

    def with_cards(self):
        """What each item's card shows, fetched for all items at once (a fixed number of queries).

        A target that is not published is left as None, so the page can skip its item.
        """
        published = Entry.Status.PUBLISHED
        return self.prefetch_related(
            models.Prefetch("researcher", queryset=Researcher.objects.published().with_card_details()),
            models.Prefetch("dataset", queryset=Dataset.objects.published().with_card_details()),
            models.Prefetch("project", queryset=Project.objects.published().with_card_details()),
            models.Prefetch(
                "output", queryset=Output.objects.filter(project__status=published).select_related("project")
            ),
        )


class CollectionItem(models.Model):
    collection = models.ForeignKey(Collection, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveIntegerField(
        default=0, help_text="Items are shown smallest number first; use 10, 20, 30… to leave room."
    )
    researcher = models.ForeignKey(
        Researcher, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    dataset = models.ForeignKey(Dataset, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    project = models.ForeignKey(Project, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    output = models.ForeignKey(Output, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    note = models.CharField(
        "why it is here",
        max_length=300,
        blank=True,
        help_text="One line for the reader: why this belongs in the collection.",
    )

    objects = CollectionItemQuerySet.as_manager()

    class Meta:
        ordering = ["collection", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=_only("researcher") | _only("dataset") | _only("project") | _only("output"),
                name="collection_item_has_one_target",
                violation_error_message=ONE_TARGET,
            ),
        ]
        indexes = [
            # Serves a collection's page: its items in order.
            models.Index(fields=["collection", "position"], name="collection_item_order_idx"),
        ]

    def __str__(self) -> str:
        """Reads the target (a query unless it was fetched with the item)."""
        return f"{self.position}. {self.target or 'nothing chosen'}"

    def get_absolute_url(self) -> str:
        return self.collection.get_absolute_url()

    @property
    def kind(self) -> str:
        """Which of TARGETS this item points at ("" if none), without a query."""
        return next((name for name in TARGETS if getattr(self, f"{name}_id") is not None), "")

    @property
    def target(self):
        """The researcher, dataset, project or output (a query unless prefetched; None if hidden)."""
        return getattr(self, self.kind) if self.kind else None

    def clean(self) -> None:
        chosen = [name for name in TARGETS if getattr(self, f"{name}_id") is not None]
        if len(chosen) > 1:
            raise ValidationError({name: ONE_TARGET for name in chosen})
        if not chosen:
            raise ValidationError(ONE_TARGET)

    def validate_constraints(self, exclude=None) -> None:
        # clean() already says in words which targets are wrong; the database constraint stays the guarantee.
        super().validate_constraints(exclude={*(exclude or ()), *TARGETS})
