"""Counts kept in the cache: exact, changed at once by publishing, archiving or editing, never stale
for whoever is signed in (core/cached_counts.py and the pages that use it)."""

import io
import re

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from accounts.policy import CURATORS_GROUP
from areas.models import Area
from core import cached_counts
from core.cached_counts import kept
from datasets.models import Dataset
from organisations.models import Organisation
from people.models import Researcher
from projects.models import Project
from tests.factories import (
    DatasetFactory,
    OrganisationFactory,
    ProjectFactory,
    ResearcherFactory,
    ThemeFactory,
)
from tests.involvement.conftest import make_opportunity
from themes.models import Theme


@pytest.fixture
def curator_client(django_user_model) -> Client:
    user = django_user_model.objects.create_user("cara", "cara@example.org", "pw")
    user.groups.add(Group.objects.get_or_create(name=CURATORS_GROUP)[0])
    signed_in = Client()
    signed_in.force_login(user)
    return signed_in


def move(client: Client, entry, kind: str, name: str) -> None:
    response = client.post(f"/edit/{kind}/{entry.slug}/move/{name}/")
    assert response.status_code == 302, response


def number_before(html: str, words: str) -> int:
    """The number written just before `words` in the page's text."""
    text = re.sub(r"<[^>]+>", " ", html)
    found = re.search(rf"(\d[\d,]*)\s+{words}", " ".join(text.split()))
    assert found, f"no number before “{words}”"
    return int(found.group(1).replace(",", ""))


def listed_count(html: str) -> int:
    return number_before(html, r"datasets?\b")


# -- the mechanism --------------------------------------------------------------------------------


def test_a_kept_count_is_counted_once_until_the_directory_changes(db):
    calls = []

    def count() -> int:
        calls.append(1)
        return len(calls)

    assert kept("test:calls", count) == 1
    assert kept("test:calls", count) == 1
    ThemeFactory()
    assert kept("test:calls", count) == 2


def test_fresh_counts_come_from_the_database_and_are_not_kept(db):
    assert kept("test:fresh", lambda: "kept") == "kept"
    assert kept("test:fresh", lambda: "from the database", fresh=True) == "from the database"
    assert kept("test:fresh", lambda: "never read") == "kept"


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda dataset, theme: dataset.themes.add(theme), id="a link added"),
        pytest.param(lambda dataset, theme: dataset.themes.remove(theme), id="a link removed"),
        pytest.param(lambda dataset, theme: dataset.themes.clear(), id="links cleared"),
        pytest.param(lambda dataset, theme: dataset.save(), id="an entry saved"),
        pytest.param(lambda dataset, theme: dataset.delete(), id="an entry deleted"),
        pytest.param(lambda dataset, theme: Area.objects.first().save(), id="an area saved"),
    ],
)
def test_any_change_to_the_directory_forgets_every_kept_count(db, change):
    dataset, theme = DatasetFactory(), ThemeFactory()
    dataset.themes.add(theme)
    before = cached_counts.version()
    change(dataset, theme)
    assert cached_counts.version() != before


def test_saving_an_opportunity_to_get_involved_forgets_every_kept_count(db):
    # The Get involved list keeps its count as the other lists do.
    opportunity = make_opportunity()
    before = cached_counts.version()
    opportunity.title = "Join our young advisers' panel"
    opportunity.save()
    assert cached_counts.version() != before


def test_a_change_outside_the_directory_keeps_the_counts(db, django_user_model):
    before = cached_counts.version()
    django_user_model.objects.create_user("someone", "someone@example.org", "pw")
    assert cached_counts.version() == before


