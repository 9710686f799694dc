"""What the API says about each kind of entry: public facts only, related entries as links."""

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from areas.models import Area
from datasets.access_facts import ACCESS_FACTS
from datasets.models import AccessStep, Applicant, Condition, Dataset, Observation, Standard
from involvement.models import Opportunity
from organisations.models import Organisation
from people.models import Researcher
from projects.models import STAGE_LABELS, DatasetUsage, Membership, Output, Project
from themes.models import Theme

from .fields import EntryLink, links


class EntrySerializer(serializers.ModelSerializer):
    """What every entry has: its API address, web page, slug and when it last changed."""

    page = serializers.SerializerMethodField()

    def get_page(self, entry) -> str:
        return self.context["request"].build_absolute_uri(entry.get_absolute_url())


COMMON = ["url", "page", "slug", "is_sample", "updated"]


class AreaSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:area-detail", lookup_field="code")
    region = serializers.CharField(source="get_region_display")
    page = serializers.SerializerMethodField()

    class Meta:
        model = Area
        fields = ["url", "page", "code", "name", "region"]

    def get_page(self, area) -> str:
        return self.context["request"].build_absolute_uri(area.get_absolute_url())


class ThemeSerializer(EntrySerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:theme-detail", lookup_field="slug")
    parent = EntryLink("api:theme-detail")
    sub_themes = links("api:theme-detail", source="children")

    class Meta:
        model = Theme
        fields = [*COMMON, "name", "family", "description", "parent", "sub_themes"]


class OrganisationSerializer(EntrySerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:organisation-detail", lookup_field="slug")
    area = EntryLink("api:area-detail", lookup="code")
    ror_url = serializers.SerializerMethodField()

    class Meta:
        model = Organisation
        fields = [
            *COMMON,
            "name",
            "short_name",
            "kind",
            "is_n8_member",
            "website",
            "ror_id",
            "ror_url",
            "area",
            "description",
        ]

    def get_ror_url(self, organisation) -> str:
        return f"https://ror.org/{organisation.ror_id}" if organisation.ror_id else ""


class LinkSerializer(serializers.Serializer):
    """One of a researcher's links elsewhere (an ORCID researcher URL)."""

    name = serializers.CharField()
    url = serializers.URLField()


class OtherIdentifierSerializer(serializers.Serializer):
    """One of a researcher's identifiers in another system (an ORCID external identifier)."""

    system = serializers.CharField(help_text="E.g. Scopus Author ID.")
    identifier = serializers.CharField()
    url = serializers.CharField(help_text="Its address, or empty when there is none.")


class DistributionSerializer(serializers.Serializer):
    """One file, service or page a dataset is published as."""

    title = serializers.CharField()
    format = serializers.CharField()
    url = serializers.URLField()


class ResearcherSerializer(EntrySerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:researcher-detail", lookup_field="slug")
    organisation = EntryLink("api:organisation-detail")
    affiliations = links("api:organisation-detail")
    themes = links("api:theme-detail")
    expertise = serializers.ListField(source="expertise_list", child=serializers.CharField())
    methods = serializers.ListField(source="methods_list", child=serializers.CharField())
    open_to = serializers.ListField(child=serializers.CharField())
    other_names = serializers.ListField(source="other_name_list", child=serializers.CharField())
    links = LinkSerializer(source="link_list", many=True, help_text="Their pages on other sites.")
    other_identifiers = OtherIdentifierSerializer(
        source="other_identifier_list", many=True, help_text="Their identifiers in other systems."
    )
    email = serializers.SerializerMethodField(help_text="Only when the person chose to show it.")
    lived_experience = serializers.SerializerMethodField(
        help_text="The person's own words, only when they chose to show them."
    )

    class Meta:
        model = Researcher
        fields = [
            *COMMON,
            "name",
            "title",
            "job_title",
            "career_stage",
            "organisation",
            "affiliations",
            "biography",
            "expertise",
            "methods",
            "themes",
            "orcid",
            "orcid_url",
            "other_names",
            "links",
            "other_identifiers",
            "email",
            "open_to",
            "lived_experience",
            "welcomes_lived_experience",
        ]

    def get_email(self, researcher) -> str | None:
        return researcher.public_email or None

    def get_lived_experience(self, researcher) -> str | None:
        return researcher.public_lived_experience or None


class AccessStepSerializer(serializers.ModelSerializer):
    class Meta:
        model = AccessStep
        fields = ["position", "title", "description", "url"]


class ObservationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Observation
        fields = ["measure", "count", "observed_on", "description"]


class DatasetSerializer(EntrySerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:dataset-detail", lookup_field="slug")
    access_steps = AccessStepSerializer(many=True, read_only=True, help_text="The request route, in order.")
    observations = ObservationSerializer(
        many=True, read_only=True, help_text="Dated counts of what it holds."
    )
    who_may_apply = serializers.ListField(child=serializers.ChoiceField(choices=Applicant.choices))
    access_conditions = serializers.ListField(child=serializers.ChoiceField(choices=Condition.choices))
    conforms_to = serializers.ListField(
        child=serializers.ChoiceField(choices=Standard.choices),
        help_text="The standards the data follows (data models, data dictionaries).",
    )
    time_to_access = serializers.CharField(help_text="The typical wait in words, from the weeks given.")
    custodian = EntryLink("api:organisation-detail")
    themes = links("api:theme-detail")
    areas = links("api:area-detail", lookup="code")
    linked_datasets = links("api:dataset-detail")
    keywords = serializers.ListField(source="keyword_list", child=serializers.CharField())
    life_stages = serializers.SerializerMethodField()
    identifiers = serializers.SlugRelatedField(many=True, read_only=True, slug_field="name")
    doi_url = serializers.CharField()
    distributions = DistributionSerializer(
        source="distribution_list", many=True, help_text="Every file, service or page it is published as."
    )
    languages = serializers.ListField(
        source="language_codes", child=serializers.CharField(), help_text="ISO 639-3 codes, e.g. eng."
    )

    class Meta:
        model = Dataset
        fields = [
            *COMMON,
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
            "life_stages",
            "areas",
            "coverage_scope",
            "start_year",
            "end_year",
            "is_ongoing",
            "observations",
            "unit_of_observation",
            "identifiers",
            "linked_datasets",
            "access_level",
            *ACCESS_FACTS,
            "access_steps",
            "time_to_access",
            "licence",
            "formats",
            "conforms_to",
            "update_frequency",
            "landing_page",
            "doi",
            "doi_url",
            "distributions",
            "languages",
            "issued",
            "modified",
        ]

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_life_stages(self, dataset) -> list[str]:
        return [stage.slug for stage in dataset.life_stages]


class MemberSerializer(serializers.ModelSerializer):
    person = EntryLink("api:researcher-detail", source="researcher")

    class Meta:
        model = Membership
        fields = ["person", "role"]


class UsageSerializer(serializers.ModelSerializer):
    dataset = EntryLink("api:dataset-detail")

    class Meta:
        model = DatasetUsage
        fields = ["dataset", "note"]


class OutputSerializer(serializers.ModelSerializer):
    class Meta:
        model = Output
        fields = ["kind", "title", "year", "url", "doi", "link", "key_finding"]


class ProjectSerializer(EntrySerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:project-detail", lookup_field="slug")
    stage = serializers.ChoiceField(
        source="current_stage",
        choices=list(STAGE_LABELS.items()),
        read_only=True,
        help_text="As shown on the site: an active project whose end date has passed is `ended`.",
    )
    members = MemberSerializer(source="public_memberships", many=True, read_only=True)
    datasets_used = UsageSerializer(source="public_usages", many=True, read_only=True)
    outputs = OutputSerializer(many=True, read_only=True)
    partner_organisations = links("api:organisation-detail")
    themes = links("api:theme-detail")

    class Meta:
        model = Project
        fields = [
            *COMMON,
            "title",
            "summary",
            "stage",
            "start_date",
            "end_date",
            "funder",
            "members",
            "datasets_used",
            "outputs",
            "partner_organisations",
            "themes",
        ]


class OpportunitySerializer(EntrySerializer):
    """An open involvement opportunity. Its contact address is never given: people write through `take_part`."""

    url = serializers.HyperlinkedIdentityField(view_name="api:opportunity-detail", lookup_field="slug")
    project = EntryLink("api:project-detail")
    organisation = EntryLink("api:organisation-detail")
    who_is_wanted = serializers.SerializerMethodField()
    take_part = serializers.SerializerMethodField(help_text="The page to send a Take part message from.")

    class Meta:
        model = Opportunity
        fields = [
            *COMMON,
            "title",
            "summary",
            "project",
            "organisation",
            "who_is_wanted",
            *Opportunity.DETAILS,
            "take_part",
        ]

    def get_who_is_wanted(self, opportunity) -> list[str]:
        """Values of the `who` filter: students, lived-experience, parents-carers, practitioners, partners."""
        return [audience for audience, field in Opportunity.AUDIENCES.items() if getattr(opportunity, field)]

    def get_take_part(self, opportunity) -> str:
        path = reverse("introductions:opportunity", args=[opportunity.slug])
        return self.context["request"].build_absolute_uri(path)
