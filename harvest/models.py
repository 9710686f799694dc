from django.conf import settings
from django.db import models
from django.urls import reverse


class Source(models.TextChoices):
    CKAN = "ckan", "CKAN"
    DCAT = "dcat", "DCAT"
    ORCID = "orcid", "ORCID"


class HarvestedRecord(models.Model):
    """Which dataset a record of another catalogue became, so that harvesting it again updates that dataset."""

    identifier = models.CharField(
        max_length=500,
        unique=True,
        help_text="The record’s identifier at its source: ckan:<package id> or dcat:<dataset IRI or dct:identifier>.",
    )
    dataset = models.ForeignKey(
        "datasets.Dataset", on_delete=models.CASCADE, related_name="harvested_records"
    )
    source = models.CharField(max_length=10, choices=Source.choices)
    source_name = models.CharField(
        max_length=255, blank=True, help_text="The file (or pasted text) it was last harvested from."
    )
    last_harvested = models.DateTimeField(help_text="When a confirmed harvest last included the record.")

    class Meta:
        ordering = ["identifier"]

    def __str__(self) -> str:
        return self.identifier

    def get_absolute_url(self) -> str:
        return self.dataset.get_absolute_url()


class PendingHarvest(models.Model):
    """A harvested document between its preview and the curator's confirmation.

    Only the curator who gave it may see or confirm it; it is deleted once imported.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    source = models.CharField(max_length=10, choices=Source.choices)
    source_name = models.CharField(max_length=255, help_text="A file name, “pasted text” or an ORCID iD.")
    text = models.TextField(help_text="The document, as text.")
    created = models.DateTimeField(auto_now_add=True)
    preview = models.JSONField(
        null=True,
        blank=True,
        help_text="What the harvest would do, once the check job has run (harvest/tasks.py).",
    )

    class Meta:
        ordering = ["-created"]

    def __str__(self) -> str:
        return f"{self.get_source_display()} from {self.source_name}"

    def get_absolute_url(self) -> str:
        if self.source == Source.ORCID:
            return reverse("harvest:orcid-preview", args=[self.pk])
        return reverse("harvest:preview", args=[self.pk])
