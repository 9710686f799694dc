"""The forms people use on the site to keep their entries right.

Relations to other entries are typed as names (with suggestions while typing when JavaScript
runs), so a form stays small however many entries the directory holds. Themes, areas and
linkage identifiers are few enough to tick.
"""

from django import forms
from django.core.validators import MaxLengthValidator
from django.db import models
from django.urls import reverse_lazy
from django.utils.text import slugify

from accounts.policy import editable_by
from areas.models import Area
from core.filters import EntryChoiceField
from core.models import Entry
from datasets.access_facts import ACCESS_FACTS
from datasets.models import AccessStep, Dataset, LinkageIdentifier, Observation
from involvement.models import Opportunity
from organisations.models import Organisation
from people.models import Researcher
from projects.models import DatasetUsage, Membership, Output, Project
from themes.models import Theme


class EntryNameField(EntryChoiceField):
    """One related entry, typed by its name; suggestions come from `choices_url` while typing."""

    def __init__(self, model, *, name_field: str = "name", choices_kind: str, **kwargs):
        url = reverse_lazy("editing:choices", args=[choices_kind])
        widget = forms.TextInput(attrs={"data-choices-url": url, "autocomplete": "off"})
        # Only published entries may be linked: a draft could be anyone's, under anyone's name.
        queryset = model.objects.published()
        super().__init__(queryset, name_field=name_field, widget=widget, **kwargs)

    def prepare_value(self, value):
        """Show the entry's name in the box (forms start it with the entry, see `names_linked_entries`)."""
        return str(value) if isinstance(value, Entry) else value


def names_linked_entries(form: forms.ModelForm) -> None:
    """Starts each name box with the linked entry itself rather than its key, so it shows a name
    without a query per box (the entry comes from the instance's select_related)."""
    for name, field in form.fields.items():
        linked_id = getattr(form.instance, f"{name}_id", None)
        if isinstance(field, EntryNameField) and linked_id:
            form.initial[name] = getattr(form.instance, name)
            # A link made earlier stays acceptable even if its entry is no longer published.
            field.queryset = field.queryset | field.queryset.model.objects.filter(pk=linked_id)


def organisation_field(label: str, **kwargs) -> EntryNameField:
    return EntryNameField(Organisation, choices_kind="organisations", label=label, **kwargs)


# The largest key a database row can have (a 64-bit signed integer).
LARGEST_KEY = 2**63 - 1


class TickBoxes(forms.ModelMultipleChoiceField):
    """Entries to tick. A ticked value that cannot be a row's key is refused as an unknown choice,
    before it reaches the database: SQLite cannot take an integer beyond 64 bits and fails."""

    widget = forms.CheckboxSelectMultiple

    def _check_values(self, value):
        for key in value:
            text = str(key).strip()
            if not (text.isascii() and text.isdigit() and int(text) <= LARGEST_KEY):
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": key}
                )
        return super()._check_values(value)


class ThemeChoices(TickBoxes):
    """Themes to tick, each labelled with its parent so that sub-themes read on their own."""

    def __init__(self, **kwargs):
        queryset = (
            Theme.objects.published().select_related("parent").order_by("family", "parent__name", "name")
        )
        super().__init__(queryset, required=False, **kwargs)

    def label_from_instance(self, theme):
        return f"{theme.parent.name}: {theme.name}" if theme.parent else theme.name


