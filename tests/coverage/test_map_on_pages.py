from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.coverage.conftest import svg_of, tiles_of
from tests.factories import DatasetFactory, OrganisationFactory, ThemeFactory


def test_the_dataset_list_links_to_the_map_of_its_own_filters_after_the_results(client, bradford):
    DatasetFactory(title="Listed").areas.add(bradford)

    html = client.get("/datasets/?theme=listed&area=E08000032&sort=-updated&page=1").content.decode()

    # The list no longer draws the map: it links to the map page with the same filters.
    assert 'class="coverage-map"' not in html
    link = '<a href="/coverage/?theme=listed&amp;area=E08000032&amp;sort=-updated&amp;from=list">Show these datasets on a map</a>'
    assert link in html
    assert html.index('class="cards"') < html.index(link)


def test_the_dataset_list_runs_none_of_the_maps_queries(client, bradford):
    theme = ThemeFactory(slug="listed")
    client.get("/datasets/?theme=listed&area=E08000032")
    # A change forgets the kept counts, so a map drawn by the list would count again.
    DatasetFactory().themes.add(theme)

    with CaptureQueriesContext(connection) as queries:
        response = client.get("/datasets/?theme=listed&area=E08000032")

    assert response.status_code == 200
    grouped = [
        query["sql"]
        for query in queries
        if "datasets_dataset_areas" in query["sql"] and "GROUP BY" in query["sql"]
    ]
    assert grouped == []
    assert len(queries) <= 11


def test_the_map_page_counts_the_datasets_the_list_shows(client, bradford, leeds):
    theme = ThemeFactory(slug="listed")
    holder = OrganisationFactory(slug="holder")
    for title, custodian, areas in [
        ("In the theme, held", holder, [bradford, leeds]),
        ("In the theme, held elsewhere", None, [bradford]),
    ]:
        dataset = DatasetFactory(title=title, **({"custodian": custodian} if custodian else {}))
        dataset.areas.add(*areas)
        dataset.themes.add(theme)
    DatasetFactory(title="Outside the theme").areas.add(bradford)

    html = client.get("/coverage/?theme=listed&custodian=holder&from=list").content.decode()

    tiles = tiles_of(html)
    assert "Bradford: 1 dataset" in tiles and "Leeds: 1 dataset" in tiles
    assert "<h1>Datasets on a map</h1>" in html
    assert "The published datasets that match Theme:" in html
    # The way back is the same list, with the same filters.
    assert '<a href="/datasets/?theme=listed&amp;custodian=holder">Back to the list</a>' in html


def test_the_map_page_counts_only_the_datasets_of_the_areas_ticked(client, bradford, leeds):
    both = DatasetFactory(title="Millennium cohort")
    both.areas.add(bradford, leeds)
    DatasetFactory(title="Other").areas.add(leeds)

    html = client.get("/coverage/?area=E08000032&from=list").content.decode()

    tiles = tiles_of(html)
    # Only the datasets covering Bradford are counted, wherever else they are.
    assert "Bradford: 1 dataset (chosen)" in tiles and "Leeds: 1 dataset" in tiles
    assert "Bradford is outlined in black." in html


def test_the_map_page_outlines_every_area_ticked(client, bradford, leeds):
    html = client.get("/coverage/?area=E08000032&area=E08000035&from=list").content.decode()
    tiles = tiles_of(html)
    assert "Bradford: 0 datasets (chosen)" in tiles and "Leeds: 0 datasets (chosen)" in tiles
    assert "Bradford, Leeds are outlined in black." in html


def test_the_map_page_reports_bad_list_filters_and_still_counts(client, bradford):
    DatasetFactory(title="Still counted").areas.add(bradford)

    response = client.get("/coverage/?theme=nope&access_level=secret&within=7&age_from=x&from=list")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Some filters could not be used" in html
    assert html.count('class="errorlist" id="id_') == 4
    assert "Bradford: 1 dataset" in tiles_of(html)


def test_the_map_toggle_and_the_filters_keep_the_way_back(client, bradford):
    html = client.get("/coverage/?access_level=open&sort=title&from=list").content.decode()
    assert 'href="?access_level=open&amp;sort=title&amp;from=list&amp;national=yes"' in html
    assert '<input type="hidden" name="from" value="list">' in html
    assert '<a href="/datasets/?access_level=open&amp;sort=title">Back to the list</a>' in html


def test_an_area_page_shows_the_map_with_the_area_highlighted(client, bradford, leeds):
    DatasetFactory().areas.add(bradford)

    html = client.get(bradford.get_absolute_url()).content.decode()
    svg = svg_of(html, "coverage-map")

    assert "Bradford: 1 dataset (this area)" in tiles_of(html)
    assert "Leeds: 0 datasets" in tiles_of(html)
    highlighted = [link for link in svg.iter("a") if "highlight" in link.get("class")]
    assert [link.get("aria-label") for link in highlighted] == ["Bradford: 1 dataset (this area)"]
    assert "Bradford is outlined in black" in svg.find("desc").text


def test_pages_with_the_map_cost_the_same_queries_for_2_or_20_datasets(count_queries, bradford):
    theme = ThemeFactory(slug="hub")
    urls = [
        "/datasets/",
        "/datasets/?theme=hub&life_stage=primary&area=E08000032",
        "/coverage/?theme=hub&life_stage=primary&area=E08000032&from=list",
        "/areas/E08000032/",
    ]

    def add(rows: int) -> None:
        for _ in range(rows):
            dataset = DatasetFactory()
            dataset.areas.add(bradford)
            dataset.themes.add(theme)

    add(2)
    few = [count_queries(url) for url in urls]
    add(18)
    assert [count_queries(url) for url in urls] == few


def test_the_tiles_come_in_rows_as_the_eye_reads_them(client, db):
    names = [
        name.split(":")[0] for name in tiles_of(client.get("/coverage/?area=E08000032").content.decode())
    ]
    # The top row, west to east: Cumberland (North West), then Northumberland and North Tyneside.
    assert names[:3] == ["Cumberland", "Northumberland", "North Tyneside"]
    assert names[-2:] == ["Cheshire West and Chester", "Cheshire East"]
