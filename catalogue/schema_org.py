"""schema.org descriptions of entry pages, for search engines (Google Dataset Search above all).

Each function reads only what its detail view has already loaded (prefetched relations, with
unpublished entries filtered out), so embedding the description costs no queries. Related
entries that are not published are left out, and personal details only appear where the
person has chosen to show them.
"""

import json
from collections.abc import Callable
from urllib.parse import urlsplit

from django.urls import reverse

from core.models import published_or_none
from datasets.dictionary.schema_org import variables_measured
from datasets.models import Cost, Dataset
from organisations.models import Organisation
from people.models import Researcher
from projects.models import Project

from . import vocabularies
from .dcat import CATALOGUE_TITLE, full_description

CONTEXT = "https://schema.org"
# Google Dataset Search reads at most this many characters of a description.
MAX_DESCRIPTION = 5000

Absolute = Callable[[str], str]


def without_empty(data: dict) -> dict:
    return {key: value for key, value in data.items() if value not in ("", None, [], {})}


def organisation_summary(organisation: Organisation | None, absolute: Absolute) -> dict | None:
    """A published organisation as a schema.org Organization, or None."""
    organisation = published_or_none(organisation)
    return organisation_fields(organisation, absolute) if organisation else None


def organisation_fields(organisation: Organisation, absolute: Absolute) -> dict:
    return without_empty(
        {
            "@type": "Organization",
            "name": organisation.name,
            "url": organisation.website or absolute(organisation.get_absolute_url()),
            "sameAs": organisation.ror_url,
        }
    )


def person_summary(researcher: Researcher, absolute: Absolute) -> dict:
    return without_empty(
        {
            "@type": "Person",
            "name": researcher.name,
            "url": absolute(researcher.get_absolute_url()),
            "sameAs": researcher.orcid_url,
        }
    )


def temporal_coverage(dataset: Dataset) -> str:
    """An ISO 8601 interval: "2007/2024", "2007/.." while ongoing, or one year."""
    if not dataset.start_year:
        return ""
    if dataset.is_ongoing:
        return f"{dataset.start_year}/.."
    if dataset.end_year and dataset.end_year != dataset.start_year:
        return f"{dataset.start_year}/{dataset.end_year}"
    return str(dataset.start_year)


def place(place: vocabularies.Place) -> dict:
    return {"@type": "Place", "name": place.name, "identifier": place.code, "sameAs": place.iri}


def dataset_schema(dataset: Dataset, absolute: Absolute) -> dict:
    page = absolute(dataset.get_absolute_url())
    custodian = organisation_summary(dataset.custodian, absolute)
    is_open = dataset.access_level == Dataset.AccessLevel.OPEN
    return without_empty(
        {
            "@context": CONTEXT,
            "@type": "Dataset",
            "name": dataset.title,
            "description": full_description(dataset)[:MAX_DESCRIPTION],
            "url": page,
            "identifier": [value for value in (dataset.doi_url, page) if value],
            "sameAs": dataset.landing_page,
            "keywords": dataset.keyword_list,
            "creator": custodian,
            "publisher": custodian,
            "license": vocabularies.licence_url(dataset.licence) or dataset.licence,
            "isAccessibleForFree": accessible_for_free(dataset),
            "conditionsOfAccess": conditions_of_access(dataset),
            "spatialCoverage": [place(each) for each in vocabularies.places_of(dataset)],
            "temporalCoverage": temporal_coverage(dataset),
            "variableMeasured": variables_measured(dataset),
            "distribution": distribution(dataset) if is_open else None,
            "includedInDataCatalog": {
                "@type": "DataCatalog",
                "name": CATALOGUE_TITLE,
                "url": absolute(reverse("datasets:list")),
            },
            "dateModified": dataset.updated.isoformat(),
        }
    )


def accessible_for_free(dataset: Dataset) -> bool | None:
    """What the custodian says access costs; else open data is free to everyone, and the other levels
    depend on the custodian's terms (None: not said)."""
    if dataset.cost:
        return dataset.cost == Cost.FREE
    return True if dataset.access_level == Dataset.AccessLevel.OPEN else None


def conditions_of_access(dataset: Dataset) -> str:
    """Who may apply and what they need, in words, where the custodian has said."""
    parts = []
    if dataset.who_may_apply:
        parts.append(f"Who may apply: {', '.join(dataset.who_may_apply_labels)}.")
    if dataset.access_conditions:
        parts.append(f"Applicants need: {', '.join(dataset.access_condition_labels)}.")
    return " ".join(parts)


def distribution(dataset: Dataset) -> list[dict]:
    """A download only where the access address is a data file: application pages are not downloads."""
    path = urlsplit(dataset.access_url).path.lower()
    if not path.endswith(tuple(f".{extension}" for extension in vocabularies.FILE_TYPES)):
        return []
    download = {"@type": "DataDownload", "contentUrl": dataset.access_url, "encodingFormat": dataset.formats}
    return [without_empty(download)]


def researcher_schema(researcher: Researcher, absolute: Absolute) -> dict:
    # Lived experience is never included: it is the person's own story, for the page alone.
    organisation = organisation_summary(researcher.organisation, absolute)
    affiliations = [organisation_summary(other, absolute) for other in researcher.affiliations.all()]
    return without_empty(
        {
            "@context": CONTEXT,
            "@type": "Person",
            "name": researcher.name,
            "honorificPrefix": researcher.title,
            "jobTitle": researcher.job_title,
            "url": absolute(researcher.get_absolute_url()),
            "identifier": researcher.orcid_url,
            "sameAs": researcher.orcid_url,
            "worksFor": organisation,
            "affiliation": [each for each in [organisation, *affiliations] if each],
            "knowsAbout": researcher.expertise_list,
            "description": researcher.biography,
            "email": researcher.public_email,
        }
    )


def organisation_schema(organisation: Organisation, absolute: Absolute) -> dict:
    return without_empty(
        {
            "@context": CONTEXT,
            **organisation_fields(organisation, absolute),
            "alternateName": organisation.short_name,
            "description": organisation.description,
            "mainEntityOfPage": absolute(organisation.get_absolute_url()),
        }
    )


def project_schema(project: Project, absolute: Absolute) -> dict:
    members = [
        {
            "@type": "OrganizationRole",
            "roleName": membership.get_role_display(),
            "member": person_summary(membership.researcher, absolute),
        }
        for membership in project.memberships.all()
        if membership.researcher.is_published
    ]
    return without_empty(
        {
            "@context": CONTEXT,
            "@type": "ResearchProject",
            "name": project.title,
            "description": project.summary,
            "url": absolute(project.get_absolute_url()),
            "funder": {"@type": "Organization", "name": project.funder} if project.funder else None,
            "member": members,
            # schema.org gives an organisation (and so a project) founding and dissolution dates.
            "foundingDate": project.start_date.isoformat() if project.start_date else None,
            "dissolutionDate": project.end_date.isoformat() if project.end_date else None,
        }
    )


BUILDERS = {
    Dataset: dataset_schema,
    Researcher: researcher_schema,
    Organisation: organisation_schema,
    Project: project_schema,
}


def schema_for(entry, absolute: Absolute) -> dict:
    return BUILDERS[type(entry)](entry, absolute)


# As django.utils.html.json_script does: no "</script>" or "<!--" can close the element early.
SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_for_script(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False).translate(SCRIPT_ESCAPES)
