"""The edit form a curator can find their way through: titled sections with a contents list, the
completeness panel first with links to what is missing, the areas by region, and GOV.UK's error summary."""

from areas.models import Area
from datasets.models import Dataset
from tests.editing.test_editing import dataset_post
from tests.factories import DatasetFactory, OrganisationFactory


def test_the_dataset_form_has_a_contents_list_of_its_titled_sections(client, curator):
    client.force_login(curator)
    dataset = DatasetFactory()
    html = client.get(f"/edit/datasets/{dataset.slug}/").content.decode()
    contents = html[html.index('<nav class="form-contents"') :].split("</nav>")[0]
    for title, anchor in [
        ("About the data", "section-about-the-data"),
        ("Getting access", "section-getting-access"),
    ]:
        assert f'<a href="#{anchor}">{title}</a>' in contents
        assert f'<section class="form-section" id="{anchor}"' in html
    # The completeness panel comes first, linking each missing field to its box.
    assert html.index("Looking after this entry") < html.index('id="edit-form"')
    assert '<a href="#id_description">Description</a>' in html
    # A 400-character summary is a box of several lines.
    assert '<textarea name="summary"' in html


def test_the_areas_come_in_regions_each_with_select_all(client, curator):
    client.force_login(curator)
    html = client.get("/edit/datasets/new/").content.decode()
    assert "<legend>North East</legend>" in html and "Select all in North East" in html
    north_east = html.split("<legend>North East</legend>")[1].split("</fieldset>")[0]
    assert "Newcastle upon Tyne" in north_east and "Leeds" not in north_east


def test_selecting_a_whole_region_adds_all_its_areas_without_script(client, curator, bradford):
    client.force_login(curator)
    data = dataset_post(OrganisationFactory(), areas=[bradford.pk], whole_regions=["E12000001"])
    assert client.post("/edit/datasets/new/", data).status_code == 302
    covered = set(Dataset.objects.get(title="Early years survey").areas.values_list("name", flat=True))
    north_east = set(Area.objects.filter(region="E12000001").values_list("name", flat=True))
    assert covered == north_east | {"Bradford"}


def test_an_error_is_summarised_linked_and_named_in_the_title(client, curator):
    client.force_login(curator)
    response = client.post("/edit/datasets/new/", dataset_post(OrganisationFactory(), title="", min_age="x"))
    assert response.status_code == 400
    html = response.content.decode()
    assert "<title>Error: " in html
    summary = html[html.index('id="error-summary"') :].split("</div>")[0]
    assert '<a href="#id_title">Title: This field is required.</a>' in summary
    assert '<a href="#id_min_age">' in summary
    assert "error-summary.js" in html
