import pytest

from tests.coverage.conftest import svg_of, tiles_of
from tests.factories import DatasetFactory, ThemeFactory


def test_a_tile_counts_the_published_datasets_that_list_its_area(client, bradford, leeds):
    for _ in range(2):
        DatasetFactory().areas.add(bradford)
    DatasetFactory(status="draft").areas.add(bradford)
    DatasetFactory(status="submitted").areas.add(leeds)

    tiles = tiles_of(client.get("/coverage/").content.decode())

    assert "Bradford: 2 datasets" in tiles
    assert "Leeds: 0 datasets" in tiles
    assert len(tiles) == 62


def test_national_datasets_count_only_when_asked(client, bradford):
    DatasetFactory().areas.add(bradford)
    DatasetFactory(coverage_scope="england")
    listed_and_national = DatasetFactory(coverage_scope="uk")
    listed_and_national.areas.add(bradford)

    local = client.get("/coverage/").content.decode()
    national = client.get("/coverage/?national=yes").content.decode()

    assert "Bradford: 2 datasets" in tiles_of(local)
    assert "Shown: local data only" in local
    assert "Bradford: 3 datasets" in tiles_of(national)
    assert "Leeds: 2 datasets" in tiles_of(national)
    assert "Shown: local and national data" in national


def test_a_theme_filter_counts_the_theme_and_its_sub_themes_only(client, bradford):
    theme = ThemeFactory(slug="early-years-x")
    sub_theme = ThemeFactory(parent=theme)
    DatasetFactory().themes.add(theme)
    for tagged in (theme, sub_theme):
        dataset = DatasetFactory()
        dataset.areas.add(bradford)
        dataset.themes.add(tagged)
    DatasetFactory().areas.add(bradford)

    assert "Bradford: 3 datasets" in tiles_of(client.get("/coverage/").content.decode())
    assert "Bradford: 2 datasets" in tiles_of(client.get("/coverage/?theme=early-years-x").content.decode())


def test_life_stage_and_access_level_filter_as_the_dataset_list_does(client, bradford):
    DatasetFactory(min_age=0, max_age=4, access_level="open").areas.add(bradford)
    DatasetFactory(min_age=16, max_age=18, access_level="controlled").areas.add(bradford)

    tiles = tiles_of(client.get("/coverage/?life_stage=early-years").content.decode())
    assert "Bradford: 1 dataset" in tiles
    tiles = tiles_of(client.get("/coverage/?access_level=controlled").content.decode())
    assert "Bradford: 1 dataset" in tiles


def test_invalid_filter_values_are_reported_and_ignored(client, bradford):
    DatasetFactory().areas.add(bradford)

    response = client.get("/coverage/?theme=no-such-theme&life_stage=old-age&national=maybe")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Some filters could not be used" in html
    assert html.count('class="errorlist" id="id_') == 3
    assert "Bradford: 1 dataset" in tiles_of(html)
    assert "Shown: local data only" in html


def test_a_tile_links_to_the_dataset_list_with_the_same_filters(client, bradford):
    theme = ThemeFactory(slug="linked-theme")
    dataset = DatasetFactory(access_level="open")
    dataset.areas.add(bradford)
    dataset.themes.add(theme)
    DatasetFactory(coverage_scope="england", access_level="open").themes.add(theme)

    html = client.get("/coverage/?theme=linked-theme&access_level=open&national=yes").content.decode()
    href = tiles_of(html)["Bradford: 2 datasets"]

    assert href == "/datasets/?area=E08000032&theme=linked-theme&access_level=open"
    listing = client.get(href).content.decode()
    assert "2 datasets match Theme:" in listing and "Area covered: Bradford" in listing


def test_names_are_escaped_in_the_svg_and_the_table(client, bradford):
    bradford.name = "Bradford & <script>alert(1)</script>"
    bradford.save()
    theme = ThemeFactory(name="<script>x</script> & co", slug="scripted")

    html = client.get("/coverage/?theme=scripted").content.decode()

    assert "<script>" not in html
    assert "Bradford &amp; &lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "Bradford & <script>alert(1)</script>: 0 datasets" in tiles_of(html)
    assert "&lt;script&gt;x&lt;/script&gt; &amp; co" in html
    assert theme.name in svg_of(html, "coverage-map").find("desc").text


def test_the_map_is_described_and_followed_by_a_table(client, bradford):
    DatasetFactory().areas.add(bradford)

    html = client.get("/coverage/").content.decode()
    svg = svg_of(html, "coverage-map")

    assert svg.get("aria-labelledby") == "coverage-map-title coverage-map-desc"
    assert svg.find("title").get("id") == "coverage-map-title"
    assert "Bradford" in svg.find("desc").text
    assert html.index("</svg>") < html.index("<table>")
    assert '<a href="/areas/E08000032/">Bradford</a>' in html


@pytest.mark.parametrize("url", ["/coverage/", "/coverage/?theme=hub&life_stage=primary&national=yes"])
def test_the_map_costs_the_same_queries_for_2_or_20_datasets(count_queries, bradford, url):
    theme = ThemeFactory(slug="hub")

    def add(rows: int) -> None:
        for index in range(rows):
            dataset = DatasetFactory(coverage_scope="uk" if index % 3 == 0 else "local")
            dataset.areas.add(bradford)
            dataset.themes.add(theme, ThemeFactory(parent=theme))

    add(2)
    few = count_queries(url)
    add(18)
    assert count_queries(url) == few
    # The counts per area, the national count and the areas; the theme named; the choices of the list's
    # filters (themes, custodians, areas, identifiers).
    assert few <= 8