class AreaTickBoxes(TickBoxes):
    """Local authorities to tick, shown in groups by region (editing's `by_region` filter): reading
    each area's label notes its region, so grouping them needs no query of its own."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.regions: dict[str, tuple[str, str]] = {}

    def label_from_instance(self, area):
        self.regions[str(area.pk)] = (area.region, area.get_region_display())
        return area.name


# The longest text a long-text box takes: several pages, far more than any entry needs.
LONGEST_TEXT = 10_000


def limit_long_text(field: forms.Field) -> bool:
    """Gives a text field without a limit of its own the site's (LONGEST_TEXT), as the editing forms and
    the CSV import both check it; says whether it did."""
    if isinstance(field, forms.CharField) and field.max_length is None:
        field.max_length = LONGEST_TEXT
        field.validators.append(MaxLengthValidator(LONGEST_TEXT))
        return True
    return False


# A one-line text box longer than this becomes a box of several lines, so the whole text can be seen.
LONG_LINE = 300


class EntryForm(forms.ModelForm):
    """What every entry form shares: a limit on long text, names in the boxes for linked entries, and
    titled sections (`sections`: a title and the names of its fields, in order)."""

    sections: list[tuple[str, list[str]]] = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        names_linked_entries(self)
        for field in self.fields.values():
            if limit_long_text(field):
                field.widget.attrs["maxlength"] = str(LONGEST_TEXT)
            elif (
                isinstance(field, forms.CharField)
                and type(field.widget) is forms.TextInput
                and field.max_length > LONG_LINE
            ):
                field.widget = forms.Textarea(attrs={"rows": 3, "maxlength": str(field.max_length)})

    def titled_sections(self) -> list[dict]:
        """The form's fields in its sections, each with a title and an anchor for the contents list;
        fields no section names come last, under "Other details"."""
        placed: set[str] = set()
        groups = []
        for title, names in self.sections:
            fields = [self[name] for name in names if name in self.fields]
            placed.update(names)
            if fields:
                groups.append({"title": title, "anchor": "section-" + slugify(title), "fields": fields})
        rest = [self[name] for name in self.fields if name not in placed]
        if rest:
            title = "Other details" if groups else ""
            groups.append({"title": title, "anchor": "section-other", "fields": rest})
        return groups


class ResearcherForm(EntryForm):
    organisation = organisation_field("Organisation", required=False)
    themes = ThemeChoices()
    sections = [
        ("Who they are", ["name", "title", "job_title", "career_stage", "organisation", "biography"]),
        ("What they know", ["expertise", "methods", "themes", "orcid"]),
        ("Elsewhere", ["other_names", "links", "other_identifiers"]),
        (
            "How to reach them",
            [
                "email",
                "show_email",
                "accepts_introductions",
                "open_to_collaboration",
                "open_to_supervision",
                "open_to_advising",
                "open_to_media",
                "open_to_speaking",
            ],
        ),
        (
            "Lived experience",
            [
                "has_lived_experience",
                "lived_experience",
                "show_lived_experience",
                "welcomes_lived_experience",
            ],
        ),
    ]

    class Meta:
        model = Researcher
        fields = [
            "name",
            "title",
            "job_title",
            "career_stage",
            "organisation",
            "biography",
            "expertise",
            "methods",
            "themes",
            "orcid",
            "other_names",
            "links",
            "other_identifiers",
            "email",
            "show_email",
            "open_to_collaboration",
            "open_to_supervision",
            "open_to_advising",
            "open_to_media",
            "open_to_speaking",
            "has_lived_experience",
            "lived_experience",
            "show_lived_experience",
            "welcomes_lived_experience",
            "accepts_introductions",
        ]


# The last section of a dataset's form, in its order (and the end of its fields).
FORMATS_AND_LINKS = [*Dataset.FORMATS_AND_LINKS, *Dataset.SOURCE_DATES]


class DatasetForm(EntryForm):
    custodian = organisation_field("Custodian")
    themes = ThemeChoices()
    areas = AreaTickBoxes(
        Area.objects.order_by("region", "name"),
        required=False,
        label="Local authority areas covered",
        help_text="Leave empty for England-wide or UK-wide data, and choose that scope below.",
    )
    whole_regions = forms.MultipleChoiceField(
        choices=Area.Region.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Every area in a region",
        help_text="Ticking a region adds all its local authorities when you save.",
    )
    identifiers = TickBoxes(
        LinkageIdentifier.objects.all(),
        required=False,
        label="Identifiers it can be linked on",
    )
    sections = [
        ("About the data", ["title", "summary", "description", "keywords", "themes", "source_kind"]),
        ("Who holds it", ["custodian", "contact_name", "contact_email"]),
        (
            "Who and where it covers",
            [
                "population",
                "unit_of_observation",
                "min_age",
                "max_age",
                "includes_antenatal",
                "coverage_scope",
                "areas",
                "whole_regions",
                "start_year",
                "end_year",
                "is_ongoing",
            ],
        ),
        ("Getting access", ["access_level", *ACCESS_FACTS, "licence", "identifiers"]),
        ("Formats and links", FORMATS_AND_LINKS),
    ]

    def clean(self):
        cleaned = super().clean()
        regions = cleaned.get("whole_regions")
        if regions and "areas" in cleaned:
            ticked = {area.pk for area in cleaned["areas"]}
            cleaned["areas"] = Area.objects.filter(
                models.Q(pk__in=ticked) | models.Q(region__in=regions)
            ).order_by("region", "name")
        return cleaned

    class Meta:
        model = Dataset
        fields = [
            "title",
            "summary",
            "description",
            "custodian",
            "contact_name",
            "contact_email",
            "themes",
            "keywords",
            "source_kind",
            "population",
            "min_age",
            "max_age",
            "includes_antenatal",
            "areas",
            "coverage_scope",
            "start_year",
            "end_year",
            "is_ongoing",
            "unit_of_observation",
            "identifiers",
            "access_level",
            *ACCESS_FACTS,
            "licence",
            *FORMATS_AND_LINKS,
        ]
        widgets = {
            "issued": forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
            "modified": forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
        }


class ProjectForm(EntryForm):
    themes = ThemeChoices()
    sections = [
        ("About the project", ["title", "summary", "stage", "start_date", "end_date", "funder", "themes"])
    ]

    class Meta:
        model = Project
        fields = ["title", "summary", "stage", "start_date", "end_date", "funder", "themes"]
        widgets = {
            # A date input's value must be written as ISO 8601, whatever the language of the page.
            "start_date": forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
            "end_date": forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
        }


class PartForm(forms.ModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        names_linked_entries(self)


class MembershipForm(PartForm):
    researcher = EntryNameField(Researcher, choices_kind="researchers", label="Person")

    class Meta:
        model = Membership
        fields = ["researcher", "role"]


class DatasetUsageForm(PartForm):
    dataset = EntryNameField(Dataset, name_field="title", choices_kind="datasets", label="Dataset")

    class Meta:
        model = DatasetUsage
        fields = ["dataset", "note"]


class OutputForm(forms.ModelForm):
    class Meta:
        model = Output
        fields = ["kind", "title", "year", "url", "doi", "key_finding"]


class PartFormSet(forms.BaseInlineFormSet):
    """A project's members, datasets or outputs: rows to fill in, and a box to remove each."""


