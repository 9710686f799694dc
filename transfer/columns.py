"""The columns of a kind's CSV file, per kind of entry: one list that documents the import page, makes
the template files, drives the import itself and makes the list pages' downloads (transfer.export), so
that a download is an import file for its kind and a round trip cannot drift.

A column the public may not always see (a researcher's private email) is `private`: the download leaves
the cell blank where the person did not choose to show it, and an import reads a blank cell in such a
column as "leave it as it is", so importing a public download never blanks what it could not see. To
empty such a field, a curator writes CLEAR in the cell; anyone else who imports is refused it.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Model

from datasets.access_facts import ACCESS_FACT_LIST
from datasets.models import Dataset
from organisations.models import Organisation
from people.models import Researcher
from projects.models import Project

from .models import PendingImport
from .parts import OBSERVATIONS, STEPS, Parts

Kind = PendingImport.Kind
# A cell holding exactly this empties the field, where a blank cell would keep what is stored (a private
# column). Only curators, who see those fields, may use it.
CLEAR = "(clear)"


@dataclass(frozen=True)
class Column:
    name: str
    help: str
    required: bool = False
    # How a cell names other entries (see importer.RESOLVERS); "" for a plain field.
    relation: str = ""
    # False for a column that is not a field of the model (a project's lead).
    is_field: bool = True
    # For a column the public sees only as the person chose: whether they may see this entry's value.
    # A blank cell in such a column leaves an existing entry's value as it is.
    private: Callable[[Model], bool] | None = None
    # False for a column a download carries for readers but an import does not read.
    imported: bool = True
    # Only curators' downloads carry it (an entry's status).
    curators_only: bool = False
    # For a column of a dataset's own rows (its steps to access), how a cell gives them (transfer.parts).
    parts: Parts | None = None


SLUG = Column(
    "slug",
    "The entry’s web-address name. A row whose slug exists updates that entry; otherwise a new entry "
    "is created (with this slug, or one made from its name when blank).",
)
STATUS = Column(
    "status",
    "draft, submitted, published or archived. New entries are drafts when blank; a blank cell leaves an "
    "existing entry’s status as it is.",
    curators_only=True,
)
WEB_ADDRESS = Column(
    "web_address",
    "The entry’s page on this site. Downloads carry it for readers; an import does not read it.",
    imported=False,
)
THEMES = Column("themes", "Theme names or slugs, separated by “; ”.", relation="themes")


def shows_email(researcher: Researcher) -> bool:
    return researcher.show_email


def shows_lived_experience(researcher: Researcher) -> bool:
    return researcher.has_lived_experience and researcher.show_lived_experience


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
        WEB_ADDRESS,
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
        Column("other_names", "Other names they have published under, one a line."),
        Column("links", "Their pages on other sites, one a line: the page’s name | its address."),
        Column(
            "other_identifiers",
            "Their identifiers in other systems, one a line: the system | the identifier | its address "
            "if any, e.g. Scopus Author ID | 7007156898.",
        ),
        Column(
            "email",
            "Their email address. A blank cell leaves a stored address as it is (public downloads "
            f"show only the addresses people chose to show); {CLEAR} empties it.",
            private=shows_email,
        ),
        Column("show_email", "yes to show the email publicly (only with the person’s agreement)."),
        Column("biography", "A paragraph or two."),
        Column("expertise", "Comma-separated keywords."),
        Column("methods", "Comma-separated methods and skills."),
        Column("open_to_collaboration", "yes or no."),
        Column("open_to_supervision", "yes or no."),
        Column("open_to_advising", "yes or no."),
        Column("open_to_media", "yes or no."),
        Column("open_to_speaking", "yes or no."),
        Column(
            "has_lived_experience",
            "yes if the person has opted in to say they are involved through lived experience. Like the "
            "two columns after it, a blank cell leaves what is stored as it is (public downloads show "
            f"it only where the person chose to); {CLEAR} empties it.",
            private=shows_lived_experience,
        ),
        Column("lived_experience", "Their lived experience, in their words.", private=shows_lived_experience),
        Column(
            "show_lived_experience",
            "yes to show their lived experience publicly (only as the person chose).",
            private=shows_lived_experience,
        ),
        Column("welcomes_lived_experience", "yes if they welcome involving people with lived experience."),
        Column("accepts_introductions", "yes or no: whether visitors may ask to be introduced."),
        STATUS,
        WEB_ADDRESS,
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
        Column(
            "identifiers",
            "Linkable identifiers (e.g. NHS number, UPN), by name or slug, separated by “; ”.",
            relation="identifiers",
        ),
        Column("start_year", "E.g. 2005."),
        Column("end_year", "Blank for an ongoing dataset."),
        Column("is_ongoing", "yes or no."),
        Column("unit_of_observation", "E.g. child, pupil, episode."),
        *(Column(fact.name, fact.csv_help) for fact in ACCESS_FACT_LIST),
        Column(
            "access_steps",
            "The steps to apply, in one cell as a JSON list, as the API gives them: "
            '[{"position": 1, "title": "Send an outline", "description": "", "url": '
            '"https://example.org/apply"}, …]. position, description and url may be left out; a blank cell '
            "means no steps.",
            is_field=False,
            parts=STEPS,
        ),
        Column(
            "observations",
            "Dated counts of what it holds, in one cell as a JSON list, as the API gives them: "
            '[{"measure": "individuals", "count": 13700, "observed_on": "2024-08-31", "description": ""}, …]; '
            "measure is individuals, records or events. A blank cell means no counts.",
            is_field=False,
            parts=OBSERVATIONS,
        ),
        Column("licence", "The licence."),
        Column("formats", "E.g. CSV, SPSS, Stata."),
        Column(
            "conforms_to",
            "The standards the data follows, separated by “; ”: nhs-data-dictionary, omop, hl7-fhir, openehr, "
            "ddi-codebook, local (or the words shown on the site).",
        ),
        Column("update_frequency", "E.g. annually."),
        Column("landing_page", "A web address."),
        Column("doi", "E.g. 10.1093/ije/dys064."),
        Column(
            "distributions",
            "Each file, service or page it is published as, one a line: title | format | address "
            "(title and format may be left out).",
        ),
        Column("language", "ISO 639-3 codes of the languages the data is in, separated by commas: eng, cym."),
        Column("issued", "When its source catalogue first published it, as 2024-01-31."),
        Column("modified", "When its source catalogue last changed it, as 2024-01-31."),
        Column("contact_name", "A team or role."),
        Column("contact_email", "A team mailbox, shown publicly."),
        STATUS,
        WEB_ADDRESS,
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
        Column(
            "shown_stage",
            "The status the site shows: the stage, or ended for an active project past its end date. "
            "Downloads carry it; an import does not read it (it reads stage).",
            imported=False,
        ),
        Column(
            "datasets_used",
            "The published datasets the project used, by slug. Downloads carry it; an import does not "
            "read it (add them on the project’s page).",
            imported=False,
        ),
        STATUS,
        WEB_ADDRESS,
    ],
}

MODELS: dict[str, type[Model]] = {
    Kind.ORGANISATIONS: Organisation,
    Kind.RESEARCHERS: Researcher,
    Kind.DATASETS: Dataset,
    Kind.PROJECTS: Project,
}


def columns_by_name(kind: str) -> dict[str, Column]:
    """The columns an import of `kind` reads, by name."""
    return {column.name: column for column in COLUMNS[kind] if column.imported}


def read_only_names(kind: str) -> set[str]:
    """Columns a download carries and an import knows but does not read."""
    return {column.name for column in COLUMNS[kind] if not column.imported}


def required_names(kind: str) -> list[str]:
    return [column.name for column in COLUMNS[kind] if column.required]
