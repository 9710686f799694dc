"""Messages sent to the curators through the contact and feedback form."""

from django.db import models


class ContactMessage(models.Model):
    """One message, whatever became of it: curators read these, and spot misuse."""

    class Topic(models.TextChoices):
        CORRECTION = "correction", "Something in the directory is wrong or missing"
        ACCESSIBILITY = "accessibility", "A problem using the site (accessibility)"
        PRIVACY = "privacy", "My personal data"
        INVOLVEMENT = "involvement", "Getting involved"
        OTHER = "other", "Something else"

    class Outcome(models.TextChoices):
        SENT = "sent", "Sent to the curators"
        HONEYPOT = "honeypot", "Not sent: filled in by a robot"
        RATE_LIMITED = "rate-limited", "Not sent: too many messages in an hour"
        FAILED = "failed", "Not sent: the mail server refused it"

    topic = models.CharField(max_length=20, choices=Topic.choices, default=Topic.OTHER)
    name = models.CharField(max_length=200, blank=True)
    email = models.EmailField(blank=True, help_text="Where the answer goes, if the sender wants one.")
    page = models.CharField("page it is about", max_length=500, blank=True)
    message = models.TextField()
    ip = models.GenericIPAddressField("IP address", null=True, blank=True)
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created"]
        indexes = [
            # Serves the hourly limit (sent messages from one IP address) and deleting old messages.
            models.Index(fields=["ip", "created"], name="contact_ip_idx"),
            models.Index(fields=["created"], name="contact_created_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_topic_display()} from {self.name or 'someone'} ({self.get_outcome_display()})"

    def get_absolute_url(self) -> str:
        return self.page if self.page.startswith("/") else ""
