"""A dataset in the shape of the HDR UK metadata schema 3.0.0 (the Health Data Research Gateway's), so that
gateways and tools built for it can read our datasets. docs/hdruk.md maps each of our fields to its own.

Reads only what `published_for_hdruk()` loads: five queries for one dataset, whatever it holds.
"""

import re
from collections.abc import Callable

from django.db.models import Prefetch, QuerySet

from areas.models import Area
from catalogue import vocabularies

from .dictionary.hdruk import structural_metadata
from .models import AccessService, Condition, Cost, Dataset, Observation, Standard

SCHEMA_VERSION = "3.0.0"
# The schema's own rule for a DOI, narrower than ours (core.identifiers): other DOIs are left out.
HDRUK_DOI = re.compile(r"^10.\d{4,9}/[-._;()/:a-zA-Z0-9]+$")
# We keep no numbered versions of a dataset's metadata; its history is on the site (editing/history).
METADATA_VERSION = "1.0.0"
# What the HDR UK Gateway writes for a population it does not know.
UNKNOWN_POPULATION = -1

ACCESS_SERVICE_CATEGORIES = {
    AccessService.OPEN_DOWNLOAD: "Open access",
    AccessService.DATA_SERVICE: "Direct access",
    AccessService.SECURE_ENVIRONMENT: "TRE/SDE",
    AccessService.ON_REQUEST: "Direct access",
    # Aggregates only is none of the schema's categories: said in words in accessService instead.
}
# Our conditions that are among the schema's data use requirements.
DATA_USE_REQUIREMENTS = {Condition.ETHICS_APPROVAL: "Ethics approval required"}
# The schema's delivery lead times, by the most weeks each allows.
LEAD_TIMES = [
    (0, "Less than 1 week"),
    (2, "1-2 weeks"),
    (4, "2-4 weeks"),
    (9, "1-2 months"),
    (26, "2-6 months"),
]
LONGER_LEAD_TIME = "More than 6 months"


def published_for_hdruk() -> QuerySet:
    """Published datasets with what the export reads (custodian, observations, steps, linked datasets)."""
    return (
        Dataset.objects.published()
        .select_related("custodian")
        .prefetch_related(
            Prefetch("areas", queryset=Area.objects.only("code", "name")),
            "observations",
            "access_steps",
            Prefetch("linked_datasets", queryset=Dataset.objects.published().only("title", "slug")),
        )
    )


def hdruk_metadata(dataset: Dataset, absolute: Callable[[str], str]) -> dict:
    """`dataset` as an HDR UK 3.0.0 document; `absolute` turns a site path into a full address."""
    document = {
        "identifier": absolute(dataset.get_absolute_url()),
        "version": METADATA_VERSION,
        "revisions": [],
        "issued": dataset.created.isoformat(),
        "modified": dataset.updated.isoformat(),
        "summary": summary(dataset),
        "documentation": {"description": text_between(description(dataset), 2, 10_000)},
        "coverage": coverage(dataset),
        "accessibility": {
            "access": access(dataset),
            "usage": usage(dataset),
            "formatAndStandards": format_and_standards(dataset),
        },
        "enrichmentAndLinkage": linkage(dataset, absolute),
        "observations": [observation(each) for each in dataset.observations.all()],
        "structuralMetadata": structural_metadata(dataset),
    }
    return {key: value for key, value in document.items() if value is not None}


def format_and_standards(dataset: Dataset) -> dict | None:
    """The standards the data follows, where recorded (the section's four keys are all required: we record
    no controlled vocabularies, and the directory's datasets are in English)."""
    if not dataset.conforms_to:
        return None
    return {
        "vocabularyEncodingScheme": [],
        "conformsTo": list(dict.fromkeys(Standard(value).hdruk for value in dataset.conforms_to)),
        "language": ["en"],
        "format": [part.strip() for part in dataset.formats.split(",") if part.strip()],
    }


def text_between(text: str, shortest: int, longest: int) -> str:
    """`text` cut to the schema's longest, or a plain placeholder when shorter than its shortest."""
    text = text.strip()
    return text[:longest] if len(text) >= shortest else "Not recorded"


def description(dataset: Dataset) -> str:
    return f"{dataset.summary}\n\n{dataset.description}".strip() if dataset.description else dataset.summary


