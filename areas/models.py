"""The local authorities of the North of England, as reference data.

Codes are the Office for National Statistics (ONS) GSS codes. Authorities
are reorganised from time to time; codes that have been retired stay usable
as aliases of the areas that replaced them, so that older data still finds
its place.
"""

from urllib.parse import urlencode

from django.db import models
from django.db.models.functions import Lower
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


class PlaceName(models.Model):
    """A name people use for a place, and the current local authorities it stands for.

    Search reads these (areas/places.py) to understand places typed in plain words: "SEND Bradford",
    "asthma West Yorkshire", "looked after children in Hull", "the North".
    """

    class Kind(models.TextChoices):
        AUTHORITY = "authority", "Local authority (its official name)"
        EVERYDAY = "everyday", "Everyday name (a short form, a town or a former district)"
        SUB_REGION = "sub-region", "Sub-region (combined authority, county or group of authorities)"
        REGION = "region", "Region"
        NORTH = "north", "The whole North"

    name = models.CharField(
        max_length=100,
        help_text="As a person types it, e.g. “Hull” or “West Yorkshire”. Capitals make no difference.",
    )
    label = models.CharField(
        max_length=150,
        blank=True,
        help_text="How search shows the place, if not as the name: “Kingston upon Hull” for “Hull”. "
        "Leave blank to show the name.",
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    areas = models.ManyToManyField(
        Area, related_name="place_names", help_text="The current local authorities the name stands for."
    )
    ambiguous = models.BooleanField(
        default=False,
        help_text="Tick when the word often means something else (a verb, a surname, a university, a place "
        "elsewhere): search then offers the place rather than narrowing the results to it.",
    )
    note = models.CharField(
        max_length=300,
        blank=True,
        help_text="For other curators: what else the word means, or what the name does and does not cover.",
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            # One row per name whatever its capitals, so that a typed name finds one set of areas.
            models.UniqueConstraint(
                Lower("name"),
                name="unique_place_name",
                violation_error_message="There is already a place with this name.",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        """What the portal finds for the name: a search for it."""
        return f"{reverse('search:search')}?{urlencode({'q': self.name})}"
