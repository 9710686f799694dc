"""Markup and script saved in every text field of every entry are shown as text everywhere they appear:
list and detail pages, search results, the JSON-LD script blocks, the SVG charts, maps and graphs,
the Atom feeds, the DCAT Turtle and JSON-LD, and the CSV downloads."""

import csv
import io
import json
import re
from xml.etree import ElementTree

import pytest
from django.db import models
from django.urls import reverse
from rdflib import Graph

from tests.factories import (
    CollectionFactory,
    CollectionItemFactory,
    DatasetFactory,
    DatasetUsageFactory,
    MembershipFactory,
    OrganisationFactory,
    OutputFactory,
    ProjectFactory,
    ResearcherFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db

PAYLOAD = '<script>alert(1)</script>"><img src=x onerror=alert(1)></script><script>]]><!--{{ 7*7 }}'
# For the fields too short for the whole payload.
SHORT = '"><svg onload=1>'
FORMULA = '=HYPERLINK("http://evil.example","x")'
# What must never reach a page as markup.
RAW = ["<script>alert(1)", "<img src=x onerror", "<svg onload=1>", "</script><script>"]
ESCAPED = ["&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;svg onload=1&gt;"]
NOT_TEXT = ("slug", "status", "review_comment")


def poisoned(entry, keep: tuple[str, ...] = ()):
    """`entry` with every text field that pages may show set to the payload (or the short one), saved."""
    for field in entry._meta.concrete_fields:
        if (
            not isinstance(field, models.CharField | models.TextField)
            or field.choices
            or field.name in NOT_TEXT + keep
        ):
            continue
        longest = field.max_length or len(PAYLOAD)
        if longest >= len(SHORT):
            setattr(entry, field.name, PAYLOAD if longest >= len(PAYLOAD) else SHORT)
    entry.save()
    return entry


@pytest.fixture
def hostile(db, bradford, client, committed):
    """Every kind of entry, linked to the others, its text fields all payload; in the search index."""
    with committed():
        return make_entries(client, bradford)


def make_entries(client, bradford):
    theme = poisoned(ThemeFactory(slug="evil"))
    organisation = poisoned(OrganisationFactory(slug="evil", area=bradford))
    dataset = poisoned(DatasetFactory(slug="evil", custodian=organisation))
    dataset.keywords = FORMULA
    dataset.save()
    other = poisoned(DatasetFactory(slug="evil-other", custodian=organisation))
    dataset.themes.add(theme)
    other.themes.add(theme)
    dataset.areas.add(bradford)
    dataset.linked_datasets.add(other)
    researcher = poisoned(ResearcherFactory(slug="evil", organisation=organisation, show_email=True))
    colleague = poisoned(ResearcherFactory(slug="evil-colleague", organisation=organisation), keep=("orcid",))
    researcher.themes.add(theme)
    project = poisoned(ProjectFactory(slug="evil"))
    project.themes.add(theme)
    MembershipFactory(project=project, researcher=researcher, role="lead")
    MembershipFactory(project=project, researcher=colleague)
    poisoned(DatasetUsageFactory(project=project, dataset=dataset))
    output = poisoned(OutputFactory(project=project, year=2024))
    collection = poisoned(CollectionFactory(slug="evil", theme=theme))
    poisoned(CollectionItemFactory(collection=collection, dataset=dataset))
    poisoned(CollectionItemFactory(collection=collection, output=output))
    for slug in ("evil", "evil-other"):
        client.post(reverse("journey:add", args=[slug]))
    return client


PAGES = [
    "/",
    "/researchers/",
    "/researchers/evil/",
    "/researchers/evil-colleague/",
    "/datasets/",
    "/datasets/evil/",
    "/datasets/evil-other/",
    "/projects/",
    "/projects/evil/",
    "/organisations/",
    "/organisations/evil/",
    "/themes/",
    "/themes/evil/",
    "/collections/",
    "/collections/evil/",
    "/search/?q=alert",
    "/search/?theme=evil",
    "/coverage/?theme=evil",
    "/coverage/gaps/",
    "/areas/E08000032/",
    "/journey/",
    "/introductions/researchers/evil/",
    "/introductions/datasets/evil/",
]


def strings(data) -> set[str]:
    """Every string in a JSON document."""
    if isinstance(data, str):
        return {data}
    if isinstance(data, dict):
        return set().union(*(strings(value) for value in data.values())) if data else set()
    if isinstance(data, list):
        return set().union(*(strings(value) for value in data)) if data else set()
    return set()


def html_of(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_pages_show_the_markup_as_text(hostile):
    for url in PAGES:
        html = html_of(hostile, url)
        for raw in RAW:
            assert raw not in html, f"{raw!r} unescaped on {url}"
        assert any(escaped in html for escaped in ESCAPED), f"the payload is not shown on {url}"


@pytest.mark.parametrize(
    "url", ["/coverage/?theme=evil", "/coverage/gaps/", "/researchers/evil/", "/journey/"]
)
def test_the_svg_pictures_carry_the_names_as_text(hostile, url):
    svgs = re.findall(r"<svg.*?</svg>", html_of(hostile, url), re.DOTALL)
    assert svgs, url
    for svg in svgs:
        assert not any(raw in svg for raw in RAW), url
        # Each picture parses as XML: nothing in it closed an element early.
        ElementTree.fromstring(svg)
    if url != "/journey/":  # the linkage graph numbers its datasets; the list beside it names them
        assert any(escaped in "".join(svgs) for escaped in ESCAPED), f"no name in the pictures of {url}"


def test_json_ld_blocks_cannot_be_closed_early(hostile):
    for url in ["/researchers/evil/", "/datasets/evil/", "/projects/evil/", "/organisations/evil/"]:
        json_ld_of(hostile, url)


def json_ld_of(hostile, url: str) -> None:
    blocks = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', html_of(hostile, url), re.DOTALL
    )
    assert blocks, url
    for block in blocks:
        assert "</script" not in block.lower() and "<!--" not in block
        assert "<" not in block and ">" not in block
        assert PAYLOAD in strings(json.loads(block)), "the text comes back whole"


@pytest.mark.parametrize("url", ["/feeds/new.atom", "/feeds/themes/evil.atom"])
def test_atom_feeds_escape_the_markup(hostile, url):
    response = hostile.get(url)
    assert response.status_code == 200
    text = response.content.decode()
    assert not any(raw in text for raw in RAW)
    feed = ElementTree.fromstring(response.content)
    assert PAYLOAD in " ".join(element.text or "" for element in feed.iter())


@pytest.mark.parametrize("url", ["/catalogue/dcat.ttl", "/datasets/evil/dcat.ttl"])
def test_dcat_turtle_keeps_the_markup_as_a_literal(hostile, url):
    response = hostile.get(url)
    assert response.status_code == 200
    graph = Graph().parse(data=response.content.decode(), format="turtle")
    assert PAYLOAD in {str(value) for value in graph.objects()}


@pytest.mark.parametrize("url", ["/catalogue/dcat.jsonld", "/datasets/evil/dcat.jsonld"])
def test_dcat_json_ld_keeps_the_markup_as_a_string(hostile, url):
    response = hostile.get(url)
    assert response.status_code == 200
    assert PAYLOAD in strings(json.loads(response.content))


@pytest.mark.parametrize(
    "url", ["/datasets/?format=csv", "/search/?q=alert&format=csv", "/journey/summary.csv"]
)
def test_csv_downloads_keep_the_text_and_defuse_formulas(hostile, url):
    response = hostile.get(url)
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert PAYLOAD in cells or any(PAYLOAD in cell for cell in cells)
    assert not any(cell.startswith(("=", "+", "@")) for cell in cells)


def test_the_dataset_download_defuses_a_formula_in_a_text_field(hostile):
    text = b"".join(hostile.get("/datasets/?format=csv").streaming_content).decode("utf-8-sig")
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert "'" + FORMULA in cells