def summary(dataset: Dataset) -> dict:
    keywords = [keyword[:150] for keyword in dataset.keyword_list if len(keyword) >= 2]
    return {
        "title": text_between(dataset.title, 2, 150),
        "abstract": text_between(dataset.summary, 5, 500),
        "dataCustodian": custodian(dataset),
        "populationSize": population_size(dataset),
        "keywords": keywords or None,
        "doiName": dataset.doi if HDRUK_DOI.match(dataset.doi) else None,
        "contactPoint": dataset.contact_email or None,
    }


def custodian(dataset: Dataset) -> dict:
    organisation = dataset.custodian if dataset.custodian and dataset.custodian.is_published else None
    if organisation is None:
        return {
            "identifier": "not-recorded",
            "name": "Not recorded",
            "contactPoint": dataset.contact_email or None,
        }
    return {
        # A ROR ID where there is one, as the schema asks; else the organisation's name on this site.
        "identifier": organisation.ror_url or organisation.slug[:50],
        "name": text_between(organisation.name, 2, 150),
        "description": text_between(organisation.description, 2, 10_000)
        if organisation.description
        else None,
        "contactPoint": dataset.contact_email or None,
    }


def population_size(dataset: Dataset) -> int:
    """The latest count of individuals, or the schema's "unknown"."""
    counts = [each for each in dataset.observations.all() if each.measure == Observation.Measure.INDIVIDUALS]
    return max(counts, key=lambda each: each.observed_on).count if counts else UNKNOWN_POPULATION


def coverage(dataset: Dataset) -> dict | None:
    places = [place.name for place in vocabularies.places_of(dataset)]
    if not places:
        return None
    return {
        "spatial": ", ".join(places),
        "typicalAgeRangeMin": dataset.min_age,
        "typicalAgeRangeMax": dataset.max_age,
    }


def access(dataset: Dataset) -> dict:
    return {
        # The schema's guidance: the address of the access request process, or "In Progress".
        "accessRights": dataset.access_url or dataset.access_instructions or "In Progress",
        "accessServiceCategory": ACCESS_SERVICE_CATEGORIES.get(dataset.access_service),
        "accessService": access_service(dataset),
        "accessRequestCost": access_cost(dataset),
        "deliveryLeadTime": lead_time(dataset),
        "jurisdiction": [dataset.jurisdiction] if dataset.jurisdiction else None,
        "dataController": dataset.data_controller or None,
        "dataProcessor": dataset.data_processor or None,
    }


def access_service(dataset: Dataset) -> str | None:
    """How the data is reached and the steps to it, in words."""
    parts = []
    if dataset.access_service:
        service = dataset.get_access_service_display()
        parts.append(
            f"{service}: {dataset.trusted_research_environment}"
            if dataset.trusted_research_environment
            else service
        )
    elif dataset.trusted_research_environment:
        parts.append(dataset.trusted_research_environment)
    for step in dataset.access_steps.all():
        parts.append(f"Step {step.position}: {step.title}" + (f" ({step.url})" if step.url else ""))
    text = ". ".join(parts)
    return text if len(text) >= 2 else None


def access_cost(dataset: Dataset) -> str | None:
    if not dataset.cost:
        return None
    words = Cost(dataset.cost).label
    return f"{words}: {dataset.cost_note}" if dataset.cost_note else words


def lead_time(dataset: Dataset) -> str | None:
    if dataset.weeks_to_access is None:
        return None
    most = dataset.weeks_to_access[1]
    return next((words for limit, words in LEAD_TIMES if most <= limit), LONGER_LEAD_TIME)


def usage(dataset: Dataset) -> dict | None:
    requirements = [DATA_USE_REQUIREMENTS[c] for c in dataset.access_conditions if c in DATA_USE_REQUIREMENTS]
    return {"dataUseRequirements": requirements} if requirements else None


def linkage(dataset: Dataset, absolute: Callable[[str], str]) -> dict | None:
    linked = [
        {"pid": text_between(other.title, 2, 150), "url": absolute(other.get_absolute_url())}
        for other in dataset.linked_datasets.all()
    ]
    return {"linkableDatasets": linked} if linked else None


def observation(each: Observation) -> dict:
    return {
        "observedNode": Observation.HDRUK_NODES[each.measure],
        "measuredValue": each.count,
        "observationDate": each.observed_on.isoformat(),
        "measuredProperty": "Count",
        "disambiguatingDescription": text_between(each.description, 5, 500)
        if len(each.description) >= 5
        else None,
    }
