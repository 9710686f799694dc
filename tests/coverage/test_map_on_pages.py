from tests.coverage.conftest import svg_of, tiles_of
from tests.factories import DatasetFactory, ThemeFactory


def test_the_dataset_list_shows_the_map_for_its_own_filters(client, bradford):
    theme = ThemeFactory(slug="listed")
    in_theme = DatasetFactory(title="In the theme")
    in_theme.areas.add(bradford)
    in_theme.themes.add(theme)
    DatasetFactory(title="Outside the theme").areas.add(bradford)

    html = client.get("/datasets/?theme=listed").content.decode()

    assert "Bradford: 1 dataset" in tiles_of(html)
    assert "In the theme" in html
    assert "Outside the theme" not in html
    # Results first: the map comes after them, folded away.
    assert html.index('class="cards"') < html.index("<summary>Show these datasets on a map</summary>")
    assert html.index("<summary>Show these datasets on a map</summary>") < html.index('class="coverage-map"')


def test_the_dataset_list_still_lists_when_a_filter_is_bad(client, bradford):
    DatasetFactory(title="Still listed").areas.add(bradford)

    response = client.get("/datasets/?theme=nope&access_level=secret")

    assert response.status_code == 200
    assert "Still listed" in response.content.decode()
    assert "Bradford: 1 dataset" in tiles_of(response.content.decode())


def test_the_map_toggle_keeps_the_list_filters(client, bradford):
    html = client.get("/datasets/?access_level=open&page=2").content.decode()
    assert 'href="?access_level=open&amp;national=yes"' in html


def test_an_area_page_shows_the_map_with_the_area_highlighted(client, bradford, leeds):
    DatasetFactory().areas.add(bradford)

    html = client.get(bradford.get_absolute_url()).content.decode()
    svg = svg_of(html, "coverage-map")

    assert "Bradford: 1 dataset (this area)" in tiles_of(html)
    assert "Leeds: 0 datasets" in tiles_of(html)
    highlighted = [link for link in svg.iter("a") if "highlight" in link.get("class")]
    assert [link.get("aria-label") for link in highlighted] == ["Bradford: 1 dataset (this area)"]
    assert "Bradford is outlined in black" in svg.find("desc").text


def test_area_and_list_pages_cost_the_same_queries_for_2_or_20_datasets(count_queries, bradford):
    theme = ThemeFactory(slug="hub")
    urls = ["/datasets/", "/datasets/?theme=hub&life_stage=primary&area=E08000032", "/areas/E08000032/"]

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
    names = [name.split(":")[0] for name in tiles_of(client.get("/coverage/").content.decode())]
    # The top row, west to east: Cumberland (North West), then Northumberland and North Tyneside.
    assert names[:3] == ["Cumberland", "Northumberland", "North Tyneside"]
    assert names[-2:] == ["Cheshire West and Chester", "Cheshire East"]


def test_the_dataset_list_map_outlines_every_area_ticked(client, bradford, leeds):
    html = client.get("/datasets/?area=E08000032&area=E08000035").content.decode()
    tiles = tiles_of(html)
    assert "Bradford: 0 datasets (chosen)" in tiles and "Leeds: 0 datasets (chosen)" in tiles
    assert "Bradford, Leeds are outlined in black." in html
