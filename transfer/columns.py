"""The columns an import file may have, per kind of entry: one list that documents the import
page, makes the template files and drives the import itself."""

from dataclasses import dataclass

from django.db.models import Model

from datasets.models import Dataset
from organisations.models import Organisation
from people.models import Researcher
from projects.models import Project

from .models import PendingImport

Kind = PendingImport.Kind


@dataclass(frozen=True)
class Column:
    name: str
    help: str
    required: bool = False
    # How a cell names other entries (see importer.RESOLVERS); "" for a plain field.
    relation: str = ""
    # False for a column that is not a field of the model (a project's lead).
    is_field: bool = True


SLUG = Column(
    "slug",
    "The entry’s web-address name. A row whose slug exists updates that entry; otherwise a new entry "
    "is created (with this slug, or one made from its name when blank).",
)
STATUS = Column(
    "status",
    "draft, submitted, published or archived. New entries are drafts when blank; a blank cell leaves an "
    "existing entry’s status as it is.",
)
THEMES = Column("themes", "Theme names or slugs, separated by “; ”.", relation="themes")

COLUMNS: dict[str, list[Column]] = {
    Kind.ORGANISATIONS: [
        SLUG,
        Column("name", "The organisation’s full name.", required=True),
        Column("short_name", "A common short form, e.g. Leeds."),
        Column(
            "kind",
            "university, local-authority, nhs-trust, research-institute, public-body, charity, "
            "company or other (or the words shown on the site, e.g. Local authority).",
        ),
        Column("is_n8_member", "yes or no."),
        Column("website", "A web address."),
        Column("ror_id", "The ROR ID, e.g. 01v29qb04 or https://ror.org/01v29qb04."),
        Column(
            "area",
            "For a local authority: the ONS code of the area it serves, e.g. E08000035.",
            relation="area",
        ),
        Column("description", "A paragraph about the organisation."),
        STATUS,
    ],
    Kind.RESEARCHERS: [
        SLUG,
        Column("name", "The person’s name.", required=True),
        Column("title", "E.g. Dr, Professor."),
        Column("job_title", "Their job title."),
        Column("career_stage", "student, early, mid or senior (or Early career, Mid career…)."),
        Column(
            "organisation",
            "Where they mainly work: the organisation’s exact name or slug.",
            relation="organisation",
        ),
        Column(
            "affiliations",
            "Other organisations, by name or slug, separated by “; ”.",
            relation="organisations",
        ),
        THEMES,
        Column("orcid", "Their ORCID iD, e.g. 0000-0002-1825-0097."),
        Column("email", "Their email address."),
        Column("show_email", "yes to show the email publicly (only with the person’s agreement)."),
        Column("biography", "A paragraph or two."),
        Column("expertise", "Comma-separated keywords."),
        Column("methods", "Comma-separated methods and skills."),
        Column("open_to_collaboration", "yes or no."),
        Column("open_to_supervision", "yes or no."),
        Column("open_to_advising", "yes or no."),
        Column("open_to_media", "yes or no."),
        Column("open_to_speaking", "yes or no."),
        STATUS,
    ],
    Kind.DATASETS: [
        SLUG,
        Column("title", "The dataset’s title.", required=True),
        Column("summary", "One or two sentences (at most 400 characters).", required=True),
        Column(
            "source_kind",
            "administrative, cohort, survey, clinical, education, social-care, linked or "
            "other (or the words shown on the site).",
            required=True,
        ),
        Column("access_level", "open, safeguarded or controlled.", required=True),
        Column(
            "custodian",
            "The organisation that holds the data: its exact name or slug.",
            relation="organisation",
        ),
        THEMES,
        Column("description", "A longer description."),
        Column("keywords", "Comma-separated."),
        Column("population", "Who the data describes."),
        Column("min_age", "Minimum age in years."),
        Column("max_age", "Maximum age in years; blank if there is none."),
        Column("includes_antenatal", "yes or no."),
        Column("coverage_scope", "local, england or uk."),
        Column(
            "areas",
            "ONS codes of the local authorities covered, separated by “; ”. Retired codes are "
            "taken as the areas that replaced them.",
            relation="areas",
        ),
        Column("start_year", "E.g. 2005."),
        Column("end_year", "Blank for an ongoing dataset."),
        Column("is_ongoing", "yes or no."),
        Column("individuals_count", "Approximate number of individuals."),
        Column("records_count", "Approximate number of records."),
        Column("unit_of_observation", "E.g. child, pupil, episode."),
        Column("access_instructions", "How to get access."),
        Column("access_url", "The access application page."),
        Column("trusted_research_environment", "Where the data is analysed, if in one."),
        Column("time_to_access", "E.g. three to six months."),
        Column("licence", "The licence."),
        Column("formats", "E.g. CSV, SPSS, Stata."),
        Column("update_frequency", "E.g. annually."),
        Column("landing_page", "A web address."),
        Column("doi", "E.g. 10.1093/ije/dys064."),
        Column("contact_name", "A team or role."),
        Column("contact_email", "A team mailbox, shown publicly."),
        STATUS,
    ],
    Kind.PROJECTS: [
        SLUG,
        Column("title", "The project’s title.", required=True),
        Column("summary", "What the project does.", required=True),
        Column("stage", "planned, active or completed."),
        Column("start_date", "As 2024-01-31."),
        Column("end_date", "As 2026-12-31."),
        Column("funder", "Who funds it."),
        Column(
            "lead",
            "The lead researcher’s slug or ORCID iD. A blank cell leaves the lead as it is; a new "
            "lead replaces the old one, who stays on the project as a co-investigator.",
            relation="researcher",
            is_field=False,
        ),
        Column(
            "partner_organisations",
            "Organisation names or slugs, separated by “; ”.",
            relation="organisations",
        ),
        THEMES,
        STATUS,
    ],
}

MODELS: dict[str, type[Model]] = {
    Kind.ORGANISATIONS: Organisation,
    Kind.RESEARCHERS: Researcher,
    Kind.DATASETS: Dataset,
    Kind.PROJECTS: Project,
}


def columns_by_name(kind: str) -> dict[str, Column]:
    return {column.name: column for column in COLUMNS[kind]}


def required_names(kind: str) -> list[str]:
    return [column.name for column in COLUMNS[kind] if column.required]