class MembershipFormSet(PartFormSet):
    def clean(self):
        # Before the formset's own uniqueness check, whose message is less helpful.
        leads = [
            form
            for form in self.forms
            if form.cleaned_data.get("role") == Membership.Role.LEAD and not self._should_delete_form(form)
        ]
        if len(leads) > 1:
            raise forms.ValidationError("A project has one lead. Choose another role for the others.")
        people = [
            form.cleaned_data.get("researcher") for form in self.forms if not self._should_delete_form(form)
        ]
        people = [person for person in people if person]
        if len(people) != len(set(people)):
            raise forms.ValidationError("Each person is listed once. Remove the repeated row.")
        super().clean()


class UsageFormSet(PartFormSet):
    def clean(self):
        datasets = [
            form.cleaned_data.get("dataset") for form in self.forms if not self._should_delete_form(form)
        ]
        datasets = [dataset for dataset in datasets if dataset]
        if len(datasets) != len(set(datasets)):
            raise forms.ValidationError("Each dataset is listed once. Remove the repeated row.")
        super().clean()


def project_parts(data=None, instance=None) -> dict[str, forms.BaseInlineFormSet]:
    """The formsets for a project's members, datasets used and outputs, by prefix."""
    factories = {
        "members": forms.inlineformset_factory(
            Project, Membership, form=MembershipForm, formset=MembershipFormSet, extra=2, max_num=200
        ),
        "usages": forms.inlineformset_factory(
            Project, DatasetUsage, form=DatasetUsageForm, formset=UsageFormSet, extra=2, max_num=200
        ),
        "outputs": forms.inlineformset_factory(
            Project, Output, form=OutputForm, formset=PartFormSet, extra=1, max_num=200
        ),
    }
    return {
        prefix: factory(data, instance=instance, prefix=prefix, queryset=_parts_query(factory, instance))
        for prefix, factory in factories.items()
    }


