"""The published datasets described in DCAT-AP 3, as an rdflib graph.

Resources are named by the portal page that describes them plus a fragment
(`…/datasets/bib/#dataset`), so a dataset and its web page stay two things.
Only published datasets, themes and custodians appear.
"""

from collections.abc import Callable, Iterable

from django.db.models import Prefetch, QuerySet
from django.urls import reverse
from django.utils.encoding import iri_to_uri
from rdflib import DCAT, DCTERMS, FOAF, RDF, RDFS, SKOS, XSD, Graph, Literal, Namespace, URIRef

from areas.models import Area
from datasets.models import Dataset
from organisations.models import Organisation
from themes.models import Theme

from . import vocabularies
from .vocabularies import Term

ADMS = Namespace("http://www.w3.org/ns/adms#")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")

PREFIXES = {
    "dcat": DCAT,
    "dct": DCTERMS,
    "foaf": FOAF,
    "vcard": VCARD,
    "skos": SKOS,
    "adms": ADMS,
    "rdfs": RDFS,
    "xsd": XSD,
}

CATALOGUE_TITLE = "N8 Children & Young People data portal"
CATALOGUE_DESCRIPTION = (
    "Data assets about children and young people in the North of England: what they cover, "
    "for which ages and areas, and how to get access. Compiled by the N8 Research Partnership "
    "and Child of the North."
)
PUBLISHER_NAME = "N8 Research Partnership"
PUBLISHER_HOMEPAGE = "https://www.n8research.org.uk/"

# Turns a site path into an absolute address, e.g. request.build_absolute_uri.
Absolute = Callable[[str], str]


def published_datasets() -> QuerySet:
    """Published datasets with what their description needs: three queries however many there are."""
    return (
        Dataset.objects.published()
        .select_related("custodian")
        .prefetch_related(
            Prefetch("themes", queryset=Theme.objects.published().only("name", "slug")),
            Prefetch("areas", queryset=Area.objects.only("code", "name")),
        )
    )


def en(text: str) -> Literal:
    return Literal(text, lang="en")


def stored_iri(text: str) -> URIRef:
    """An address typed into an entry, as an IRI that Turtle can write.

    Web addresses may hold characters IRIs may not (a quote, a space, angle brackets, from an import
    or the admin); rdflib refuses to write those, so they are percent-encoded as a browser would.
    """
    return URIRef(iri_to_uri(text))


