"""Reading the JSON of a CKAN catalogue's API (package_search or package_show) into records.

data.gov.uk and most open-data portals run CKAN. Keys of a package (and of its extras and
resources) that we do not use are listed, so that the curator sees what the portal drops.
"""

import json
from typing import Any

from datasets.languages import language_code
from transfer.reading import FileProblem

from .records import Record, day_of, doi_in, frequency_name, ons_code, unique, year_of

NOT_CKAN = (
    "This JSON is not a CKAN API response: one has “success” and “result”, as "
    "…/api/3/action/package_search or …/api/3/action/package_show return."
)
EMPTY = "The document describes no datasets."
# Licences CKAN itself counts as open (its default licence list), for responses without "isopen".
OPEN_LICENCE_IDS = {
    "uk-ogl",
    "ogl-uk-2.0",
    "ogl-uk-3.0",
    "cc-by",
    "cc-by-4.0",
    "cc-by-sa",
    "cc-by-sa-4.0",
    "cc-zero",
    "cc0-1.0",
    "odc-by",
    "odc-odbl",
    "odc-pddl",
    "other-open",
    "other-pd",
    "other-at",
    "gfdl",
}
# Extras as CKAN portals name them; data.gov.uk's INSPIRE records use the temporal-extent and
# frequency-of-update names.
START_EXTRAS = ("temporal_start", "temporal_coverage-from", "temporal_coverage_from", "temporal-extent-begin")
END_EXTRAS = ("temporal_end", "temporal_coverage-to", "temporal_coverage_to", "temporal-extent-end")
FREQUENCY_EXTRAS = ("frequency-of-update", "update_frequency", "frequency", "accrual_periodicity")
EMAIL_EXTRAS = ("contact-email", "contact_email", "contact-point-email")
NAME_EXTRAS = ("contact-name", "contact_name", "responsible-party")
LICENCE_EXTRAS = ("licence", "license", "licence_url", "license_url")
LANGUAGE_EXTRAS = ("language", "languages", "metadata-language", "dataset-language")
# Bookkeeping that restates what we use: the organisation's id, the lists' lengths.
RESTATED = {"owner_org", "num_resources", "num_tags"}


def is_empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def packages_of(data: Any) -> tuple[list[Any], list[str]]:
    """The packages of a CKAN response, and warnings about the response as a whole."""
    if not isinstance(data, dict) or "success" not in data:
        raise FileProblem(NOT_CKAN)
    if data["success"] is not True:
        error = data.get("error")
        detail = error.get("message") or error.get("__type") if isinstance(error, dict) else error
        raise FileProblem(
            "The CKAN API answered with an error, not with datasets" + (f": {detail}." if detail else ".")
        )
    result = data.get("result")
    if isinstance(result, dict) and isinstance(result.get("results"), list):
        packages, warnings = result["results"], []
        count = result.get("count")
        if isinstance(count, int) and count > len(packages):
            warnings.append(
                f"The response holds {len(packages)} of the {count} datasets the search found; CKAN "
                "answers a page at a time (rows and start). Harvest the other pages too."
            )
    elif isinstance(result, dict) and any(key in result for key in ("id", "name", "title")):
        packages, warnings = [result], []
    elif isinstance(result, list) and all(isinstance(item, str) for item in result):
        raise FileProblem(
            "This CKAN response lists only the datasets’ names (package_list). Use package_search "
            "or package_show, whose answers describe each dataset."
        )
    else:
        raise FileProblem(NOT_CKAN)
    if not packages:
        raise FileProblem(EMPTY)
    return packages, warnings


def read(data: Any) -> tuple[list[Record], list[str]]:
    packages, warnings = packages_of(data)
    return [package_record(number, package) for number, package in enumerate(packages, start=1)], warnings


def package_record(number: int, package: Any) -> Record:
    if not isinstance(package, dict):
        record = Record(identifier=f"ckan:#{number}")
        record.problems.append("This is not a CKAN package (a JSON object).")
        return record
    used: set[str] = {"id", "name"} | RESTATED

    def take(key: str) -> str:
        value = package.get(key)
        if is_empty(value):
            return ""
        used.add(key)
        return str(value).strip()

    key = take("id") or take("name")
    record = Record(identifier=f"ckan:{key}" if key else f"ckan:#{number}")
    if not key:
        record.problems.append("It has neither an id nor a name, so a later harvest could not find it again.")
    record.title = take("title")
    if not record.title:
        record.problems.append("It has no title.")
    record.description = take("notes")
    record.landing_page = take("url")
    record.keywords = tags(package, used)
    # Groups are CKAN's themes (a tag that is one of our themes' names counts too: see the harvest).
    groups = [group for group in package.get("groups") or [] if isinstance(group, dict)]
    if groups:
        used.add("groups")
    record.themes = unique(
        [str(g.get("display_name") or g.get("title") or g.get("name") or "") for g in groups]
    )
    record.issued, record.modified = day_of(take("metadata_created")), day_of(take("metadata_modified"))
    language = package.get("language")
    if not is_empty(language):
        used.add("language")
        read_languages(record, json.dumps(language) if isinstance(language, list) else str(language).strip())
    read_resources(package, record, used)
    read_licence(package, record, used)
    organisation = package.get("organization")
    if isinstance(organisation, dict):
        used.add("organization")
        record.custodian = unique([str(organisation.get("title") or ""), str(organisation.get("name") or "")])
    record.contact_name = take("maintainer") or take("author")
    # data.gov.uk writes an INSPIRE record's contact at the top level, as contact-email.
    record.contact_email = take("maintainer_email") or take("author_email") or take("contact-email")
    if isinstance(package.get("private"), bool):
        used.add("private")
        record.public = not package["private"]
    read_extras(package, record, used)
    record.doi = record.doi or doi_in(take("doi"))
    record.unmapped = (
        sorted(name for name, value in package.items() if name not in used and not is_empty(value))
        + record.unmapped
    )
    return record


