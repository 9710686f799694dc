"""What people noticed on the entry pages: no duplicates, no contradictions, names in full, counts that
match where a link lands, and pictures whose labels are explained."""

import pytest

from tests.factories import (
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


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_who_knows_the_data_lists_a_person_once_with_each_role(client, db):
    dataset = DatasetFactory()
    person = ResearcherFactory(name="Asha Khan")
    for title, role in [("Alpha study", "lead"), ("Beta study", "researcher")]:
        project = ProjectFactory(title=title)
        DatasetUsageFactory(project=project, dataset=dataset)
        MembershipFactory(project=project, researcher=person, role=role)
    html = page(client, dataset.get_absolute_url())
    section = html[html.index("Who knows this data") :].split("</section>")[0]
    assert section.count(">Asha Khan</a>") == 1
    assert "Alpha study" in section and "Beta study" in section


def test_a_dataset_card_names_its_custodian_in_full(client, db):
    holder = OrganisationFactory(name="Bradford Institute for Health Research", short_name="BIHR")
    DatasetFactory(title="Held data", custodian=holder)
    html = page(client, "/datasets/")
    assert "held by <a" in html and ">Bradford Institute for Health Research</a>" in html
    assert ">BIHR</a>" not in html


@pytest.mark.parametrize("shown", [True, False])
def test_the_introduction_says_the_address_is_hidden_only_when_it_is(client, db, shown):
    person = ResearcherFactory(email="asha@example.org", show_email=shown)
    html = page(client, person.get_absolute_url())
    assert ("asha@example.org" in html) is shown
    assert ("their address is not shown to you" in html) is not shown


def test_similar_researchers_do_not_contradict_the_collaborators_beside_them(client, db):
    person, colleague = ResearcherFactory(name="Asha Khan"), ResearcherFactory(name="Ben Ode")
    project = ProjectFactory()
    MembershipFactory(project=project, researcher=person)
    MembershipFactory(project=project, researcher=colleague)
    html = page(client, person.get_absolute_url())
    assert "No one shares their themes" not in html
    assert "Beyond the collaborators listed, nobody yet shares" in html
    # The picture's initials are explained: each circle names its person, and the list gives the initials.
    assert "<title>Ben Ode</title>" in html
    assert '>Ben Ode</a> <span class="meta">(BO;' in html


def test_open_to_phd_supervision_keeps_its_capitals(client, db):
    assert '<option value="supervision">Open to PhD supervision</option>' in page(client, "/researchers/")


def test_a_theme_without_findings_does_not_open_with_an_empty_section(client, db):
    theme = ThemeFactory(name="Play")
    html = page(client, theme.get_absolute_url())
    assert "What has been learned <span" not in html and "Filter the findings" not in html
    assert html.index('id="projects-heading"') < html.index("What has been learned")
    OutputFactory(project=ProjectFactory(), title="A finding").project.themes.add(theme)
    html = page(client, theme.get_absolute_url())
    assert html.index("What has been learned") < html.index('id="datasets-heading"')


def test_the_area_page_links_once_to_all_its_data_in_words_that_match(client, bradford):
    html = page(client, bradford.get_absolute_url())
    assert "england-wide" not in html
    assert (
        '<a href="/datasets/?area=E08000032">See every dataset for Bradford, local and national together</a>'
        in html
    )


def test_the_gaps_page_says_how_many_areas_it_lists(client, bradford):
    DatasetFactory().areas.add(bradford)
    html = page(client, "/coverage/gaps/")
    assert "the ten listed by fewest" not in html
    assert "The 61 areas that no published dataset lists." in html
    assert 'class="table-scroll" tabindex="0" role="region"' in html or "No organisation has" in html


def test_the_map_table_explains_the_codes_on_the_tiles(client, db):
    html = page(client, "/coverage/")
    assert '<th scope="col">Code on the map</th>' in html
    assert "<td>BRD</td>" in html


def test_a_report_in_a_collection_links_somewhere(client, db):
    output = OutputFactory(title="A report without a link", url="", doi="")
    item = CollectionItemFactory(output=output)
    html = page(client, item.collection.get_absolute_url())
    assert (
        f'<a href="{output.project.get_absolute_url()}#outputs-heading">A report without a link</a>' in html
    )


def test_the_journey_graph_names_its_numbers(client, db):
    first, second = DatasetFactory(title="Births"), DatasetFactory(title="Schools")
    first.linked_datasets.add(second)
    for dataset in (first, second):
        client.post(f"/journey/add/{dataset.slug}/", {"next": "/"})
    html = page(client, "/journey/")
    assert "<title>1. Births</title>" in html and "<title>2. Schools</title>" in html
    assert "1, Births; 2, Schools." in html
    assert 'class="remove-button"' in html
