import datetime
import re

import pytest
from django.utils import timezone

from areas.models import Area
from search.models import SearchLog
from tests.coverage.conftest import svg_of
from tests.factories import (
    DatasetFactory,
    OrganisationFactory,
    ProjectFactory,
    ResearcherFactory,
    ThemeFactory,
)


def test_themes_show_published_datasets_and_researchers_with_sub_themes_counted_once(client, db):
    theme = ThemeFactory(name="Gap theme")
    sub_theme = ThemeFactory(name="Gap sub-theme", parent=theme)
    both = DatasetFactory()
    both.themes.add(theme, sub_theme)
    DatasetFactory().themes.add(sub_theme)
    DatasetFactory(status="draft").themes.add(theme)
    ResearcherFactory(status="draft").themes.add(theme)

    response = client.get("/coverage/gaps/")
    html = response.content.decode()

    assert response.status_code == 200
    assert "<title>Gap theme: 2 datasets, 0 researchers</title>" in html
    assert "2 more datasets" in html
    assert "Gap sub-theme" not in html  # counted into its parent, not listed on its own


def test_themes_are_sorted_by_imbalance(client, db):
    ThemeFactory(name="Balanced theme")
    lopsided = ThemeFactory(name="Lopsided theme")
    for _ in range(3):
        ResearcherFactory().themes.add(lopsided)

    html = client.get("/coverage/gaps/").content.decode()

    assert html.index("Lopsided theme") < html.index("Balanced theme")
    assert "3 more researchers" in html


def test_theme_names_are_escaped_in_the_chart_and_tables(client, db):
    theme = ThemeFactory(name="<script>alert('gap')</script> & more")
    DatasetFactory().themes.add(theme)
    DatasetFactory(custodian=OrganisationFactory(name="Org <b>bold</b>"))

    html = client.get("/coverage/gaps/").content.decode()
    svg = svg_of(html, "balance-chart")

    assert "<script>" not in html
    assert "<b>" not in html
    assert "&lt;script&gt;alert(&#x27;gap&#x27;)&lt;/script&gt; &amp; more" in html
    assert any(theme.name in (title.text or "") for title in svg.iter("title"))


def test_the_areas_with_least_local_data_come_first(client, bradford):
    dataset = DatasetFactory()
    dataset.areas.set(Area.objects.exclude(pk=bradford.pk))
    DatasetFactory(status="draft").areas.add(bradford)
    DatasetFactory(coverage_scope="uk")

    html = client.get("/coverage/gaps/").content.decode()
    section = html[html.index('id="areas-heading"') : html.index('id="organisations-heading"')]

    assert section.index("Bradford") < section.index("Barnsley")
    assert (
        '<a href="/areas/E08000032/">Bradford</a> <span class="meta">(Yorkshire and The Humber: 0 local datasets)'
        in section
    )
    assert 'Barnsley</a> <span class="meta">(Yorkshire and The Humber: 1 local dataset)' in section
    assert section.count("<li>") == 10


def test_the_matrix_counts_each_organisations_entries_per_theme(client, db):
    theme = ThemeFactory(name="Matrix theme")
    sub_theme = ThemeFactory(parent=theme)
    university = OrganisationFactory(name="Northern University", is_n8_member=True)
    ResearcherFactory(organisation=university).themes.add(theme)
    DatasetFactory(custodian=university).themes.add(sub_theme)
    project = ProjectFactory()
    project.themes.add(theme, sub_theme)
    project.partner_organisations.add(university)
    DatasetFactory(custodian=university, status="draft").themes.add(theme)

    html = client.get("/coverage/gaps/").content.decode()
    section = html[html.index('id="organisations-heading"') :]
    row = section[section.index("Northern University") :]
    row = row[: row.index("</tr>")]

    assert "(N8)" in row
    assert re.search(r'<td class="shade-[1-5]">3</td>', row)  # a researcher, a dataset, a project


def test_the_matrix_is_limited_to_the_15_organisations_with_most_entries(client, db):
    for index in range(17):
        organisation = OrganisationFactory(name=f"Busy {index:02d}")
        for _ in range(index + 1):
            ResearcherFactory(organisation=organisation)

    html = client.get("/coverage/gaps/").content.decode()

    assert "Busy 16" in html
    assert "Busy 02" in html
    assert "Busy 01" not in html


@pytest.fixture
def searches(db):
    for query in ["kinship carers", "kinship carers", "a name and an address"]:
        SearchLog.objects.create(query=query, result_count=0)
    SearchLog.objects.create(query="found something", result_count=3)
    old = SearchLog.objects.create(query="long ago", result_count=0)
    SearchLog.objects.filter(pk=old.pk).update(created=timezone.now() - datetime.timedelta(days=91))


def test_curators_see_the_searches_that_found_nothing(curator_client, searches):
    html = curator_client.get("/coverage/gaps/").content.decode()

    assert "Searches that found nothing" in html
    assert '<th scope="row">kinship carers</th><td>2</td>' in html
    assert "found something" not in html
    assert "long ago" not in html


@pytest.mark.parametrize("persona", ["client", "visitor_client"])
def test_others_never_see_what_people_searched_for(request, persona, searches):
    html = request.getfixturevalue(persona).get("/coverage/gaps/").content.decode()

    assert "kinship carers" not in html
    assert "a name and an address" not in html
    assert "Searches that found nothing" not in html


def test_the_gaps_page_costs_the_same_queries_for_2_or_20_entries(count_queries, bradford):
    theme = ThemeFactory()

    def add(rows: int) -> None:
        for _ in range(rows):
            organisation = OrganisationFactory()
            sub_theme = ThemeFactory(parent=theme)
            dataset = DatasetFactory(custodian=organisation)
            dataset.areas.add(bradford)
            dataset.themes.add(theme, sub_theme)
            ResearcherFactory(organisation=organisation).themes.add(sub_theme)
            project = ProjectFactory()
            project.themes.add(theme)
            project.partner_organisations.add(organisation)
            SearchLog.objects.create(query=f"nothing {rows}", result_count=0)

    add(2)
    few = count_queries("/coverage/gaps/")
    add(18)
    assert count_queries("/coverage/gaps/") == few


def test_the_gaps_page_costs_the_same_queries_for_curators(curator_client, bradford):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert curator_client.get("/coverage/gaps/").status_code == 200
        return len(queries)

    DatasetFactory().themes.add(ThemeFactory())
    few = count()
    for index in range(20):
        SearchLog.objects.create(query=f"nothing {index}", result_count=0)
        ResearcherFactory().themes.add(ThemeFactory())
    assert count() == few
