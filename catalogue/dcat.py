"""The published datasets described in DCAT-AP 3, as an rdflib graph.

Resources are named by the portal page that describes them plus a fragment
(`…/datasets/bib/#dataset`), so a dataset and its web page stay two things.
Only published datasets, themes and custodians appear.

The catalogue comes a page at a time (`?page=N`, settings.DCAT_PAGE_SIZE datasets each, in the order
they were added), described with the Hydra paging terms DCAT-AP harvesters follow, as CKAN writes
them: one graph of the whole directory would not fit a worker's memory or time at national scale.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Max, Min, Prefetch, QuerySet
from django.urls import reverse
from django.utils.encoding import iri_to_uri
from rdflib import DCAT, DCTERMS, FOAF, RDF, RDFS, SKOS, XSD, Graph, Literal, Namespace, URIRef

from areas.models import Area
from datasets.languages import uri_of
from datasets.models import Dataset, Observation, Standard
from datasets.models.dataset import Distribution
from organisations.models import Organisation
from themes.models import Theme

from . import vocabularies
from .vocabularies import Term

ADMS = Namespace("http://www.w3.org/ns/adms#")
# The DataCite ontology's identifier schemes: skos:notation "10.…"^^datacite:doi says the scheme.
DATACITE = Namespace("http://purl.org/spar/datacite/")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
HYDRA = Namespace("http://www.w3.org/ns/hydra/core#")
# HealthDCAT-AP, the health extension of DCAT-AP: counts of records and individuals, typical ages.
HEALTHDCATAP = Namespace("http://healthdataportal.eu/ns/health#")

PREFIXES = {
    "dcat": DCAT,
    "dct": DCTERMS,
    "foaf": FOAF,
    "vcard": VCARD,
    "skos": SKOS,
    "adms": ADMS,
    "datacite": DATACITE,
    "rdfs": RDFS,
    "xsd": XSD,
    "hydra": HYDRA,
    "healthdcatap": HEALTHDCATAP,
}

HEALTH_COUNTS = {
    Observation.Measure.RECORDS: HEALTHDCATAP.numberOfRecords,
    Observation.Measure.INDIVIDUALS: HEALTHDCATAP.numberOfUniqueIndividuals,
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
    """Published datasets with what their description needs: four queries however many there are."""
    return (
        Dataset.objects.published()
        .select_related("custodian")
        .prefetch_related(
            Prefetch("themes", queryset=Theme.objects.published().only("name", "slug")),
            Prefetch("areas", queryset=Area.objects.only("code", "name")),
            "observations",
        )
    )


class InvalidPage(ValueError):
    """A `?page=` the catalogue does not have; the message says which pages it has."""


@dataclass(frozen=True)
class CataloguePage:
    """One page of the catalogue: its datasets, and what every page says about the whole."""

    number: int
    size: int
    total: int
    # The catalogue's dates: its oldest dataset's creation and its latest change, over every page.
    issued: datetime | None
    modified: datetime | None
    datasets: list[Dataset]

    @property
    def last(self) -> int:
        return page_count(self.total, self.size)


def page_count(total: int, size: int) -> int:
    """How many pages `total` datasets fill, `size` a page; an empty catalogue still has its first."""
    return max(1, -(-total // size))


def catalogue_page(requested: str | None, size: int) -> CataloguePage:
    """The page `requested` (the first when None) of published datasets in id order: five queries.

    One counts and dates the whole catalogue; one reads the page's rows, their ids taken from the
    primary key index by a subquery so that a deep page skips index entries, not joined rows; three
    prefetch the page's themes, areas and counts. Raises InvalidPage unless `requested` is 1 to the last page.
    """
    whole = Dataset.objects.published().aggregate(
        total=Count("pk"), issued=Min("created"), modified=Max("updated")
    )
    total = whole["total"]
    last = page_count(total, size)
    number = 1 if requested is None else page_number(requested)
    if number is None or number > last:
        raise InvalidPage(
            f"No such page: ?page= takes a whole number from 1 to {last} (the catalogue lists {total:,} "
            f"published datasets, {size} to a page).\n"
        )
    start = (number - 1) * size
    ids = Dataset.objects.published().order_by("pk").values("pk")[start : start + size]
    datasets = list(published_datasets().filter(pk__in=ids).order_by("pk"))
    return CataloguePage(number, size, total, whole["issued"], whole["modified"], datasets)


def page_number(text: str) -> int | None:
    """A page number as written in an address (ASCII digits, not too many), else None."""
    text = text.strip()
    if not (text.isascii() and text.isdigit()) or len(text) > 9 or int(text) < 1:
        return None
    return int(text)


def en(text: str) -> Literal:
    return Literal(text, lang="en")


def stored_iri(text: str) -> URIRef:
    """An address typed into an entry, as an IRI that Turtle can write.

    Web addresses may hold characters IRIs may not (a quote, a space, angle brackets, from an import
    or the admin); rdflib refuses to write those, so they are percent-encoded as a browser would.
    """
    return URIRef(iri_to_uri(text))


class DcatWriter:
    """Adds catalogue, dataset and related resources to one graph.

    Resources many datasets share (themes, places, publishers, vocabulary terms) are described once a
    graph: a page of a hundred datasets would otherwise add their triples, and look up their addresses,
    hundreds of times over.
    """

    def __init__(self, absolute: Absolute):
        self.absolute = absolute
        self.graph = Graph()
        for prefix, namespace in PREFIXES.items():
            self.graph.bind(prefix, namespace)
        self.described: set[object] = set()
        # Shared resources whose address costs a URL lookup, by (kind, primary key).
        self.nodes: dict[tuple[str, int], URIRef] = {}

    def iri(self, path: str, fragment: str) -> URIRef:
        return URIRef(f"{self.absolute(path)}#{fragment}")

    def add(self, subject, predicate, value) -> None:
        self.graph.add((subject, predicate, value))

    def first_time(self, resource: object) -> bool:
        """Whether `resource` is yet to be described in this graph (and from now on counted as described)."""
        if resource in self.described:
            return False
        self.described.add(resource)
        return True

    def add_term(self, term: Term, kind: URIRef) -> URIRef:
        """An outside vocabulary's term, typed and labelled so the shapes can check its range."""
        node = URIRef(term.iri)
        # By term and class: the same term may be typed as two classes, and both types are kept.
        if self.first_time((node, kind)):
            self.add(node, RDF.type, kind)
            self.add(node, SKOS.prefLabel, en(term.label))
        return node

    # The catalogue

    def add_catalogue(self, page: CataloguePage) -> URIRef:
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
        if page.issued:
            self.add_date(catalogue, DCTERMS.issued, page.issued)
        if page.modified:
            self.add_date(catalogue, DCTERMS.modified, page.modified)
        for dataset in page.datasets:
            self.add(catalogue, DCAT.dataset, self.add_dataset(dataset))
        return catalogue

    def add_paging(self, page: CataloguePage, path: str) -> URIRef:
        """Where this page sits among the others, in the Hydra terms CKAN's DCAT pages use.

        As CKAN writes them, the pages' addresses are plain strings (what harvesters such as
        ckanext-dcat read), and each address keeps the format of `path` (`/catalogue/dcat.ttl`).
        """

        def address(number: int) -> str:
            return self.absolute(f"{path}?page={number}")

        node = URIRef(address(page.number))
        self.add(node, RDF.type, HYDRA.PagedCollection)
        self.add(node, HYDRA.totalItems, Literal(page.total))
        self.add(node, HYDRA.itemsPerPage, Literal(page.size))
        self.add(node, HYDRA.firstPage, Literal(address(1)))
        self.add(node, HYDRA.lastPage, Literal(address(page.last)))
        if page.number > 1:
            self.add(node, HYDRA.previousPage, Literal(address(page.number - 1)))
        if page.number < page.last:
            self.add(node, HYDRA.nextPage, Literal(address(page.number + 1)))
        return node

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
        if self.first_time(language):
            self.add(language, RDF.type, DCTERMS.LinguisticSystem)
        return language

    def add_theme_scheme(self) -> URIRef:
        if ("scheme", 0) not in self.nodes:
            scheme = self.nodes["scheme", 0] = self.iri(reverse("themes:list"), "themes")
            self.add(scheme, RDF.type, SKOS.ConceptScheme)
            self.add(scheme, DCTERMS.title, en("Themes of the N8 Children & Young People data portal"))
        return self.nodes["scheme", 0]

    # A dataset

    def add_dataset(self, dataset: Dataset) -> URIRef:
        page = self.absolute(dataset.get_absolute_url())
        node = URIRef(f"{page}#dataset")
        self.add(node, RDF.type, DCAT.Dataset)
        self.add(node, DCTERMS.title, en(dataset.title))
        self.add(node, DCTERMS.description, en(full_description(dataset)))
        # The DOI where there is one: harvesters (ckanext-dcat) keep one dct:identifier, as a literal, and
        # the node's own address already names the page.
        self.add(node, DCTERMS.identifier, Literal(dataset.doi_url or page))
        # The source catalogue's dates where it was harvested from one, else ours.
        self.add_date(node, DCTERMS.issued, dataset.issued or dataset.created)
        self.add_date(node, DCTERMS.modified, dataset.modified or dataset.updated)
        for code in dataset.language_codes:
            language = URIRef(uri_of(code))
            self.add(language, RDF.type, DCTERMS.LinguisticSystem)
            self.add(node, DCTERMS.language, language)
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
        self.add_doi(node, dataset, page)
        self.add_publisher(node, dataset.custodian)
        self.add_contact_point(node, dataset, page)
        self.add_temporal(node, dataset, page)
        self.add_frequency(node, dataset)
        self.add_counts(node, dataset)
        for standard in map(Standard, dataset.conforms_to):
            if standard.address:  # a local format has no specification to point to
                self.add(node, DCTERMS.conformsTo, self.add_standard(standard))
        self.add_distribution(node, dataset, page)
        for number, distribution in enumerate(dataset.distribution_list, start=1):
            self.add_published_distribution(node, dataset, page, number, distribution)
        return node

    def add_standard(self, standard: Standard) -> URIRef:
        node = URIRef(standard.address)
        if self.first_time(node):
            self.add(node, RDF.type, DCTERMS.Standard)
            self.add(node, DCTERMS.title, en(standard.label))
        return node

    def add_date(self, subject: URIRef, predicate: URIRef, moment) -> None:
        self.add(subject, predicate, Literal(moment.isoformat(), datatype=XSD.dateTime))

    def add_theme(self, theme: Theme) -> URIRef:
        if ("theme", theme.pk) not in self.nodes:
            concept = self.nodes["theme", theme.pk] = self.iri(theme.get_absolute_url(), "theme")
            self.add(concept, RDF.type, SKOS.Concept)
            self.add(concept, SKOS.prefLabel, en(theme.name))
            self.add(concept, SKOS.inScheme, self.add_theme_scheme())
        return self.nodes["theme", theme.pk]

    def add_place(self, place: vocabularies.Place) -> URIRef:
        location = URIRef(place.iri)
        if self.first_time(location):
            self.add(location, RDF.type, DCTERMS.Location)
            self.add(location, SKOS.prefLabel, en(place.name))
            self.add(location, DCTERMS.identifier, Literal(place.code))
        return location

    def add_access_rights(self, node: URIRef, dataset: Dataset) -> None:
        term = vocabularies.ACCESS_RIGHTS.get(dataset.access_level)
        if term:
            self.add(node, DCTERMS.accessRights, self.add_term(term, DCTERMS.RightsStatement))

    def add_doi(self, node: URIRef, dataset: Dataset, page: str) -> None:
        if not dataset.doi:
            return
        # The identifier's address is the DOI itself: a harvester that keeps the address of each
        # adms:identifier (ckanext-dcat's alternate_identifier) keeps the DOI, not a node of ours.
        identifier = stored_iri(dataset.doi_url)
        self.add(identifier, RDF.type, ADMS.Identifier)
        self.add(identifier, SKOS.notation, Literal(dataset.doi, datatype=DATACITE.doi))
        self.add(identifier, DCTERMS.identifier, Literal(dataset.doi_url))
        self.add(identifier, ADMS.schemaAgency, en("DataCite"))
        self.add(node, ADMS.identifier, identifier)

    def add_publisher(self, node: URIRef, custodian: Organisation | None) -> None:
        if custodian is None or not custodian.is_published:
            return
        if ("publisher", custodian.pk) not in self.nodes:
            page = self.absolute(custodian.get_absolute_url())
            agent = self.nodes["publisher", custodian.pk] = stored_iri(
                custodian.ror_url or f"{page}#organisation"
            )
            self.add(agent, RDF.type, FOAF.Agent)
            self.add(agent, RDF.type, FOAF.Organization)
            self.add(agent, FOAF.name, Literal(custodian.name))
            self.add(agent, FOAF.page, URIRef(page))
            if custodian.website:
                self.add(agent, FOAF.homepage, stored_iri(custodian.website))
            kind = vocabularies.PUBLISHER_TYPES.get(custodian.kind)
            if kind:
                self.add(agent, DCTERMS.type, self.add_term(kind, SKOS.Concept))
        self.add(node, DCTERMS.publisher, self.nodes["publisher", custodian.pk])

    def add_contact_point(self, node: URIRef, dataset: Dataset, page: str) -> None:
        """Every dataset has one: its team mailbox where it has one, and always the enquiry form on its page,
        which reaches its contact point or its custodian's team without showing a personal address."""
        contact = URIRef(f"{page}#contact-point")
        self.add(contact, RDF.type, VCARD.Kind)
        custodian = dataset.custodian if dataset.custodian and dataset.custodian.is_published else None
        name = dataset.contact_name or (custodian.name if custodian else f"The custodian of {dataset.title}")
        self.add(contact, VCARD.fn, Literal(name))
        if dataset.contact_email:
            self.add(contact, VCARD.hasEmail, stored_iri(f"mailto:{dataset.contact_email}"))
        self.add(contact, VCARD.hasURL, URIRef(f"{page}#enquiry"))
        self.add(node, DCAT.contactPoint, contact)

    def add_counts(self, node: URIRef, dataset: Dataset) -> None:
        """HealthDCAT-AP's counts and typical ages: the latest count of each kind (uses the prefetched rows)."""
        latest: dict[str, int] = {}
        for observation in sorted(dataset.observations.all(), key=lambda each: each.observed_on):
            latest[observation.measure] = observation.count
        for measure, predicate in HEALTH_COUNTS.items():
            if measure in latest:
                self.add(node, predicate, Literal(latest[measure], datatype=XSD.nonNegativeInteger))
        if dataset.min_age is not None:
            self.add(
                node, HEALTHDCATAP.minTypicalAge, Literal(dataset.min_age, datatype=XSD.nonNegativeInteger)
            )
        if dataset.max_age is not None:
            self.add(
                node, HEALTHDCATAP.maxTypicalAge, Literal(dataset.max_age, datatype=XSD.nonNegativeInteger)
            )

    def add_temporal(self, node: URIRef, dataset: Dataset, page: str) -> None:
        if not dataset.start_year:
            return
        period = URIRef(f"{page}#period")
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

    def add_distribution(self, node: URIRef, dataset: Dataset, page: str) -> None:
        """How to get the data: its access application page, or else its own landing page."""
        access_url = dataset.access_url or dataset.landing_page
        if not access_url:
            return
        distribution = URIRef(f"{page}#distribution")
        self.add(distribution, RDF.type, DCAT.Distribution)
        self.add(distribution, DCAT.accessURL, stored_iri(access_url))
        self.add(distribution, DCTERMS.title, en(f"Access to {dataset.title}"))
        self.add(distribution, DCTERMS.description, en(distribution_description(dataset)))
        self.add_format_and_licence(distribution, dataset, page, dataset.formats, "format")
        if dataset.access_service or dataset.trusted_research_environment:
            self.add(
                distribution, DCAT.accessService, self.add_access_service(node, dataset, page, access_url)
            )
        self.add(node, DCAT.distribution, distribution)

    def add_published_distribution(
        self, node: URIRef, dataset: Dataset, page: str, number: int, published: Distribution
    ) -> None:
        """One of the files, services or pages the data is published as (Dataset.distributions)."""
        distribution = URIRef(f"{page}#distribution-{number}")
        self.add(distribution, RDF.type, DCAT.Distribution)
        self.add(distribution, DCAT.accessURL, stored_iri(published.url))
        self.add(distribution, DCTERMS.title, en(published.title or f"{dataset.title}: {published.url}"))
        described = f"“{dataset.title}” as published by its source"
        self.add(
            distribution,
            DCTERMS.description,
            en(f"{described} ({published.format})." if published.format else f"{described}."),
        )
        self.add_format_and_licence(distribution, dataset, page, published.format, f"format-{number}")
        self.add(node, DCAT.distribution, distribution)

    def add_format_and_licence(
        self, distribution: URIRef, dataset: Dataset, page: str, formats: str, fragment: str
    ) -> None:
        if formats:
            self.add(distribution, DCTERMS.format, self.add_format(page, formats, fragment))
            media_type = vocabularies.media_type_iri(formats)
            if media_type:
                self.add(URIRef(media_type), RDF.type, DCTERMS.MediaType)
                self.add(distribution, DCAT.mediaType, URIRef(media_type))
        if dataset.licence:
            self.add(distribution, DCTERMS.license, self.add_licence(page, dataset.licence))

    def add_access_service(self, node: URIRef, dataset: Dataset, page: str, access_url: str) -> URIRef:
        """How approved applicants reach the data (a secure environment, a data service…), as a DataService
        whose endpoint is where the route to it starts."""
        service = URIRef(f"{page}#access-service")
        self.add(service, RDF.type, DCAT.DataService)
        title = dataset.trusted_research_environment or dataset.get_access_service_display()
        self.add(service, DCTERMS.title, en(title))
        if dataset.access_service:
            self.add(service, DCTERMS.description, en(dataset.get_access_service_display()))
        self.add(service, DCAT.endpointURL, stored_iri(access_url))
        self.add(service, DCAT.servesDataset, node)
        # Whom to ask about the route: the dataset's own contact point (see add_contact_point).
        self.add(service, DCAT.contactPoint, URIRef(f"{page}#contact-point"))
        term = vocabularies.ACCESS_RIGHTS.get(dataset.access_level)
        if term:
            self.add(service, DCTERMS.accessRights, self.add_term(term, DCTERMS.RightsStatement))
        return service

    def add_format(self, page: str, formats: str, fragment: str = "format") -> URIRef:
        # DCAT-AP allows one format per distribution; a list like "CSV, Stata" stays as words.
        node = URIRef(vocabularies.file_type_iri(formats) or f"{page}#{fragment}")
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


def catalogue_graph(page: CataloguePage, absolute: Absolute, path: str) -> Graph:
    """One page of the catalogue, served at `path`."""
    writer = DcatWriter(absolute)
    writer.add_catalogue(page)
    writer.add_paging(page, path)
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
