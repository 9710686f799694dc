"""Reading a public ORCID record (API v3.0) and, where switched on, fetching it from ORCID.

The parser takes the JSON of https://pub.orcid.org/v3.0/<iD>/record and keeps what the
directory can use. Fetching is off unless ORCID_FETCH_ENABLED is set: a curator then
pastes the record instead.
"""

import urllib.error
import urllib.request
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings

from core.identifiers import normalise_ror
from transfer.reading import FileProblem

from .records import doi_in
from .safe_json import load_json

# A full record with hundreds of works is well under this; more is not a record.
MAX_RECORD_BYTES = 5 * 1024 * 1024


class OrcidProblem(Exception):
    """The record could not be fetched or read; the message says why, for a curator."""


@dataclass(frozen=True)
class Work:
    title: str
    year: int | None
    doi: str

    @property
    def doi_url(self) -> str:
        return f"https://doi.org/{self.doi}" if self.doi else ""


@dataclass
class OrcidRecord:
    orcid: str
    name: str = ""
    given_names: str = ""
    family_name: str = ""
    biography: str = ""
    keywords: list[str] = field(default_factory=list)
    organisation: str = ""
    # The employer's ROR ID when ORCID gives one (its disambiguated organisation).
    organisation_ror: str = ""
    job_title: str = ""
    works: list[Work] = field(default_factory=list)
    other_names: list[str] = field(default_factory=list)
    # (name, address) of each researcher URL; (system, identifier, address) of each external identifier.
    links: list[tuple[str, str]] = field(default_factory=list)
    identifiers: list[tuple[str, str, str]] = field(default_factory=list)


def _get(data: Any, *path: str) -> Any:
    """data[path[0]][path[1]]…, or None where a step is missing or null (ORCID writes null for empty)."""
    for key in path:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def _value(data: Any, *path: str) -> str:
    value = _get(data, *path, "value") if path else None
    return str(value).strip() if value not in (None, "") else ""


def _list(data: Any, *path: str) -> list:
    found = _get(data, *path)
    if found is None:
        return []
    if not isinstance(found, list):
        raise OrcidProblem(f"The ORCID record is not in the shape we expect: {'.'.join(path)} is not a list.")
    return found


def parse_record(data: Any) -> OrcidRecord:
    """What a /v3.0/<iD>/record response says that the directory can use."""
    if not isinstance(data, dict) or not isinstance(data.get("person"), dict):
        raise OrcidProblem(
            "This is not an ORCID record: the JSON of https://pub.orcid.org/v3.0/<iD>/record has a "
            "“person” section (and an “orcid-identifier”)."
        )
    orcid = str(_get(data, "orcid-identifier", "path") or "").strip()
    person = data["person"]
    given, family = _value(person, "name", "given-names"), _value(person, "name", "family-name")
    record = OrcidRecord(
        orcid=orcid,
        given_names=given,
        family_name=family,
        name=_value(person, "name", "credit-name") or " ".join(part for part in (given, family) if part),
        biography=str(_get(person, "biography", "content") or "").strip(),
        keywords=list(
            dict.fromkeys(
                str(keyword.get("content") or "").strip()
                for keyword in _list(person, "keywords", "keyword")
                if isinstance(keyword, dict) and str(keyword.get("content") or "").strip()
            )
        ),
    )
    record.other_names = unique_texts(
        str(other.get("content") or "")
        for other in _list(person, "other-names", "other-name")
        if isinstance(other, dict)
    )
    record.links = [
        (str(link.get("url-name") or "").strip(), _value(link, "url"))
        for link in in_display_order(_list(person, "researcher-urls", "researcher-url"))
        if _value(link, "url")
    ]
    record.identifiers = [
        (
            str(external.get("external-id-type") or "").strip(),
            str(external.get("external-id-value") or "").strip(),
            _value(external, "external-id-url"),
        )
        for external in in_display_order(_list(person, "external-identifiers", "external-identifier"))
        if str(external.get("external-id-value") or "").strip()
    ]
    activities = data.get("activities-summary") or {}
    employment = current_employment(activities)
    if employment:
        record.organisation = str(_get(employment, "organization", "name") or "").strip()
        record.organisation_ror = ror_of(_get(employment, "organization", "disambiguated-organization"))
        record.job_title = str(employment.get("role-title") or "").strip()
    record.works = works_of(activities)
    return record