class DcatWriter:
    """Adds catalogue, dataset and related resources to one graph."""

    def __init__(self, absolute: Absolute):
        self.absolute = absolute
        self.graph = Graph()
        for prefix, namespace in PREFIXES.items():
            self.graph.bind(prefix, namespace)

    def iri(self, path: str, fragment: str) -> URIRef:
        return URIRef(f"{self.absolute(path)}#{fragment}")

    def add(self, subject, predicate, value) -> None:
        self.graph.add((subject, predicate, value))

    def add_term(self, term: Term, kind: URIRef) -> URIRef:
        """An outside vocabulary's term, typed and labelled so the shapes can check its range."""
        node = URIRef(term.iri)
        self.add(node, RDF.type, kind)
        self.add(node, SKOS.prefLabel, en(term.label))
        return node

    # The catalogue

    def add_catalogue(self, datasets: list[Dataset]) -> URIRef:
        catalogue = self.iri(reverse("catalogue:dcat"), "catalogue")
        self.add(catalogue, RDF.type, DCAT.Catalog)
        self.add(catalogue, DCTERMS.title, en(CATALOGUE_TITLE))
        self.add(catalogue, DCTERMS.description, en(CATALOGUE_DESCRIPTION))
        self.add(catalogue, DCTERMS.publisher, self.add_portal_publisher())
        homepage = URIRef(self.absolute(reverse("datasets:list")))
        self.add(homepage, RDF.type, FOAF.Document)
        self.add(catalogue, FOAF.homepage, homepage)
        self.add(catalogue, DCTERMS.language, self.add_language())
        self.add(catalogue, DCAT.themeTaxonomy, self.add_theme_scheme())
        for region in Area.Region:
            self.add(
                catalogue, DCTERMS.spatial, self.add_place(vocabularies.Place(region.value, region.label))
            )
        if datasets:
            self.add_date(catalogue, DCTERMS.issued, min(dataset.created for dataset in datasets))
            self.add_date(catalogue, DCTERMS.modified, max(dataset.updated for dataset in datasets))
        for dataset in datasets:
            self.add(catalogue, DCAT.dataset, self.add_dataset(dataset))
        return catalogue

    def add_portal_publisher(self) -> URIRef:
        publisher = self.iri(reverse("about"), "publisher")
        self.add(publisher, RDF.type, FOAF.Agent)
        self.add(publisher, RDF.type, FOAF.Organization)
        self.add(publisher, FOAF.name, Literal(PUBLISHER_NAME))
        self.add(publisher, FOAF.homepage, URIRef(PUBLISHER_HOMEPAGE))
        self.add(publisher, DCTERMS.type, self.add_term(vocabularies.CATALOGUE_PUBLISHER_TYPE, SKOS.Concept))
        return publisher

    def add_language(self) -> URIRef:
        language = URIRef(vocabularies.ENGLISH.iri)
        self.add(language, RDF.type, DCTERMS.LinguisticSystem)
        return language

    def add_theme_scheme(self) -> URIRef:
        scheme = self.iri(reverse("themes:list"), "themes")
        self.add(scheme, RDF.type, SKOS.ConceptScheme)
        self.add(scheme, DCTERMS.title, en("Themes of the N8 Children & Young People data portal"))
        return scheme

    # A dataset

    def add_dataset(self, dataset: Dataset) -> URIRef:
        page = self.absolute(dataset.get_absolute_url())
        node = URIRef(f"{page}#dataset")
        self.add(node, RDF.type, DCAT.Dataset)
        self.add(node, DCTERMS.title, en(dataset.title))
        self.add(node, DCTERMS.description, en(full_description(dataset)))
        self.add(node, DCTERMS.identifier, Literal(page))
        self.add_date(node, DCTERMS.issued, dataset.created)
        self.add_date(node, DCTERMS.modified, dataset.updated)
        landing_page = stored_iri(dataset.landing_page or page)
        self.add(landing_page, RDF.type, FOAF.Document)
        self.add(node, DCAT.landingPage, landing_page)
        for keyword in dataset.keyword_list:
            self.add(node, DCAT.keyword, en(keyword))
        for theme in dataset.themes.all():
            self.add(node, DCAT.theme, self.add_theme(theme))
        for place in vocabularies.places_of(dataset):
            self.add(node, DCTERMS.spatial, self.add_place(place))
        self.add_access_rights(node, dataset)
        self.add_doi(node, dataset)
        self.add_publisher(node, dataset.custodian)
        self.add_contact_point(node, dataset)
        self.add_temporal(node, dataset)
        self.add_frequency(node, dataset)
        self.add_distribution(node, dataset)
        return node

    def add_date(self, subject: URIRef, predicate: URIRef, moment) -> None:
        self.add(subject, predicate, Literal(moment.isoformat(), datatype=XSD.dateTime))

    def add_theme(self, theme: Theme) -> URIRef:
        concept = self.iri(theme.get_absolute_url(), "theme")
        self.add(concept, RDF.type, SKOS.Concept)
        self.add(concept, SKOS.prefLabel, en(theme.name))
        self.add(concept, SKOS.inScheme, self.add_theme_scheme())
        return concept

    def add_place(self, place: vocabularies.Place) -> URIRef:
        location = URIRef(place.iri)
        self.add(location, RDF.type, DCTERMS.Location)
        self.add(location, SKOS.prefLabel, en(place.name))
        self.add(location, DCTERMS.identifier, Literal(place.code))
        return location

    def add_access_rights(self, node: URIRef, dataset: Dataset) -> None:
        term = vocabularies.ACCESS_RIGHTS.get(dataset.access_level)
        if term:
            self.add(node, DCTERMS.accessRights, self.add_term(term, DCTERMS.RightsStatement))

    def add_doi(self, node: URIRef, dataset: Dataset) -> None:
        if not dataset.doi:
            return
        identifier = URIRef(f"{self.absolute(dataset.get_absolute_url())}#doi")
        self.add(identifier, RDF.type, ADMS.Identifier)
        self.add(identifier, SKOS.notation, Literal(dataset.doi))
        self.add(identifier, DCTERMS.identifier, Literal(dataset.doi_url))
        self.add(node, ADMS.identifier, identifier)

    def add_publisher(self, node: URIRef, custodian: Organisation | None) -> None:
        if custodian is None or not custodian.is_published:
            return
        page = self.absolute(custodian.get_absolute_url())
        agent = stored_iri(custodian.ror_url or f"{page}#organisation")
        self.add(agent, RDF.type, FOAF.Agent)
        self.add(agent, RDF.type, FOAF.Organization)
        self.add(agent, FOAF.name, Literal(custodian.name))
        self.add(agent, FOAF.page, URIRef(page))
        if custodian.website:
            self.add(agent, FOAF.homepage, stored_iri(custodian.website))
        kind = vocabularies.PUBLISHER_TYPES.get(custodian.kind)
        if kind:
            self.add(agent, DCTERMS.type, self.add_term(kind, SKOS.Concept))
        self.add(node, DCTERMS.publisher, agent)

    def add_contact_point(self, node: URIRef, dataset: Dataset) -> None:
        if not (dataset.contact_name or dataset.contact_email):
            return
        contact = URIRef(f"{self.absolute(dataset.get_absolute_url())}#contact-point")
        self.add(contact, RDF.type, VCARD.Kind)
        name = dataset.contact_name or (dataset.custodian.name if dataset.custodian else dataset.title)
        self.add(contact, VCARD.fn, Literal(name))
        if dataset.contact_email:
            self.add(contact, VCARD.hasEmail, stored_iri(f"mailto:{dataset.contact_email}"))
        self.add(node, DCAT.contactPoint, contact)

    def add_temporal(self, node: URIRef, dataset: Dataset) -> None:
        if not dataset.start_year:
            return
        period = URIRef(f"{self.absolute(dataset.get_absolute_url())}#period")
        self.add(period, RDF.type, DCTERMS.PeriodOfTime)
        # Years are all we record, and xsd:gYear says exactly that (the shapes accept it).
        self.add(period, DCAT.startDate, Literal(str(dataset.start_year), datatype=XSD.gYear))
        if dataset.end_year:
            self.add(period, DCAT.endDate, Literal(str(dataset.end_year), datatype=XSD.gYear))
        elif not dataset.is_ongoing:
            # One year, not ongoing: the period ends the year it starts.
            self.add(period, DCAT.endDate, Literal(str(dataset.start_year), datatype=XSD.gYear))
        self.add(node, DCTERMS.temporal, period)

    def add_frequency(self, node: URIRef, dataset: Dataset) -> None:
        iri = vocabularies.frequency_iri(dataset.update_frequency)
        if iri:
            self.add(URIRef(iri), RDF.type, DCTERMS.Frequency)
            self.add(node, DCTERMS.accrualPeriodicity, URIRef(iri))

    def add_distribution(self, node: URIRef, dataset: Dataset) -> None:
        """How to get the data: its access application page, or else its own landing page."""
        access_url = dataset.access_url or dataset.landing_page
        if not access_url:
            return
        page = self.absolute(dataset.get_absolute_url())
        distribution = URIRef(f"{page}#distribution")
        self.add(distribution, RDF.type, DCAT.Distribution)
        self.add(distribution, DCAT.accessURL, stored_iri(access_url))
        self.add(distribution, DCTERMS.title, en(f"Access to {dataset.title}"))
        self.add(distribution, DCTERMS.description, en(distribution_description(dataset)))
        if dataset.formats:
            self.add(distribution, DCTERMS.format, self.add_format(page, dataset.formats))
        if dataset.licence:
            self.add(distribution, DCTERMS.license, self.add_licence(page, dataset.licence))
        self.add(node, DCAT.distribution, distribution)

    def add_format(self, page: str, formats: str) -> URIRef:
        # DCAT-AP allows one format per distribution; a list like "CSV, Stata" stays as words.
        node = URIRef(vocabularies.file_type_iri(formats) or f"{page}#format")
        self.add(node, RDF.type, DCTERMS.MediaTypeOrExtent)
        self.add(node, RDFS.label, Literal(formats))
        return node

    def add_licence(self, page: str, text: str) -> URIRef:
        known = vocabularies.known_licence(text)
        node = URIRef(vocabularies.licence_url(text) or f"{page}#licence")
        self.add(node, RDF.type, DCTERMS.LicenseDocument)
        self.add(node, RDFS.label, Literal(text))
        if known:
            self.add(node, DCTERMS.type, self.add_term(known.kind, SKOS.Concept))
        return node


def full_description(dataset: Dataset) -> str:
    return f"{dataset.summary}\n\n{dataset.description}".strip() if dataset.description else dataset.summary


def distribution_description(dataset: Dataset) -> str:
    if dataset.access_instructions:
        return dataset.access_instructions
    level = dataset.get_access_level_display().lower()
    if dataset.access_url:
        return f"Where to apply for access to this data ({level} access)."
    return f"The data's own web page, which says how to get it ({level} access)."


def catalogue_graph(datasets: Iterable[Dataset], absolute: Absolute) -> Graph:
    writer = DcatWriter(absolute)
    writer.add_catalogue(list(datasets))
    return writer.graph


def dataset_graph(dataset: Dataset, absolute: Absolute) -> Graph:
    writer = DcatWriter(absolute)
    writer.add_dataset(dataset)
    return writer.graph


def serialise(graph: Graph, rdf_format: str) -> str:
    """Turtle, or JSON-LD with its context inline so that it parses without fetching anything."""
    if rdf_format == "json-ld":
        context = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
        return graph.serialize(format="json-ld", context=context, indent=2)
    return graph.serialize(format="turtle")
