from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone

from core.identifiers import DoiField
from core.models import Entry, WebAddressField
from themes.models import ThemedQuerySet

# The status an active project is shown with once its end date has passed: worked out from the date
# whenever it is read, never stored, so no project stays "Active" for want of someone updating it.
ENDED = "ended"


class ProjectQuerySet(ThemedQuerySet):
    def in_stage(self, stage: str):
        """Projects shown with `stage`: "active" ones whose end date has passed are "ended" instead."""
        today = timezone.localdate()
        active = models.Q(stage=Project.Stage.ACTIVE)
        if stage == ENDED:
            return self.filter(active, end_date__lt=today)
        if stage == Project.Stage.ACTIVE:
            return self.filter(active).exclude(end_date__lt=today)
        return self.filter(stage=stage)

    def involving(self, organisation):
        """Projects the organisation is a partner in, or that one of its published people works on (an
        unpublished profile is not public, so it links nothing publicly)."""
        # The ids of both, joined by UNION, each read from its own index: an OR of two EXISTS made
        # PostgreSQL test every project (0.9 s to count one organisation's among 50,000).
        # Neither side may keep its model's order: SQLite refuses ORDER BY inside a UNION.
        partner = (
            Project.partner_organisations.through.objects.filter(organisation=organisation)
            .order_by()
            .values("project_id")
        )
        staffed = (
            Membership.objects.filter(
                researcher__organisation=organisation, researcher__status=Entry.Status.PUBLISHED
            )
            .order_by()
            .values("project_id")
        )
        return self.filter(pk__in=partner.union(staffed))

    def with_card_details(self):
        """What a project's card shows: its published lead as `leads`, and published themes."""
        from themes.models import Theme

        leads = Membership.objects.filter(
            role=Membership.Role.LEAD, researcher__status=Entry.Status.PUBLISHED
        ).select_related("researcher")
        return self.prefetch_related(
            models.Prefetch("memberships", queryset=leads, to_attr="leads"),
            models.Prefetch("themes", queryset=Theme.objects.published()),
        )


class Project(Entry):
    class Stage(models.TextChoices):
        PLANNED = "planned", "Planned"
        ACTIVE = "active", "Active"
        COMPLETED = "completed", "Completed"

    title = models.CharField(max_length=250)
    summary = models.TextField()
    stage = models.CharField(
        "project status", max_length=20, choices=Stage.choices, default=Stage.ACTIVE, db_index=True
    )
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    funder = models.CharField(max_length=250, blank=True)
    members = models.ManyToManyField("people.Researcher", through="Membership", related_name="projects")
    partner_organisations = models.ManyToManyField(
        "organisations.Organisation", blank=True, related_name="partner_projects"
    )
    datasets = models.ManyToManyField("datasets.Dataset", through="DatasetUsage", related_name="projects")
    themes = models.ManyToManyField("themes.Theme", blank=True, related_name="projects")

    objects = ProjectQuerySet.as_manager()
    keyword_fields = ["title", "summary", "funder"]

    class Meta:
        ordering = ["title"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(start_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="project_dates_in_order",
            ),
        ]
        indexes = [
            # Serves the project list in title order: a page is read off the index, not sorted.
            models.Index(fields=["status", "title"], name="project_listing_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("projects:detail", args=[self.slug])

    def clean(self) -> None:
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": "The end date is before the start date."})

    @property
    def is_past_its_end(self) -> bool:
        """Marked active, but its end date has passed: shown as ended, and its owners asked to update it."""
        return (
            self.stage == self.Stage.ACTIVE
            and self.end_date is not None
            and self.end_date < timezone.localdate()
        )

    @property
    def current_stage(self) -> str:
        """The status shown everywhere: the stage, but "ended" for an active project past its end date."""
        return ENDED if self.is_past_its_end else self.stage

    @property
    def current_stage_label(self) -> str:
        return STAGE_LABELS[self.current_stage]


# Every status a project can be shown with, for filters, facets and the API.
STAGE_LABELS = {
    Project.Stage.PLANNED: "Planned",
    Project.Stage.ACTIVE: "Active",
    ENDED: "Ended",
    Project.Stage.COMPLETED: "Completed",
}


class Membership(models.Model):
    class Role(models.TextChoices):
        LEAD = "lead", "Lead"
        CO_INVESTIGATOR = "co-investigator", "Co-investigator"
        RESEARCHER = "researcher", "Researcher"
        ANALYST = "analyst", "Data analyst"
        STUDENT = "student", "Student"
        LIVED_EXPERIENCE = "lived-experience", "Lived-experience adviser"
        PRACTITIONER = "practitioner", "Practitioner partner"

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="memberships")
    researcher = models.ForeignKey("people.Researcher", on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=30, choices=Role.choices, default=Role.RESEARCHER)

    class Meta:
        ordering = ["project", "role", "researcher__name"]
        constraints = [
            models.UniqueConstraint(fields=["project", "researcher"], name="one_membership_per_person"),
            models.UniqueConstraint(
                fields=["project"],
                condition=models.Q(role="lead"),
                name="one_lead_per_project",
                violation_error_message="A project has one lead.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.researcher} – {self.get_role_display()} on {self.project}"


class DatasetUsage(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="usages")
    dataset = models.ForeignKey("datasets.Dataset", on_delete=models.CASCADE, related_name="usages")
    note = models.CharField("how it was used", max_length=300, blank=True)

    class Meta:
        ordering = ["project", "dataset__title"]
        constraints = [
            models.UniqueConstraint(fields=["project", "dataset"], name="one_usage_per_dataset"),
        ]

    def __str__(self) -> str:
        return f"{self.dataset} in {self.project}"


class Output(models.Model):
    class Kind(models.TextChoices):
        PUBLICATION = "publication", "Publication"
        REPORT = "report", "Report"
        POLICY_BRIEF = "policy-brief", "Policy brief"
        SOFTWARE = "software", "Software"
        DATASET = "dataset", "Dataset"
        OTHER = "other", "Other"

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="outputs")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    title = models.CharField(max_length=300)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    url = WebAddressField("URL", blank=True)
    doi = DoiField("DOI", max_length=200)
    key_finding = models.CharField(max_length=300, blank=True, help_text="One line: what it found.")

    class Meta:
        ordering = ["-year", "title"]

    def __str__(self) -> str:
        return self.title

    @property
    def link(self) -> str:
        return f"https://doi.org/{self.doi}" if self.doi else self.url
