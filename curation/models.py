"""What curation remembers: reminders sent, and the web addresses entries point to and how they answered."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models


class ReviewReminder(models.Model):
    """One reminder, sent to one person, to confirm that one entry is still correct."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    entry = GenericForeignKey("content_type", "object_id")
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="review_reminders"
    )
    sent_at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["-sent_at"]
        indexes = [
            # Serves send_review_reminders' "was this entry reminded about recently?" subquery.
            models.Index(fields=["content_type", "object_id", "sent_at"], name="reminder_entry_idx"),
        ]

    def __str__(self) -> str:
        return f"Reminder to {self.recipient} on {self.sent_at:%Y-%m-%d}"

    def get_absolute_url(self) -> str:
        return self.entry.get_absolute_url()


class Link(models.Model):
    """A web address used by one or more entries, and what it answered when last checked."""

    url = models.URLField(max_length=2000, unique=True)
    last_checked = models.DateTimeField(null=True, blank=True)
    status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    error = models.CharField(max_length=300, blank=True, help_text="Why the address did not answer.")
    is_broken = models.BooleanField(default=False)
    broken_since = models.DateTimeField(
        null=True, blank=True, help_text="When the address first failed in its current run of failures."
    )

    class Meta:
        ordering = ["url"]
        indexes = [
            # Serves check_links: the addresses not checked for longest come first.
            models.Index(fields=["last_checked"], name="link_last_checked_idx"),
            # Serves the dashboard's broken links, longest broken first.
            models.Index(fields=["is_broken", "broken_since"], name="link_broken_idx"),
        ]

    def __str__(self) -> str:
        return self.url

    def get_absolute_url(self) -> str:
        return self.url

    @property
    def problem(self) -> str:
        """What went wrong, in words: the error, or the HTTP status."""
        if self.error:
            return self.error
        return f"The server answered {self.status_code}" if self.status_code else ""


class LinkUse(models.Model):
    """Where a web address appears: an entry, and which of its fields (e.g. “Landing page”)."""

    link = models.ForeignKey(Link, on_delete=models.CASCADE, related_name="uses")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    entry = GenericForeignKey("content_type", "object_id")
    field = models.CharField(max_length=400)

    class Meta:
        ordering = ["link", "field"]
        constraints = [
            models.UniqueConstraint(
                fields=["link", "content_type", "object_id", "field"], name="one_use_per_entry_field"
            ),
        ]
        indexes = [
            # Serves an entry's broken links in the _entry_care include.
            models.Index(fields=["content_type", "object_id"], name="linkuse_entry_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.link} in {self.field}"

    def get_absolute_url(self) -> str:
        return self.entry.get_absolute_url()
