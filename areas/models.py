"""The local authorities of the North of England, as reference data.

Codes are the Office for National Statistics (ONS) GSS codes. Authorities
are reorganised from time to time; codes that have been retired stay usable
as aliases of the areas that replaced them, so that older data still finds
its place.
"""

from django.db import models
from django.urls import reverse

from core.filters import printable


class AreaQuerySet(models.QuerySet):
    def for_code(self, code: str):
        """The areas a current or retired ONS code stands for (one, or several for a split county).

        Control characters are dropped first: a NUL byte, from an address or a form, is refused by PostgreSQL.
        """
        code = printable(code).upper()
        return self.filter(models.Q(code=code) | models.Q(aliases__old_code=code)).distinct()


class Area(models.Model):
    class Region(models.TextChoices):
        NORTH_EAST = "E12000001", "North East"
        NORTH_WEST = "E12000002", "North West"
        YORKSHIRE_AND_THE_HUMBER = "E12000003", "Yorkshire and The Humber"

    code = models.CharField("ONS code", max_length=9, unique=True, help_text="The current ONS GSS code.")
    name = models.CharField(max_length=100)
    region = models.CharField(max_length=9, choices=Region.choices)

    objects = AreaQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("areas:detail", args=[self.code])


class AreaCodeAlias(models.Model):
    """A retired ONS code and the current area it now belongs to."""

    old_code = models.CharField(max_length=9)
    old_name = models.CharField(max_length=100)
    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="aliases")
    effective_date = models.DateField(help_text="The day the old code stopped being used.")

    class Meta:
        ordering = ["old_code"]
        verbose_name_plural = "area code aliases"
        constraints = [
            models.UniqueConstraint(fields=["old_code", "area"], name="unique_alias_per_area"),
        ]
        # Serves Area.objects.for_code(), which looks a typed code up here.
        indexes = [models.Index(fields=["old_code"], name="alias_old_code_idx")]

    def __str__(self) -> str:
        return f"{self.old_code} ({self.old_name}) → {self.area.code}"
