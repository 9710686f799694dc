"""How the portal's own values map onto shared vocabularies, for DCAT-AP and schema.org alike.

Each mapping covers only what we can say with confidence; anything else stays as our own
words (a label) rather than being forced into a term that would misdescribe it.
"""

from dataclasses import dataclass

from datasets.models import Dataset
from organisations.models import Organisation

ONS_GEOGRAPHY = "http://statistics.data.gov.uk/id/statistical-geography/"
EU_AUTHORITY = "http://publications.europa.eu/resource/authority/"
ADMS_PUBLISHER_TYPE = "http://purl.org/adms/publishertype/"
ADMS_LICENCE_TYPE = "http://purl.org/adms/licencetype/"


@dataclass(frozen=True)
class Term:
    iri: str
    label: str


@dataclass(frozen=True)
class Place:
    code: str
    name: str

    @property
    def iri(self) -> str:
        return ONS_GEOGRAPHY + self.code


@dataclass(frozen=True)
class Licence:
    url: str
    kind: Term


# England-wide and UK-wide datasets are placed by the ONS country codes.
NATIONAL_PLACES = {
    Dataset.CoverageScope.ENGLAND: Place("E92000001", "England"),
    Dataset.CoverageScope.UK: Place("K02000001", "United Kingdom"),
}

# Open needs nothing; safeguarded needs registration and an agreement (available under
# conditions); controlled data never leaves a trusted research environment, so it is not
# publicly accessible even though accredited researchers may apply.
ACCESS_RIGHTS = {
    Dataset.AccessLevel.OPEN: Term(EU_AUTHORITY + "access-right/PUBLIC", "public"),
    Dataset.AccessLevel.SAFEGUARDED: Term(EU_AUTHORITY + "access-right/RESTRICTED", "restricted"),
    Dataset.AccessLevel.CONTROLLED: Term(EU_AUTHORITY + "access-right/NON_PUBLIC", "non-public"),
}

_ACADEMIA = Term(ADMS_PUBLISHER_TYPE + "Academia-ScientificOrganisation", "Academia/Scientific organisation")
# NHS trusts and "other" are left untyped: no ADMS publisher type fits them.
PUBLISHER_TYPES = {
    Organisation.Kind.UNIVERSITY: _ACADEMIA,
    Organisation.Kind.RESEARCH_INSTITUTE: _ACADEMIA,
    Organisation.Kind.LOCAL_AUTHORITY: Term(ADMS_PUBLISHER_TYPE + "LocalAuthority", "Local Authority"),
    Organisation.Kind.PUBLIC_BODY: Term(ADMS_PUBLISHER_TYPE + "NationalAuthority", "National authority"),
    Organisation.Kind.CHARITY: Term(ADMS_PUBLISHER_TYPE + "NonProfitOrganisation", "Non-Profit Organisation"),
    Organisation.Kind.COMPANY: Term(ADMS_PUBLISHER_TYPE + "Company", "Company"),
}
CATALOGUE_PUBLISHER_TYPE = _ACADEMIA

_ATTRIBUTION = Term(ADMS_LICENCE_TYPE + "Attribution", "Attribution")
_PUBLIC_DOMAIN = Term(ADMS_LICENCE_TYPE + "PublicDomain", "Public domain")
OGL_3 = Licence("http://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/", _ATTRIBUTION)
CC_BY_4 = Licence("https://creativecommons.org/licenses/by/4.0/", _ATTRIBUTION)
CC0 = Licence("https://creativecommons.org/publicdomain/zero/1.0/", _PUBLIC_DOMAIN)
# Licences are typed as free text; these are the ones we recognise, by a lowercase fragment.
# The OGL is taken to be version 3, the one in use since 2014.
KNOWN_LICENCES = [
    ("open government licence", OGL_3),
    ("cc0", CC0),
    ("cc by 4.0", CC_BY_4),
    ("cc-by 4.0", CC_BY_4),
    ("creative commons attribution 4.0", CC_BY_4),
]

FREQUENCIES = {
    "daily": "DAILY",
    "weekly": "WEEKLY",
    "monthly": "MONTHLY",
    "quarterly": "QUARTERLY",
    "annually": "ANNUAL",
    "annual": "ANNUAL",
    "yearly": "ANNUAL",
}

FILE_TYPES = {"csv": "CSV", "json": "JSON", "xlsx": "XLSX", "xml": "XML", "pdf": "PDF", "zip": "ZIP"}
# IANA media types of the same formats, for dcat:mediaType.
MEDIA_TYPES = {
    "csv": "text/csv",
    "json": "application/json",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "xml": "application/xml",
    "pdf": "application/pdf",
    "zip": "application/zip",
}
IANA_MEDIA_TYPES = "https://www.iana.org/assignments/media-types/"

ENGLISH = Term(EU_AUTHORITY + "language/ENG", "English")


def known_licence(text: str) -> Licence | None:
    lowered = text.strip().lower()
    for fragment, licence in KNOWN_LICENCES:
        if fragment in lowered:
            return licence
    return None


def licence_url(text: str) -> str:
    """The licence's web address: a recognised licence's, or the text itself when it is one."""
    licence = known_licence(text)
    if licence:
        return licence.url
    return text.strip() if text.strip().startswith(("http://", "https://")) else ""


def frequency_iri(text: str) -> str:
    code = FREQUENCIES.get(text.strip().lower())
    return f"{EU_AUTHORITY}frequency/{code}" if code else ""


def file_type_iri(formats: str) -> str:
    """The EU file-type term when `formats` names exactly one format we recognise."""
    code = FILE_TYPES.get(formats.strip().lower())
    return f"{EU_AUTHORITY}file-type/{code}" if code else ""


def media_type_iri(formats: str) -> str:
    """The IANA media type's address when `formats` names exactly one format we recognise."""
    media_type = MEDIA_TYPES.get(formats.strip().lower())
    return f"{IANA_MEDIA_TYPES}{media_type}" if media_type else ""


def places_of(dataset: Dataset) -> list[Place]:
    """The country for a national dataset, then each listed area (uses the prefetched areas)."""
    places = [NATIONAL_PLACES[dataset.coverage_scope]] if dataset.is_national else []
    return places + [Place(area.code, area.name) for area in dataset.areas.all()]
