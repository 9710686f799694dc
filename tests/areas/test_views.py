from tests.factories import DatasetFactory, OrganisationFactory


def test_an_area_page_lists_local_and_national_data_and_its_council(client, bradford, leeds):
    local = DatasetFactory(title="Bradford schools data")
    local.areas.add(bradford)
    elsewhere = DatasetFactory(title="Leeds only data")
    elsewhere.areas.add(leeds)
    DatasetFactory(title="England-wide data", coverage_scope="england")
    OrganisationFactory(name="City of Bradford Council", kind="local-authority", area=bradford)

    response = client.get(bradford.get_absolute_url())

    assert response.status_code == 200
    html = response.content.decode()
    assert "Bradford schools data" in html
    assert "England-wide data" in html
    assert "Leeds only data" not in html
    assert "City of Bradford Council" in html
    assert local.get_absolute_url() in html


def test_a_retired_code_redirects_to_the_current_area(client, db):
    response = client.get("/areas/E08000019/")
    assert response.status_code == 301
    assert response["Location"] == "/areas/E08000039/"


def test_a_retired_county_code_lists_the_areas_that_replaced_it(client, db):
    response = client.get("/areas/E10000006/")
    assert response.status_code == 404
    assert "Cumberland" in response.content.decode()
    assert "Westmorland and Furness" in response.content.decode()


def test_an_unknown_code_is_a_helpful_404(client, db):
    response = client.get("/areas/NOPE/")
    assert response.status_code == 404
    assert "No northern local authority has the code NOPE" in response.content.decode()


def test_the_area_list_groups_areas_by_region_with_counts(client, bradford):
    DatasetFactory().areas.add(bradford)
    response = client.get("/areas/")
    html = response.content.decode()
    assert "Yorkshire and The Humber" in html
    assert 'Bradford</a> <span class="meta">(1 local dataset)' in html
