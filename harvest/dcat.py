"""Reading a DCAT catalogue (Turtle, JSON-LD or RDF/XML) into records, without fetching anything.

rdflib would fetch a JSON-LD context named by its web address; a harvest must not make the
server open addresses a document names, so such a document is refused before rdflib sees it,
and rdflib is given the already-decoded JSON rather than text it could resolve.
"""

from typing import Any

from rdflib import DCAT, DCTERMS, FOAF, RDF, RDFS, SKOS, BNode, Graph, Literal, Namespace, URIRef
from rdflib.parser import PythonInputSource
from rdflib.term import Node

from datasets.languages import language_code
from transfer.reading import FileProblem

from .ckan import EMPTY
from .records import Record, day_of, doi_in, frequency_name, ons_code, unique, year_of
from .safe_json import TOO_DEEP, load_json

ADMS = Namespace("http://www.w3.org/ns/adms#")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
SCHEMA = Namespace("http://schema.org/")
EU_ACCESS_RIGHT = "http://publications.europa.eu/resource/authority/access-right/"
ACCESS_LEVELS = {"PUBLIC": "open", "RESTRICTED": "safeguarded", "NON_PUBLIC": "controlled"}
# Licence addresses we can name in words; any other stays as its address.
LICENCE_NAMES = {
    "nationalarchives.gov.uk/doc/open-government-licence/version/3": "Open Government Licence v3.0",
    "creativecommons.org/licenses/by/4.0": "Creative Commons Attribution 4.0",
    "creativecommons.org/publicdomain/zero/1.0": "CC0 1.0",
}
DATASET_PREDICATES = {
    RDF.type,
    DCTERMS.title,
    DCTERMS.description,
    DCAT.keyword,
    DCAT.landingPage,
    DCAT.distribution,
    DCTERMS.license,
    DCTERMS.accessRights,
    DCTERMS.publisher,
    DCTERMS.temporal,
    DCTERMS.spatial,
    ADMS.identifier,
    DCTERMS.identifier,
    DCAT.contactPoint,
    DCTERMS.accrualPeriodicity,
    DCAT.theme,
    DCTERMS.language,
    DCTERMS.issued,
    DCTERMS.modified,
}
DISTRIBUTION_PREDICATES = {
    RDF.type,
    DCTERMS.title,
    DCAT.accessURL,
    DCAT.downloadURL,
    DCTERMS.format,
    DCAT.mediaType,
    DCTERMS.license,
}
NAME_PREDICATES = (FOAF.name, VCARD.fn, SKOS.prefLabel, RDFS.label, DCTERMS.title)


RDF_NAMESPACE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"


def is_rdf_xml(text: str) -> bool:
    """Whether an XML document is RDF/XML (it names the RDF namespace near its start)."""
    return text.lstrip().startswith("<") and RDF_NAMESPACE in text[:4000]


def read(text: str, json_ld: bool) -> list[Record]:
    try:
        graph = parse(text, json_ld)
    except RecursionError:
        raise FileProblem(TOO_DEEP) from None
    datasets = set(graph.subjects(RDF.type, DCAT.Dataset)) | set(graph.objects(None, DCAT.dataset))
    if not datasets:
        raise FileProblem(
            EMPTY + " A DCAT catalogue lists them with dcat:dataset, or describes dcat:Dataset nodes."
        )
    records = [dataset_record(graph, node) for node in datasets]
    return sorted(records, key=lambda record: (record.title.lower(), record.identifier))


def parse(text: str, json_ld: bool) -> Graph:
    graph = Graph()
    graph.bind("adms", ADMS)
    graph.bind("vcard", VCARD)
    if json_ld:
        data = load_json(text)
        refuse_remote_contexts(data)
        try:
            graph.parse(source=PythonInputSource(data), format="json-ld")
        except Exception as error:  # rdflib raises many kinds of error for a malformed document
            raise FileProblem(f"This JSON-LD could not be read ({error}).") from None
        return graph
    syntax = "RDF/XML" if is_rdf_xml(text) else "Turtle"
    try:
        graph.parse(data=text, format="xml" if syntax == "RDF/XML" else "turtle")
    except Exception as error:
        raise FileProblem(f"This is not valid {syntax} ({cause_of(error)}).") from None
    return graph


def cause_of(error: Exception) -> str:
    """What a parser said, in full: rdflib puts the cause ("Prefix … not bound") after the first line."""
    lines = [line.strip() for line in str(error).strip().splitlines() if line.strip()]
    return " ".join(lines)[:500] if lines else type(error).__name__


def refuse_remote_contexts(data: Any) -> None:
    """Refuses JSON-LD whose context (anywhere in it) is a web address or imports one."""
    if isinstance(data, list):
        for item in data:
            refuse_remote_contexts(item)
        return
    if not isinstance(data, dict):
        return
    for key, value in data.items():
        if key == "@context":
            contexts = value if isinstance(value, list) else [value]
            for context in contexts:
                remote = context if isinstance(context, str) else None
                if isinstance(context, dict) and isinstance(context.get("@import"), str):
                    remote = context["@import"]
                if remote is not None:
                    raise FileProblem(
                        f"This JSON-LD refers to a context on the web ({remote}). The portal does not "
                        "fetch documents from other sites: put the context itself in the document "
                        "(an inline “@context”), or give the catalogue as Turtle."
                    )
        refuse_remote_contexts(value)