def in_display_order(entries: list) -> list[dict]:
    """The objects of an ORCID list in the order its record shows them (the highest display-index first)."""
    objects = [entry for entry in entries if isinstance(entry, dict)]
    return sorted(
        objects,
        key=lambda entry: entry.get("display-index") if isinstance(entry.get("display-index"), int) else 0,
        reverse=True,
    )


def unique_texts(texts) -> list[str]:
    return list(dict.fromkeys(text.strip() for text in texts if text.strip()))


def ror_of(disambiguated: Any) -> str:
    """The ROR ID of an ORCID disambiguated organisation, when its source is ROR; else ""."""
    if not isinstance(disambiguated, dict) or str(disambiguated.get("disambiguation-source")) != "ROR":
        return ""
    return normalise_ror(str(disambiguated.get("disambiguated-organization-identifier") or ""))


def _date_key(date: Any) -> tuple[int, int, int]:
    return tuple(int(_value(date, part) or 0) for part in ("year", "month", "day"))  # type: ignore[return-value]


def current_employment(activities: dict) -> dict | None:
    """The employment without an end date that started last; None when every one has ended."""
    current = []
    for group in _list(activities, "employments", "affiliation-group"):
        for summary in _list(group, "summaries"):
            employment = _get(summary, "employment-summary")
            if isinstance(employment, dict) and not employment.get("end-date"):
                current.append(employment)
    return max(current, key=lambda e: _date_key(e.get("start-date")), default=None)


def works_of(activities: dict) -> list[Work]:
    """One work per group (ORCID groups the same work from several sources), newest first."""
    works = []
    for group in _list(activities, "works", "group"):
        summaries = [s for s in _list(group, "work-summary") if isinstance(s, dict)]
        if not summaries:
            continue
        summary = summaries[0]
        title = _value(summary, "title", "title")
        if not title:
            continue
        year = _value(summary, "publication-date", "year")
        works.append(Work(title, int(year) if year.isdigit() else None, doi_of(summaries)))
    return sorted(works, key=lambda work: (-(work.year or 0), work.title.lower()))


def doi_of(summaries: list[dict]) -> str:
    for summary in summaries:
        for external in _list(summary, "external-ids", "external-id"):
            if isinstance(external, dict) and str(external.get("external-id-type")).lower() == "doi":
                doi = doi_in(str(external.get("external-id-value") or ""))
                if doi:
                    return doi
    return ""


def loads(text: str) -> Any:
    try:
        return load_json(text)
    except FileProblem as problem:
        raise OrcidProblem(f"{problem.messages[0]} Paste the whole record as ORCID gives it.") from None


def fetch_record(orcid: str) -> str:
    """The record's JSON text, fetched from ORCID's public API (settings.ORCID_API_URL)."""
    if not settings.ORCID_FETCH_ENABLED:
        raise OrcidProblem("Fetching from ORCID is switched off on this site; paste the record instead.")
    url = f"{settings.ORCID_API_URL.rstrip('/')}/{orcid}/record"
    request = urllib.request.Request(
        url, headers={"Accept": "application/json", "User-Agent": "N8 CYP data portal"}
    )
    timeout = settings.ORCID_TIMEOUT
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (an https setting)
            body = response.read(MAX_RECORD_BYTES + 1)
    except urllib.error.HTTPError as error:
        if error.code == 404:
            raise OrcidProblem(f"ORCID has no record for {orcid}. Check the iD.") from None
        raise OrcidProblem(f"ORCID answered with an error (HTTP {error.code}). Try again later.") from None
    except TimeoutError:
        raise OrcidProblem(f"ORCID did not answer within {timeout:g} seconds. Try again later.") from None
    except urllib.error.URLError as error:
        if isinstance(error.reason, TimeoutError):
            raise OrcidProblem(f"ORCID did not answer within {timeout:g} seconds. Try again later.") from None
        raise OrcidProblem(f"ORCID could not be reached ({error.reason}). Try again later.") from None
    if len(body) > MAX_RECORD_BYTES:
        raise OrcidProblem("ORCID’s answer is too large to be a researcher’s record.")
    try:
        text = body.decode("utf-8")
        load_json(text)
    except (UnicodeDecodeError, FileProblem):
        raise OrcidProblem("ORCID’s answer was not JSON, so it could not be read. Try again later.") from None
    return text