def tags(package: dict, used: set[str]) -> list[str]:
    found = []
    for tag in package.get("tags") or []:
        if isinstance(tag, dict):
            found.append(str(tag.get("display_name") or tag.get("name") or ""))
        elif isinstance(tag, str):
            found.append(tag)
    if found:
        used.add("tags")
    return unique(found)


def read_resources(package: dict, record: Record, used: set[str]) -> None:
    resources = [resource for resource in package.get("resources") or [] if isinstance(resource, dict)]
    if not resources:
        return
    used.add("resources")
    for resource in resources:
        url = str(resource.get("url") or "").strip()
        if url and url not in (address for _, _, address in record.distributions):
            title = str(resource.get("name") or resource.get("description") or "").strip()
            record.distributions.append((" ".join(title.split()), format_of(resource), url))
    urls = [address for _, _, address in record.distributions]
    if urls:
        record.access_url = urls[0]
    formats = unique(format_of(resource) for resource in resources)
    record.formats = list(dict.fromkeys(formats))
    unused = {
        name
        for resource in resources
        for name, value in resource.items()
        if name not in ("url", "format", "name", "description") and not is_empty(value)
    }
    record.unmapped.extend(f"resources[].{name}" for name in sorted(unused))


def format_of(resource: dict) -> str:
    value = str(resource.get("format") or "").strip().lstrip(".")
    return value.upper() if len(value) <= 5 else value


def read_languages(record: Record, text: str) -> None:
    """Languages as CKAN writes them ("en", "eng", "English", a list of those); those we cannot read noted."""
    for value in [part for part in plain_list(text) if part]:
        code = language_code(value)
        if code:
            record.languages = unique([*record.languages, code])
        else:
            record.notes.append(f"The language “{value}” is not an ISO 639 code or a name we know; left out.")


def read_licence(package: dict, record: Record, used: set[str]) -> None:
    title, licence_id = package.get("license_title"), package.get("license_id")
    record.licence = str(title or licence_id or package.get("license_url") or "").strip()
    if title:
        used.add("license_title")
    if licence_id:
        used.add("license_id")
    if package.get("license_url"):
        used.add("license_url")  # the same licence as its title says, or the only word of it
    if isinstance(package.get("isopen"), bool):
        used.add("isopen")
        record.open_licence = package["isopen"]
    elif licence_id:
        record.open_licence = str(licence_id).lower() in OPEN_LICENCE_IDS


def read_extras(package: dict, record: Record, used: set[str]) -> None:
    extras = package.get("extras")
    if is_empty(extras):
        return
    used.add("extras")
    if isinstance(extras, dict):  # some CKAN versions and mirrors give extras as an object
        pairs = [(str(name), value) for name, value in extras.items()]
    else:
        pairs = [(str(item.get("key")), item.get("value")) for item in extras if isinstance(item, dict)]
    unused = []
    for name, value in pairs:
        text = plain("" if value is None else str(value).strip())
        if not text:
            continue
        lowered = name.lower()
        if lowered in START_EXTRAS and record.start_year is None:
            record.start_year = year_or_note(record, name, text)
        elif lowered in END_EXTRAS and record.end_year is None:
            record.end_year = year_or_note(record, name, text)
        elif lowered == "doi" and not record.doi:
            record.doi = doi_in(text)
            if not record.doi:
                record.notes.append(f"The extra “doi” ({text}) is not a DOI; left out.")
        elif lowered in ("spatial_uri", "geographic_coverage_uri") and ons_code(text):
            record.spatial_codes.append(ons_code(text))
        elif lowered in FREQUENCY_EXTRAS and not record.update_frequency:
            record.update_frequency = frequency_name(text)
        elif lowered in EMAIL_EXTRAS and not record.contact_email:
            record.contact_email = text.removeprefix("mailto:")
        elif lowered in NAME_EXTRAS and not record.contact_name:
            record.contact_name = text
        elif lowered in LICENCE_EXTRAS and not record.licence:
            record.licence = text
        elif lowered in LANGUAGE_EXTRAS:
            read_languages(record, str(value).strip())
        else:
            unused.append(f"extras.{name}")
    record.unmapped.extend(unused)


def plain_list(text: str) -> list[str]:
    """Every value of an extra written as a JSON list, or as words separated by commas."""
    if text.startswith("["):
        try:
            items = json.loads(text)
        except ValueError:
            items = None
        if isinstance(items, list):
            return [str(item).strip() for item in items if isinstance(item, str | int)]
    return [part.strip() for part in text.split(",")]


def plain(text: str) -> str:
    """An extra's value as text: data.gov.uk writes some as JSON lists ('["…", "…"]', or of objects with
    a "name"); the shortest of their texts, the one most likely to fit our field."""
    if not text.startswith("["):
        return text
    try:
        items = json.loads(text)
    except ValueError:
        return text
    if not isinstance(items, list):
        return text
    texts = [
        str(item.get("name") if isinstance(item, dict) else item).strip()
        for item in items
        if isinstance(item, str) or (isinstance(item, dict) and item.get("name"))
    ]
    texts = [found for found in texts if found]
    return min(texts, key=len) if texts else ""


def year_or_note(record: Record, name: str, text: str) -> int | None:
    year = year_of(text)
    if year is None:
        record.notes.append(f"The extra “{name}” ({text}) holds no year; left out.")
    return year