def dataset_record(graph: Graph, node: Node) -> Record:
    identifier = text_of(graph, node, DCTERMS.identifier)
    if isinstance(node, URIRef):
        record = Record(identifier=f"dcat:{node}")
    elif identifier:
        record = Record(identifier=f"dcat:{identifier}")
    else:
        record = Record(identifier=f"dcat:_:{node}")
        record.problems.append(
            "It has neither a web address (IRI) nor a dct:identifier, so a later harvest could not find it again."
        )
    record.title = text_of(graph, node, DCTERMS.title)
    if not record.title:
        record.problems.append("It has no dct:title.")
    record.description = text_of(graph, node, DCTERMS.description)
    record.keywords = unique(str(keyword) for keyword in graph.objects(node, DCAT.keyword))
    record.landing_page = address_of(graph.value(node, DCAT.landingPage))
    distributions = sorted(graph.objects(node, DCAT.distribution), key=str)
    read_distributions(graph, distributions, record)
    licences = [graph.value(node, DCTERMS.license)] + [graph.value(d, DCTERMS.license) for d in distributions]
    licence = next((value for value in licences if value is not None), None)
    record.licence = licence_name(graph, licence) if licence is not None else ""
    rights = graph.value(node, DCTERMS.accessRights)
    if isinstance(rights, URIRef) and str(rights).startswith(EU_ACCESS_RIGHT):
        record.access_level = ACCESS_LEVELS.get(str(rights).removeprefix(EU_ACCESS_RIGHT), "")
    elif rights is not None:
        record.notes.append(
            f"The access rights ({name_of(graph, rights)}) are not an EU access-right term; not mapped."
        )
    record.custodian = unique(
        name_of(graph, publisher) for publisher in graph.objects(node, DCTERMS.publisher)
    )
    read_temporal(graph, node, record)
    read_spatial(graph, node, record)
    record.doi = find_doi(graph, node, identifier)
    record.addresses = [
        str(value) for value in graph.objects(node, DCTERMS.identifier) if "://" in str(value)
    ]
    frequency = graph.value(node, DCTERMS.accrualPeriodicity)
    if frequency is not None:
        record.update_frequency = frequency_of(graph, frequency)
        if not record.update_frequency:
            record.notes.append(f"Its update frequency ({frequency}) is not one we can name; left out.")
    contact = graph.value(node, DCAT.contactPoint)
    if contact is not None:
        record.contact_name = text_of(graph, contact, VCARD.fn) or text_of(
            graph, contact, VCARD["organization-name"]
        )
        email = graph.value(contact, VCARD.hasEmail)
        record.contact_email = str(email).removeprefix("mailto:").strip() if email is not None else ""
    read_themes_and_languages(graph, node, record)
    record.issued = day_of(str(graph.value(node, DCTERMS.issued) or ""))
    record.modified = day_of(str(graph.value(node, DCTERMS.modified) or ""))
    record.unmapped = unmapped(graph, node, DATASET_PREDICATES, "")
    for distribution in distributions:
        record.unmapped.extend(unmapped(graph, distribution, DISTRIBUTION_PREDICATES, "dcat:distribution/"))
    record.unmapped = unique(record.unmapped)
    return record


def text_of(graph: Graph, node: Node, predicate: URIRef) -> str:
    """The literal for `predicate`: in English when there is a choice, else one without a language."""
    literals = [value for value in graph.objects(node, predicate) if isinstance(value, Literal)]
    if not literals:
        return ""
    for wanted in ("en", "en-gb", None):
        for literal in literals:
            if (literal.language or None) == wanted or (
                wanted == "en" and (literal.language or "").startswith("en")
            ):
                return str(literal).strip()
    return str(sorted(literals)[0]).strip()


def name_of(graph: Graph, node: Node) -> str:
    """What an organisation, licence or term is called: its name, label or title; else its address."""
    if isinstance(node, Literal):
        return str(node).strip()
    for predicate in NAME_PREDICATES:
        name = text_of(graph, node, predicate)
        if name:
            return name
    return str(node) if isinstance(node, URIRef) else ""


def address_of(node: Node | None) -> str:
    return str(node).strip() if isinstance(node, URIRef | Literal) else ""


def licence_name(graph: Graph, node: Node) -> str:
    address = str(node).strip().rstrip("/")
    for fragment, name in LICENCE_NAMES.items():
        if isinstance(node, URIRef) and address.endswith(fragment):
            return name
    return name_of(graph, node)


