"""What crawlers and feed readers get: robots.txt, the sitemap and Atom feeds of published entries."""

import datetime
import xml.etree.ElementTree as ElementTree

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import CollectionFactory, DatasetFactory, ProjectFactory, ResearcherFactory, ThemeFactory
from tests.involvement.conftest import make_opportunity

pytestmark = pytest.mark.django_db
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
ATOM = "{http://www.w3.org/2005/Atom}"


def locations(client, url) -> list[str]:
    root = ElementTree.fromstring(client.get(url).content)
    return [element.text for element in root.iter(f"{SITEMAP}loc")]


def test_robots_keeps_crawlers_out_of_private_pages_and_points_to_the_sitemap(client):
    text = client.get("/robots.txt").content.decode()
    assert "Disallow: /edit/" in text and "Disallow: /admin/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text


def test_the_sitemap_lists_published_entries_only(client):
    public = DatasetFactory(title="Public data")
    draft = DatasetFactory(title="Draft data", status="draft")
    sections = locations(client, "/sitemap.xml")
    assert "http://testserver/sitemap-datasets.xml" in sections
    datasets = locations(client, "/sitemap-datasets.xml")
    assert f"http://testserver{public.get_absolute_url()}" in datasets
    assert f"http://testserver{draft.get_absolute_url()}" not in datasets
    assert "http://testserver/areas/E08000032/" in locations(client, "/sitemap-areas.xml")


def test_the_sitemap_lists_every_kind_of_public_page(client):
    collection = CollectionFactory(title="Growing up in the North")
    hidden_collection = CollectionFactory(title="Draft collection", status="draft")
    opportunity = make_opportunity(title="Join our young advisers")
    make_opportunity(title="Closed", closes_on=datetime.date(2020, 1, 1))
    pages = locations(client, "/sitemap-pages.xml")
    for address in ("/coverage/", "/coverage/gaps/", "/collections/", "/get-involved/"):
        assert f"http://testserver{address}" in pages
    collections = locations(client, "/sitemap-collections.xml")
    assert f"http://testserver{collection.get_absolute_url()}" in collections
    assert f"http://testserver{hidden_collection.get_absolute_url()}" not in collections
    opportunities = locations(client, "/sitemap-opportunities.xml")
    assert opportunities == [f"http://testserver{opportunity.get_absolute_url()}"]


def test_a_sitemap_section_costs_the_same_queries_for_few_or_many(client):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            client.get("/sitemap-datasets.xml")
        return len(captured)

    DatasetFactory.create_batch(2)
    few = queries()
    DatasetFactory.create_batch(20)
    assert queries() == few


def entries(client, url) -> list[str]:
    response = client.get(url)
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ElementTree.fromstring(response.content)
    return [entry.find(f"{ATOM}title").text for entry in root.iter(f"{ATOM}entry")]


def test_the_feed_shows_new_and_updated_published_entries_newest_first(client):
    ResearcherFactory(name="Older Person", organisation=None)
    ProjectFactory(title="Newer project")
    DatasetFactory(title="Hidden draft", status="draft")
    titles = entries(client, "/feeds/new.atom")
    assert titles.index("Project: Newer project") < titles.index("Researcher: Older Person")
    assert not any("Hidden draft" in title for title in titles)


def test_a_theme_feed_holds_that_theme_and_its_sub_themes(client):
    parent = ThemeFactory(name="Feed parent theme")
    child = ThemeFactory(name="Feed child theme", parent=parent)
    inside, outside = DatasetFactory(title="Wellbeing survey"), DatasetFactory(title="Road data")
    inside.themes.add(child)
    titles = entries(client, f"/feeds/themes/{parent.slug}.atom")
    assert titles == ["Dataset: Wellbeing survey"]
    assert client.get("/feeds/themes/no-such-theme.atom").status_code == 404
    assert outside.title not in str(titles)


@pytest.mark.parametrize("url", ["/feeds/new.atom", "/feeds/get-involved.atom", "/feeds/themes/named.atom"])
def test_every_feed_has_an_author_as_atom_requires(client, url):
    ThemeFactory(slug="named")
    root = ElementTree.fromstring(client.get(url).content)
    assert root.find(f"{ATOM}author/{ATOM}name").text == "N8 Children & Young People data portal"
