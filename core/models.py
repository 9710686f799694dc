"""What every directory entry shares: a slug, a place in the review workflow and timestamps."""

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.utils.text import slugify


class EntryQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Entry.Status.PUBLISHED)

    def matching(self, words: str):
        """Entries with `words` in any of their model's `keyword_fields` (the list pages' keyword box)."""
        condition = models.Q()
        for field in self.model.keyword_fields:
            condition |= models.Q(**{f"{field}__icontains": words})
        return self.filter(condition)


class Entry(models.Model):
    """An entry in the directory: a researcher, dataset, project, organisation or theme.

    An entry moves draft → submitted for review → published → archived. The public only
    ever sees published entries; the others are for the people who look after them.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SUBMITTED = "submitted", "Submitted for review"
        PUBLISHED = "published", "Published"
        ARCHIVED = "archived", "Archived"

    slug = models.SlugField(
        max_length=120,
        unique=True,
        blank=True,
        help_text="The entry’s web address. Left blank, it is made from the name.",
    )
    status = models.CharField(
        max_length=20,
        choices=Status.choices,
        default=Status.DRAFT,
        db_index=True,
        help_text="Only published entries are shown to the public.",
    )
    is_sample = models.BooleanField(
        "sample data",
        default=False,
        help_text="Fictional content for demonstrations; shown with a ‘sample’ label.",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Who suggested or created this entry; told by email when it is reviewed.",
    )
    review_comment = models.TextField(
        blank=True, help_text="What the reviewer asked for when the entry was last returned."
    )
    last_reviewed = models.DateTimeField(
        null=True,
        blank=True,
        db_index=True,
        help_text="When someone who looks after this entry last confirmed it is correct and current.",
    )
    created = models.DateTimeField(auto_now_add=True)
    # Also the version an editing form started from: a save that does not match it is refused.
    updated = models.DateTimeField(auto_now=True)

    objects = EntryQuerySet.as_manager()

    # The text fields the list pages' keyword box looks in.
    keyword_fields: list[str] = []

    class Meta:
        abstract = True

    # How many times a new entry's save tries another slug when one it chose was taken meanwhile.
    SLUG_ATTEMPTS = 5

    def save(self, *args, **kwargs):
        if self.slug:
            return super().save(*args, **kwargs)
        for attempt in range(self.SLUG_ATTEMPTS):
            self.slug = self.unique_slug(str(self))
            try:
                # A savepoint, so that a clash leaves the surrounding transaction usable.
                with transaction.atomic():
                    return super().save(*args, **kwargs)
            except IntegrityError:
                # Someone saved an entry with the same title between our choosing the slug and saving:
                # choose again, now that theirs is seen. Any other clash is not ours to handle.
                if not self.slug_is_taken() or attempt == self.SLUG_ATTEMPTS - 1:
                    self.slug = ""
                    raise

    def slug_is_taken(self) -> bool:
        """Whether another entry of this kind has this entry's slug (queries the database)."""
        return type(self)._default_manager.exclude(pk=self.pk).filter(slug=self.slug).exists()

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    def unique_slug(self, text: str) -> str:
        """A slug for `text` that no other entry of this kind has (queries the database)."""
        max_length = self._meta.get_field("slug").max_length - 5
        base = slugify(text)[:max_length].strip("-") or self._meta.model_name
        candidate, number = base, 2
        others = type(self)._default_manager.exclude(pk=self.pk)
        while others.filter(slug=candidate).exists():
            candidate, number = f"{base}-{number}", number + 1
        return candidate


def published_or_none(entry: "Entry | None") -> "Entry | None":
    """The entry if the public may see it, else None (for links to related entries)."""
    return entry if entry is not None and entry.is_published else None


class WebAddressField(models.URLField):
    """A URL field whose forms take an address typed without a scheme as https://, as browsers do."""

    def formfield(self, **kwargs):
        return super().formfield(**{"assume_scheme": "https", **kwargs})