EU_FREQUENCY = "http://publications.europa.eu/resource/authority/frequency/"
TIME = Namespace("http://www.w3.org/2006/time#")
TIME_UNITS = {TIME.years: "Y", TIME.months: "M", TIME.weeks: "W", TIME.days: "D"}


def frequency_of(graph: Graph, node: Node) -> str:
    """dct:accrualPeriodicity in words: an EU frequency term, a label, an ISO 8601 period, or a
    dct:Frequency whose rdf:value is a time:DurationDescription (as datos.gob.es writes it); else ""."""
    if isinstance(node, Literal) or (isinstance(node, URIRef) and str(node).startswith(EU_FREQUENCY)):
        return frequency_name(str(node))
    label = next((text_of(graph, node, p) for p in NAME_PREDICATES if text_of(graph, node, p)), "")
    if label:
        return frequency_name(label)
    duration = graph.value(node, RDF.value)
    for predicate, unit in TIME_UNITS.items():
        amount = graph.value(duration, predicate) if duration is not None else None
        try:
            count = int(float(amount)) if amount is not None else 0
        except ValueError:
            count = 0
        if count > 0:
            return frequency_name(f"P{count}{unit}")
    return ""


def read_themes_and_languages(graph: Graph, node: Node, record: Record) -> None:
    """dcat:theme as each concept's label and address (either may match one of our themes), and
    dct:language as ISO 639-3 codes (from an EU authority address, a code or a label)."""
    for theme in sorted(graph.objects(node, DCAT.theme), key=str):
        names = [name_of(graph, theme)] + ([str(theme)] if isinstance(theme, URIRef) else [])
        record.themes.append(" | ".join(unique(names)))
    for language in sorted(graph.objects(node, DCTERMS.language), key=str):
        code = language_code(str(language)) or language_code(name_of(graph, language))
        if code:
            record.languages = unique([*record.languages, code])
        else:
            record.notes.append(
                f"The language “{name_of(graph, language)}” is not one we can name; left out."
            )


def read_distributions(graph: Graph, distributions: list[Node], record: Record) -> None:
    urls, formats = [], []
    for distribution in distributions:
        addresses = [address_of(graph.value(distribution, p)) for p in (DCAT.downloadURL, DCAT.accessURL)]
        urls.extend(addresses[::-1])
        shown = [format_name(graph, value) for value in graph.objects(distribution, DCTERMS.format)]
        if not shown:
            shown = [
                str(value).split("media-types/")[-1] if isinstance(value, URIRef) else str(value)
                for value in graph.objects(distribution, DCAT.mediaType)
            ]
        formats.extend(shown)
        address = next((found for found in addresses if found), "")
        if address:
            title = text_of(graph, distribution, DCTERMS.title)
            record.distributions.append((" ".join(title.split()), ", ".join(sorted(shown)), address))
    urls = unique(urls)
    if urls:
        record.access_url = urls[0]
    record.formats = unique(formats)


def format_name(graph: Graph, value: Node) -> str:
    """CSV from the EU file-type term …/file-type/CSV, a label, or the literal itself."""
    if isinstance(value, URIRef):
        return (
            name_of(graph, value)
            if name_of(graph, value) != str(value)
            else str(value).rstrip("/").rsplit("/", 1)[-1]
        )
    return name_of(graph, value)


def read_temporal(graph: Graph, node: Node, record: Record) -> None:
    starts, ends = [], []
    for period in graph.objects(node, DCTERMS.temporal):
        for predicate, found in (
            (DCAT.startDate, starts),
            (SCHEMA.startDate, starts),
            (DCAT.endDate, ends),
            (SCHEMA.endDate, ends),
        ):
            for value in graph.objects(period, predicate):
                year = year_of(str(value))
                if year is None:
                    record.notes.append(f"The date “{value}” holds no year; left out.")
                else:
                    found.append(year)
    record.start_year = min(starts) if starts else None
    record.end_year = max(ends) if ends else None


def read_spatial(graph: Graph, node: Node, record: Record) -> None:
    for place in graph.objects(node, DCTERMS.spatial):
        code = ons_code(str(place)) if not isinstance(place, BNode) else ""
        if code:
            record.spatial_codes.append(code)
        else:
            record.notes.append(
                f"The spatial coverage “{name_of(graph, place) or place}” is not an ONS code; not mapped."
            )


def find_doi(graph: Graph, node: Node, identifier: str) -> str:
    candidates = [identifier] + [str(value) for value in graph.objects(node, DCTERMS.identifier)]
    for adms in graph.objects(node, ADMS.identifier):
        candidates.extend(str(value) for value in graph.objects(adms, SKOS.notation))
        candidates.append(str(adms) if isinstance(adms, URIRef) else "")
    return next((doi_in(candidate) for candidate in candidates if doi_in(candidate)), "")


def unmapped(graph: Graph, node: Node, used: set[URIRef], prefix: str) -> list[str]:
    return sorted(
        {
            prefix + graph.namespace_manager.normalizeUri(predicate)
            for predicate in graph.predicates(node)
            if predicate not in used
        }
    )
