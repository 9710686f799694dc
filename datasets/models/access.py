"""The route to a dataset as structured facts: who decides, how it is reached, who may apply, on what
conditions, at what cost, in which steps and how long it takes; and dated counts of what it holds.

The choices mirror the HDR UK metadata schema's `accessibility.access` and `observations` (see
docs/hdruk.md), in words an analyst understands.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from core.models import WebAddressField


class AccessService(models.TextChoices):
    OPEN_DOWNLOAD = "open-download", "Open download"
    DATA_SERVICE = "data-service", "Safeguarded, through a data service"
    SECURE_ENVIRONMENT = "secure-environment", "In a secure environment (trusted research environment)"
    AGGREGATES = "aggregates", "Aggregates only"
    ON_REQUEST = "on-request", "On request from the custodian"


class Applicant(models.TextChoices):
    UK_RESEARCHERS = "uk-researchers", "Researchers at UK institutions"
    LOCAL_AUTHORITY = "local-authority", "Local-authority analysts"
    NHS = "nhs", "NHS staff"
    GOVERNMENT = "government", "Government analysts"
    STUDENTS = "students", "Students (through a supervisor)"
    COMMERCIAL = "commercial", "Commercial organisations"
    INTERNATIONAL = "international", "Researchers outside the UK"
    ANYONE = "anyone", "Anyone"


class Condition(models.TextChoices):
    ACCREDITED_RESEARCHER = "accredited-researcher", "Accredited researcher status"
    ETHICS_APPROVAL = "ethics-approval", "Ethics approval"
    DATA_SHARING_AGREEMENT = "data-sharing-agreement", "A data sharing agreement"
    TRAINING = "training", "DBS check or information-governance training"
    NONE = "none", "None of these"


class Cost(models.TextChoices):
    FREE = "free", "Free"
    CHARGED = "charged", "Charged"
    ON_REQUEST = "on-request", "Cost on request"


class Jurisdiction(models.TextChoices):
    # ISO 3166 codes, as the HDR UK schema asks.
    ENGLAND = "GB-ENG", "England"
    WALES = "GB-WLS", "Wales"
    SCOTLAND = "GB-SCT", "Scotland"
    NORTHERN_IRELAND = "GB-NIR", "Northern Ireland"
    UNITED_KINGDOM = "GB", "United Kingdom"


class ChoiceListFormField(forms.TypedMultipleChoiceField):
    """Tick boxes on a form; in a CSV cell, values or their words separated by "; " (or ",")."""

    widget = forms.CheckboxSelectMultiple

    def to_python(self, value):
        if isinstance(value, str):
            value = [part.strip() for part in value.replace(";", ",").split(",") if part.strip()]
        by_label = {str(label).lower(): key for key, label in self.choices}
        return [by_label.get(str(part).lower(), part) for part in super().to_python(value)]


class ChoiceListField(models.JSONField):
    """Several of a fixed set of choices, kept as a JSON list of their values in the order of the choices.

    An empty list means not yet known (a "none" choice, where there is one, says there are none).
    """

    def __init__(self, *args, options: type[models.TextChoices] | None = None, **kwargs):
        self.options = options
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        # The choices live in code; a migration needs only the column.
        kwargs.pop("options", None)
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        return ChoiceListFormField(
            choices=self.options.choices,
            required=not self.blank,
            label=self.verbose_name[:1].upper() + self.verbose_name[1:],
            help_text=self.help_text,
        )

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        known = set(self.options.values)
        if not isinstance(value, list) or any(item not in known for item in value):
            raise ValidationError(f"Choose from: {', '.join(self.options.values)}.")

    def pre_save(self, model_instance, add):
        value = getattr(model_instance, self.attname)
        if isinstance(value, list):
            order = list(self.options.values)
            value = sorted(set(value), key=lambda item: order.index(item) if item in order else len(order))
            setattr(model_instance, self.attname, value)
        return value

    def labels(self, values: list[str]) -> list[str]:
        words = dict(self.options.choices)
        return [str(words.get(value, value)) for value in values]


class Standard(models.TextChoices):
    """A standard a dataset's data is kept in or transformed to (the HDR UK schema's
    `accessibility.formatAndStandards.conformsTo`); each but "local" has a specification's address, which
    DCAT gives as `dct:conformsTo`."""

    NHS_DATA_DICTIONARY = "nhs-data-dictionary", "NHS Data Dictionary"
    OMOP = "omop", "OMOP Common Data Model"
    HL7_FHIR = "hl7-fhir", "HL7 FHIR"
    OPENEHR = "openehr", "openEHR"
    DDI_CODEBOOK = "ddi-codebook", "DDI-Codebook 2.5 (its data dictionary)"
    LOCAL = "local", "A local format of the custodian’s own"

    # The specification's address, and the HDR UK schema's name (StandardisedDataModelsEnum).
    @property
    def address(self) -> str:
        return STANDARD_ADDRESSES.get(self.value, "")

    @property
    def hdruk(self) -> str:
        return STANDARD_HDRUK[self.value]


STANDARD_ADDRESSES = {
    Standard.NHS_DATA_DICTIONARY: "https://www.datadictionary.nhs.uk/",
    Standard.OMOP: "https://ohdsi.github.io/CommonDataModel/",
    Standard.HL7_FHIR: "https://hl7.org/fhir/",
    Standard.OPENEHR: "https://specifications.openehr.org/",
    Standard.DDI_CODEBOOK: "https://ddialliance.org/Specification/DDI-Codebook/2.5/",
}
STANDARD_HDRUK = {
    Standard.NHS_DATA_DICTIONARY: "NHS DATA DICTIONARY",
    Standard.OMOP: "OMOP",
    Standard.HL7_FHIR: "HL7 FHIR",
    Standard.OPENEHR: "OPENEHR",
    Standard.DDI_CODEBOOK: "OTHER",
    Standard.LOCAL: "LOCAL",
}


class AccessStep(models.Model):
    """One step of the request route to a dataset, in order, with where to take it."""

    dataset = models.ForeignKey("datasets.Dataset", on_delete=models.CASCADE, related_name="access_steps")
    position = models.PositiveSmallIntegerField(default=1, help_text="Steps are shown in this order.")
    title = models.CharField(max_length=200, help_text="What to do, e.g. “Send an outline proposal”.")
    description = models.TextField(blank=True)
    url = WebAddressField("link", blank=True, help_text="Where to take this step: a form or a guide.")

    class Meta:
        # Not unique by position: swapping two steps' numbers on the form would break it between the two
        # saves. The form refuses a repeated number instead.
        ordering = ["dataset", "position", "pk"]

    def __str__(self) -> str:
        return f"{self.position}. {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("datasets:detail", args=[self.dataset.slug]) + "#how-to-apply"


class Observation(models.Model):
    """A dated count of what a dataset holds, as the HDR UK schema's observations: 13,700 people in 2024."""

    class Measure(models.TextChoices):
        INDIVIDUALS = "individuals", "Individuals"
        RECORDS = "records", "Records"
        EVENTS = "events", "Events"

    # The HDR UK schema's statistical population for each measure (its observedNode).
    HDRUK_NODES = {Measure.INDIVIDUALS: "Persons", Measure.RECORDS: "Findings", Measure.EVENTS: "Events"}

    dataset = models.ForeignKey("datasets.Dataset", on_delete=models.CASCADE, related_name="observations")
    measure = models.CharField(max_length=20, choices=Measure.choices, default=Measure.INDIVIDUALS)
    count = models.PositiveBigIntegerField()
    observed_on = models.DateField("as of", help_text="The date the count was true.")
    description = models.CharField(
        max_length=300, blank=True, help_text="What was counted, if the measure alone is unclear."
    )

    class Meta:
        ordering = ["dataset", "measure", "-observed_on", "pk"]

    def __str__(self) -> str:
        return f"{self.count:,} {self.get_measure_display().lower()} as of {self.observed_on:%-d %B %Y}"

    def get_absolute_url(self) -> str:
        return reverse("datasets:detail", args=[self.dataset.slug])
