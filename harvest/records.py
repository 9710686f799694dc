"""What a harvested dataset record says, in the same shape whichever catalogue it came from."""

import re
from dataclasses import dataclass, field

from core.identifiers import DOI_PATTERN, normalise_doi

YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")
DOI_IN_TEXT = re.compile(r"10\.\d{4,9}/\S+")
# ONS GSS codes: a letter for the nation, eight digits.
ONS_CODE = re.compile(r"^[EKNSW]\d{8}$")


@dataclass
class Record:
    """One dataset as the source describes it; empty values where it says nothing."""

    identifier: str
    title: str = ""
    description: str = ""
    keywords: list[str] = field(default_factory=list)
    landing_page: str = ""
    access_url: str = ""
    formats: list[str] = field(default_factory=list)
    licence: str = ""
    # CKAN: whether the licence is open and the package public; None when the source does not say.
    open_licence: bool | None = None
    public: bool | None = None
    # DCAT: our access level when dct:accessRights names an EU access-right term.
    access_level: str = ""
    # The custodian's names as the source gives them, tried in turn against our organisations.
    custodian: list[str] = field(default_factory=list)
    start_year: int | None = None
    end_year: int | None = None
    spatial_codes: list[str] = field(default_factory=list)
    doi: str = ""
    # Other addresses the source gives as the dataset's own (a dct:identifier), for matching.
    addresses: list[str] = field(default_factory=list)
    update_frequency: str = ""
    # Every distribution (a CKAN resource), as (title, format, address).
    distributions: list[tuple[str, str, str]] = field(default_factory=list)
    # Themes as the source names them (labels, or a concept's address), matched to ours by name.
    themes: list[str] = field(default_factory=list)
    # ISO 639-3 codes (datasets.languages).
    languages: list[str] = field(default_factory=list)
    # The source's own dates, as YYYY-MM-DD.
    issued: str = ""
    modified: str = ""
    contact_name: str = ""
    contact_email: str = ""
    # Problems stop the whole harvest; notes are what the curator should know or check.
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    unmapped: list[str] = field(default_factory=list)


ISO_DURATION = re.compile(r"^(?:R/)?P(\d+)([YMWD])$", re.IGNORECASE)
EVERY = {
    "Y": ("annual", "years"),
    "M": ("monthly", "months"),
    "W": ("weekly", "weeks"),
    "D": ("daily", "days"),
}


def frequency_name(text: str) -> str:
    """How often a dataset is updated, in words: "annual" from an EU frequency term's address
    (…/frequency/ANNUAL) or an ISO 8601 period (R/P1Y, as Project Open Data writes it), "every 3 months"
    from P3M; a CKAN value ("annually") as it is."""
    text = (text or "").strip()
    duration = ISO_DURATION.match(text)
    if duration:
        return every(int(duration.group(1)), duration.group(2).upper())
    last = text.rstrip("/").rsplit("/", 1)[-1]
    return last.replace("_", " ").lower() if last.isupper() else text


def every(count: int, unit: str) -> str:
    once, many = EVERY[unit]
    if count == 1:
        return once
    return "quarterly" if (count, unit) == (3, "M") else f"every {count} {many}"


def year_of(text: str) -> int | None:
    """The year in a date as catalogues write it: 2015, 2015-04-01, 2015-04-01T00:00:00, 01/04/2015."""
    found = YEAR.search(text or "")
    return int(found.group(1)) if found else None


DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:$|[T ])")


def day_of(text: str) -> str:
    """The day of an ISO 8601 date or date-time as YYYY-MM-DD ("2015-04-01T10:00:00" → "2015-04-01"), or ""."""
    found = DAY.match((text or "").strip())
    return found.group(1) if found else ""


def doi_in(text: str) -> str:
    """The DOI `text` is (as 10.…, doi:10.… or a doi.org address), or ""."""
    candidate = normalise_doi(text or "")
    return candidate if DOI_PATTERN.match(candidate) else ""


def ons_code(text: str) -> str:
    """The ONS GSS code in a code or a statistics.data.gov.uk statistical-geography address, or ""."""
    last = (text or "").strip().rstrip("/").rsplit("/", 1)[-1].upper()
    return last if ONS_CODE.match(last) else ""


def unique(values) -> list[str]:
    """The non-empty values, stripped, each once, in order."""
    return list(dict.fromkeys(value.strip() for value in values if value and value.strip()))