def test_the_counts_are_forgotten_again_when_the_change_is_committed(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        DatasetFactory()
    during = cached_counts.version()
    for callback in callbacks:
        callback()
    assert cached_counts.version() != during, "a count made during the transaction is not kept"


# -- the pages: a count changes at once after publishing, archiving or editing ---------------------


def test_publishing_a_dataset_shows_in_every_count_at_once(client, curator_client, bradford):
    theme = ThemeFactory(slug="early-help", name="Early help")
    shown = DatasetFactory(title="Shown")
    shown.areas.add(bradford)
    shown.themes.add(theme)
    draft = DatasetFactory(title="Waiting", status="submitted")
    draft.areas.add(bradford)
    draft.themes.add(theme)
    pages = ["/", "/datasets/", "/areas/", bradford.get_absolute_url(), "/coverage/", "/coverage/gaps/"]
    pages += ["/themes/", theme.get_absolute_url()]
    before = {url: client.get(url).text for url in pages}  # every count is now kept

    move(curator_client, draft, "datasets", "publish")

    after = {url: client.get(url).text for url in pages}
    assert number_before(before["/"], "datasets") == 1 and number_before(after["/"], "datasets") == 2
    assert listed_count(before["/datasets/"]) == 1 and listed_count(after["/datasets/"]) == 2
    assert 'Bradford</a> <span class="meta">(2 local datasets)' in after["/areas/"]
    assert 'Data covering this area <span class="meta">(2)</span>' in after[bradford.get_absolute_url()]
    assert 'aria-label="2 datasets in Bradford"' in after["/coverage/"]
    assert "<title>Early help: 2 datasets, 0 researchers</title>" in after["/coverage/gaps/"]
    assert "2 datasets · 0 people" in after["/themes/"]
    assert 'Datasets <span class="meta">(2)</span>' in after[theme.get_absolute_url()]


def test_archiving_a_dataset_takes_it_out_of_every_count_at_once(client, curator_client, bradford):
    theme = ThemeFactory(slug="early-help", name="Early help")
    datasets = [DatasetFactory(), DatasetFactory()]
    for dataset in datasets:
        dataset.areas.add(bradford)
        dataset.themes.add(theme)
    pages = ["/", "/datasets/", "/areas/", "/coverage/", "/coverage/gaps/", "/themes/"]
    for url in pages:
        client.get(url)

    move(curator_client, datasets[0], "datasets", "archive")

    assert number_before(client.get("/").text, "datasets") == 1
    assert listed_count(client.get("/datasets/").text) == 1
    assert 'Bradford</a> <span class="meta">(1 local dataset)' in client.get("/areas/").text
    assert 'aria-label="1 dataset in Bradford"' in client.get("/coverage/").text
    assert "<title>Early help: 1 dataset, 0 researchers</title>" in client.get("/coverage/gaps/").text
    assert "1 dataset · 0 people" in client.get("/themes/").text


def test_editing_an_entrys_links_shows_at_once(client, bradford, leeds):
    dataset = DatasetFactory()
    dataset.areas.add(bradford)
    assert 'aria-label="1 dataset in Bradford"' in client.get("/coverage/").text
    assert 'aria-label="0 datasets in Leeds"' in client.get("/coverage/").text

    dataset.areas.set([leeds])

    html = client.get("/coverage/").text
    assert 'aria-label="0 datasets in Bradford"' in html
    assert 'aria-label="1 dataset in Leeds"' in html


def test_signed_in_people_never_see_a_kept_count(client, curator_client, db, monkeypatch):
    """As on a portal whose processes keep caches of their own: the change reaches no other cache."""
    DatasetFactory()
    client.get("/")
    curator_client.get("/")
    monkeypatch.setattr(cached_counts, "forget_counts", lambda: None)

    DatasetFactory()

    assert number_before(client.get("/").text, "datasets") == 1, "a visitor may see the kept count"
    assert number_before(curator_client.get("/").text, "datasets") == 2


# -- the counts shown are exact ---------------------------------------------------------------------


@pytest.fixture
def directory(bradford, leeds):
    """Entries in every status, tagged and placed so that counts could go wrong."""
    parent = ThemeFactory(name="Parent theme", slug="parent-theme")
    child = ThemeFactory(name="Child theme", slug="child-theme", parent=parent)
    busy = OrganisationFactory(name="Busy org")
    for status in ("published", "published", "published", "draft", "archived", "submitted"):
        dataset = DatasetFactory(status=status, custodian=busy)
        dataset.themes.add(parent, child)
        dataset.areas.add(bradford)
        national = DatasetFactory(status=status, coverage_scope="england")
        national.areas.add(leeds)
        national.themes.add(child)
        person = ResearcherFactory(status=status, organisation=busy)
        person.themes.add(child)
        project = ProjectFactory(status=status)
        project.themes.add(parent)
        project.partner_organisations.add(busy)
    return parent, child, busy


def test_the_home_page_counts_are_exact(client, directory):
    html = client.get("/").text
    assert number_before(html, "researchers") == Researcher.objects.published().count()
    assert number_before(html, "datasets") == Dataset.objects.published().count()
    assert number_before(html, "projects") == Project.objects.published().count()
    assert number_before(html, "organisations") == Organisation.objects.published().count()
    assert number_before(html, "themes") == Theme.objects.published().count()


def test_theme_counts_are_exact(client, directory):
    parent, child, _ = directory
    card = f"{Dataset.objects.published().filter(themes=child).count()} datasets · "
    card += f"{Researcher.objects.published().filter(themes=child).count()} people · "
    card += f"{Project.objects.published().filter(themes=child).count()} projects"
    html = client.get("/themes/").text
    assert card in html[html.index(">Child theme</a>") :].split("</article>")[0]
    hub = client.get(parent.get_absolute_url()).text
    in_parent = Dataset.objects.published().in_theme(parent).count()
    assert f'Datasets <span class="meta">({in_parent})</span>' in hub
    people = Researcher.objects.published().in_theme(parent).count()
    assert f'People <span class="meta">({people})</span>' in hub


def test_area_and_coverage_counts_are_exact(client, directory, bradford, leeds):
    published = Dataset.objects.published()
    local = published.filter(areas=bradford).count()
    national = published.filter(coverage_scope__in=Dataset.NATIONAL_SCOPES).count()
    assert f'Bradford</a> <span class="meta">({local} local datasets)' in client.get("/areas/").text
    area = client.get(bradford.get_absolute_url()).text
    assert f'Data covering this area <span class="meta">({local})</span>' in area
    assert f'England-wide and UK-wide data <span class="meta">({national})</span>' in area
    assert f'aria-label="{local} datasets in Bradford"' in client.get("/coverage/").text
    with_national = published.covering([leeds]).count()
    assert f'aria-label="{with_national} datasets in Leeds"' in client.get("/coverage/?national=yes").text


def test_the_gaps_page_counts_are_exact(client, directory):
    parent, child, busy = directory
    html = client.get("/coverage/gaps/").text
    datasets = Dataset.objects.published().in_theme(parent).count()
    researchers = Researcher.objects.published().in_theme(parent).count()
    assert f"<title>Parent theme: {datasets} datasets, {researchers} researchers</title>" in html
    total = (
        Researcher.objects.published().filter(organisation=busy).count()
        + Dataset.objects.published().filter(custodian=busy).count()
        + Project.objects.published().filter(partner_organisations=busy).count()
    )
    row = html[html.index(">Busy org</a>") :].split("</tr>")[0]
    assert re.findall(r"<td[^>]*>(\d+)</td>", row)[-1] == str(total)


def test_list_counts_are_exact_for_each_filter(client, directory, bradford):
    _, child, _ = directory
    published = Dataset.objects.published()
    assert listed_count(client.get("/datasets/").text) == published.count()
    in_child = published.in_theme(child).count()
    assert listed_count(client.get("/datasets/?theme=child-theme").text) == in_child
    covering = published.covering([bradford]).count()
    assert listed_count(client.get("/datasets/?area=E08000032").text) == covering
    assert listed_count(client.get("/datasets/?area=E08000032&sort=-updated").text) == covering


def test_a_bulk_load_of_the_synthetic_directory_forgets_the_counts(client, db):
    from bench.synthetic import Generator

    assert number_before(client.get("/").text, "datasets") == 0
    Generator(researchers=4, datasets=3, projects=2, stream=io.StringIO()).generate()
    published = Dataset.objects.published().count()
    assert published and number_before(client.get("/").text, "datasets") == published
