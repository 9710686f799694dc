"""A list page's filter panel and cards are kept in the cache until the directory changes
(core.templatetags.portal: filter_panel, kept_for): the page reads the same as when drawn, a change
shows at once, and people signed in always get them drawn afresh."""

import pytest

from core import cached_counts
from tests.factories import (
    DatasetFactory,
    MembershipFactory,
    OrganisationFactory,
    ProjectFactory,
    ResearcherFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db

LISTS = [
    "/datasets/",
    "/datasets/?area=E08000032&life_stage=primary&sort=-updated",
    "/datasets/?age_from=eleven",  # a value the form refuses, with its error beside the field
    "/researchers/?career_stage=senior",
    "/projects/",
    "/organisations/",
    "/themes/",
    "/coverage/?area=E08000032&from=list",
]
DRAWN_EACH_TIME = {"includes/_filters.html", "includes/_dataset_card.html", "includes/_researcher_card.html"}


@pytest.fixture
def directory(bradford):
    theme = ThemeFactory(name="Early help", slug="early-help")
    custodian = OrganisationFactory(name="Bradford Council", slug="bradford-council")
    for number in range(3):
        dataset = DatasetFactory(title=f"Dataset {number}", custodian=custodian, min_age=4, max_age=11)
        dataset.areas.add(bradford)
        dataset.themes.add(theme)
        ResearcherFactory(career_stage="senior").themes.add(theme)
        ProjectFactory().themes.add(theme)


def drawn(response) -> set[str]:
    return {template.name for template in response.templates} & DRAWN_EACH_TIME


@pytest.mark.parametrize("url", LISTS)
def test_a_list_reads_the_same_from_what_is_kept(client, directory, url):
    first = client.get(url)
    again = client.get(url)
    assert again.content == first.content
    assert drawn(first) and not drawn(again), "the panel and cards are drawn once"


@pytest.mark.parametrize(
    "url", ["/areas/E08000032/", "/themes/early-help/", "/organisations/bradford-council/"]
)
def test_a_page_of_previews_reads_the_same_from_what_is_kept(client, directory, url):
    first = client.get(url)
    again = client.get(url)
    assert again.content == first.content
    assert drawn(first) and not drawn(again), "the cards are drawn once"


def test_each_query_keeps_its_own_panel(client, directory):
    assert 'value="open" selected' in client.get("/datasets/?access_level=open").text
    assert 'value="open" selected' not in client.get("/datasets/?access_level=safeguarded").text
    assert 'value="open" selected' in client.get("/datasets/?access_level=open&page=1").text


def test_an_edit_shows_in_the_kept_card_at_once(client, directory):
    dataset = DatasetFactory(title="Old title")
    assert "Old title" in client.get("/datasets/").text
    dataset.title = "New title"
    dataset.save()
    text = client.get("/datasets/").text
    assert "New title" in text and "Old title" not in text


def test_a_new_custodian_shows_in_the_kept_panel_at_once(client, directory):
    assert "Leeds Council" not in client.get("/datasets/").text
    DatasetFactory(custodian=OrganisationFactory(name="Leeds Council"))
    assert '">Leeds Council</option>' in client.get("/datasets/").text


def test_signed_in_people_get_the_panel_and_cards_drawn(client, directory, django_user_model, monkeypatch):
    client.force_login(django_user_model.objects.create_user("cara", "cara@example.org", "pw"))
    client.get("/datasets/")
    # As where each process keeps a cache of its own: a change made through another is not seen in this one.
    monkeypatch.setattr(cached_counts, "forget_counts", lambda: None)
    DatasetFactory(title="Just published", custodian=OrganisationFactory(name="Leeds Council"))
    again = client.get("/datasets/")
    assert drawn(again)
    assert "Just published" in again.text and '">Leeds Council</option>' in again.text


def test_a_researchers_network_is_worked_out_once_until_the_directory_changes(client, monkeypatch):
    from people import views

    person, colleague = ResearcherFactory(slug="amara", name="Amara Ashworth"), ResearcherFactory()
    project = ProjectFactory()
    MembershipFactory(project=project, researcher=person)
    MembershipFactory(project=project, researcher=colleague)
    worked_out = []
    network_of = views.network_of
    monkeypatch.setattr(views, "network_of", lambda *args: worked_out.append(1) or network_of(*args))
    first = client.get("/researchers/amara/")
    again = client.get("/researchers/amara/")
    assert again.content == first.content and colleague.name in again.text
    assert len(worked_out) == 1
    newcomer = ResearcherFactory(name="Newcomer Nadia")
    MembershipFactory(project=project, researcher=newcomer)
    assert "Newcomer Nadia" in client.get("/researchers/amara/").text


def test_the_cache_in_memory_holds_many_pages_of_cards(settings):
    # Without Redis: Django's default of 300 entries would hold the cards of a dozen list pages.
    cache = settings.CACHES["default"]
    if "locmem" in cache["BACKEND"]:
        assert cache["OPTIONS"]["MAX_ENTRIES"] >= 10_000
