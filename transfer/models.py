import hashlib

from django.conf import settings
from django.db import models
from django.urls import reverse


class PendingImport(models.Model):
    """An uploaded CSV file between its preview and the curator's confirmation.

    Only the uploading curator may see or confirm it; it is deleted once imported.
    """

    class Kind(models.TextChoices):
        ORGANISATIONS = "organisations", "Organisations"
        RESEARCHERS = "researchers", "Researchers"
        DATASETS = "datasets", "Datasets"
        PROJECTS = "projects", "Projects"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    file_name = models.CharField(max_length=255)
    text = models.TextField(help_text="The file's content, decoded.")
    encoding = models.CharField(max_length=20, help_text="How the file was decoded, e.g. UTF-8.")
    digest = models.CharField(
        max_length=64,
        blank=True,
        help_text="SHA-256 of the content: one import of the same file runs at a time.",
    )
    preview = models.JSONField(
        null=True, blank=True, help_text="What the import would do, from the background check of the file."
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} from {self.file_name}"

    def get_absolute_url(self) -> str:
        return reverse("transfer:preview", args=[self.pk])


def digest_of(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()