class AccessStepForm(forms.ModelForm):
    class Meta:
        model = AccessStep
        fields = ["position", "title", "description", "url"]
        labels = {"position": "Step number"}
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}


class AccessStepFormSet(PartFormSet):
    def clean(self):
        numbers = [
            form.cleaned_data.get("position")
            for form in self.forms
            if form.cleaned_data and not self._should_delete_form(form)
        ]
        if len(numbers) != len(set(numbers)):
            raise forms.ValidationError("Each step has its own number. Renumber the repeated one.")
        super().clean()


class ObservationForm(forms.ModelForm):
    class Meta:
        model = Observation
        fields = ["measure", "count", "observed_on", "description"]
        widgets = {"observed_on": forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})}


# The most steps and dated counts a dataset may have (the editing form's and the CSV import's limit).
MAX_STEPS = 30
MAX_OBSERVATIONS = 50


def dataset_parts(data=None, instance=None) -> dict[str, forms.BaseInlineFormSet]:
    """The formsets for a dataset's steps to access and its dated counts, by prefix."""
    factories = {
        "steps": forms.inlineformset_factory(
            Dataset, AccessStep, form=AccessStepForm, formset=AccessStepFormSet, extra=2, max_num=MAX_STEPS
        ),
        "observations": forms.inlineformset_factory(
            Dataset, Observation, form=ObservationForm, formset=PartFormSet, extra=1, max_num=MAX_OBSERVATIONS
        ),
    }
    # A form posted without a section (a script, or a page from before it existed) leaves those rows as they are.
    return {
        prefix: factory(data, instance=instance, prefix=prefix, queryset=factory.model.objects.all())
        for prefix, factory in factories.items()
        if data is None or f"{prefix}-TOTAL_FORMS" in data
    }


PARTS = {Project: project_parts, Dataset: dataset_parts}


def _parts_query(factory, instance):
    """The rows a formset shows, with the entry each links to fetched in the same query."""
    linked = [name for name in ("researcher", "dataset") if hasattr(factory.model, name)]
    return factory.model.objects.select_related(*linked)


class OpportunityForm(EntryForm):
    """An involvement opportunity, offered by a project or organisation the person may edit."""

    needs_user = True
    project = EntryNameField(
        Project,
        name_field="title",
        choices_kind="projects",
        label="Project",
        required=False,
        help_text="A project you lead or whose organisation you edit. Leave empty for an organisation’s own.",
    )
    organisation = organisation_field(
        "Organisation",
        required=False,
        help_text="An organisation you edit, when the opportunity is not one project’s.",
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("project", "organisation"):
            field = self.fields[name]
            model = field.queryset.model
            mine = editable_by(user, model.objects.published())
            linked_id = getattr(self.instance, f"{name}_id") if self.instance.pk else None
            # A saved link stays acceptable, whoever edits it; a new one must be to their own.
            field.queryset = mine | model.objects.filter(pk=linked_id) if linked_id else mine

    class Meta:
        model = Opportunity
        fields = [
            "title",
            "summary",
            "project",
            "organisation",
            *Opportunity.AUDIENCES.values(),
            *Opportunity.DETAILS,
            "contact_email",
        ]
        labels = {
            field: f"Wanted: {Opportunity._meta.get_field(field).verbose_name}"
            for field in Opportunity.AUDIENCES.values()
        }
        widgets = {
            # A date input's value must be written as ISO 8601, whatever the language of the page.
            "closes_on": forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
        }


FORMS = {Researcher: ResearcherForm, Dataset: DatasetForm, Project: ProjectForm, Opportunity: OpportunityForm}


class ReturnForm(forms.Form):
    comment = forms.CharField(
        label="What needs changing",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text="The author receives this by email.",
    )
