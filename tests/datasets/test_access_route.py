"""A dataset's route to access as facts: on its page, in its form, in the list's time filter and the API."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from datasets.models import AccessStep, Dataset, Observation
from editing.forms import DatasetForm
from tests.factories import DatasetFactory

pytestmark = pytest.mark.django_db


def page(client, dataset) -> str:
    response = client.get(dataset.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_the_page_leads_with_how_to_apply_and_says_what_is_not_yet_known(client):
    dataset = DatasetFactory(access_service="secure-environment", trusted_research_environment="ONS SRS")
    html = page(client, dataset)
    assert html.index('href="#how-to-apply"') < html.index('id="how-to-apply"')
    assert "In a secure environment (trusted research environment)" in html and "ONS SRS" in html
    # Cost, who may apply, conditions, weeks, who decides, controller, processor, jurisdiction and steps.
    assert html.count('Not yet known: <a href="#enquiry">ask the custodian</a>') == 9
    assert 'id="enquiry"' in html
    assert "Nobody has confirmed these facts with the custodian yet." in html


def test_the_page_shows_every_fact_given(client):
    dataset = DatasetFactory(
        access_service="data-service",
        who_may_apply=["uk-researchers", "nhs"],
        access_conditions=["ethics-approval"],
        cost="charged",
        cost_note="£500 a project",
        weeks_to_access_from=8,
        weeks_to_access_to=12,
        access_decided_by="The data access committee",
        data_controller="Test Council",
        data_processor="Test Trust",
        jurisdiction="GB-ENG",
        access_confirmed_on=datetime.date(2026, 6, 30),
        access_confirmed_by="the data team",
    )
    AccessStep.objects.create(dataset=dataset, position=2, title="Sign the agreement")
    AccessStep.objects.create(
        dataset=dataset, position=1, title="Send a proposal", url="https://example.org/p"
    )
    Observation.objects.create(dataset=dataset, count=13_776, observed_on=datetime.date(2011, 12, 31))
    html = page(client, dataset)
    assert "Not yet known" not in html
    assert "Researchers at UK institutions, NHS staff" in html and "Ethics approval" in html
    assert "Charged" in html and "£500 a project" in html and "8–12 weeks" in html
    assert html.index("Send a proposal") < html.index("Sign the agreement")
    assert '<a href="https://example.org/p">Send a proposal</a>' in html
    assert "13,776 as of 31 December 2011" in html
    assert "last confirmed on 30 June 2026 by the data team" in html


def test_the_detail_page_costs_the_same_with_many_steps_and_counts(client, django_assert_max_num_queries):
    few, many, warm_up = DatasetFactory(), DatasetFactory(), DatasetFactory()
    for number in range(1, 21):
        AccessStep.objects.create(dataset=many, position=number, title=f"Step {number}")
        Observation.objects.create(dataset=many, count=number, observed_on=datetime.date(2000 + number, 1, 1))
    # Each page once, after a warm-up on a third: the counts pages keep are then counted, and no page is
    # served again from a cache.
    client.get(warm_up.get_absolute_url())
    with CaptureQueriesContext(connection) as queries:
        client.get(few.get_absolute_url())
    with django_assert_max_num_queries(len(queries)):
        client.get(many.get_absolute_url())


@pytest.mark.parametrize(
    "within, expected",
    [("4", ["quick"]), ("13", ["quick", "one figure"]), ("52", ["quick", "one figure", "slow"])],
)
def test_the_list_and_the_api_keep_datasets_got_within_the_time(client, within, expected):
    DatasetFactory(title="quick", weeks_to_access_from=1, weeks_to_access_to=4)
    DatasetFactory(title="one figure", weeks_to_access_from=10)
    DatasetFactory(title="slow", weeks_to_access_from=26, weeks_to_access_to=40)
    DatasetFactory(title="not known")
    response = client.get(f"/datasets/?within={within}")
    assert sorted(d.title for d in response.context["page"].object_list) == sorted(expected)
    api = client.get(f"/api/v1/datasets/?within={within}").json()
    assert sorted(d["title"] for d in api["results"]) == sorted(expected)


def test_a_time_filter_it_does_not_offer_is_refused(client):
    assert client.get("/api/v1/datasets/?within=3").status_code == 400


def test_the_model_refuses_a_wait_in_the_wrong_order_and_none_with_others():
    dataset = DatasetFactory.build(
        weeks_to_access_from=12, weeks_to_access_to=4, access_conditions=["none", "ethics-approval"]
    )
    with pytest.raises(ValidationError) as refused:
        dataset.clean()
    assert set(refused.value.message_dict) == {"weeks_to_access_to", "access_conditions"}


def test_the_conditions_are_kept_in_the_order_of_the_choices():
    dataset = DatasetFactory(access_conditions=["training", "ethics-approval", "training"])
    dataset.refresh_from_db()
    assert dataset.access_conditions == ["ethics-approval", "training"]


def test_the_form_takes_ticked_boxes_and_a_csv_cell_alike():
    field = DatasetForm.base_fields["access_conditions"]
    assert field.clean(["ethics-approval"]) == ["ethics-approval"]
    assert field.clean("Ethics approval; data-sharing-agreement") == [
        "ethics-approval",
        "data-sharing-agreement",
    ]
    with pytest.raises(ValidationError):
        field.clean("a signed letter")


def test_a_single_figure_reads_as_about_that_many_weeks():
    assert Dataset(weeks_to_access_from=6).time_to_access == "About 6 weeks"
    assert Dataset(weeks_to_access_to=1).time_to_access == "About 1 week"
    assert Dataset().time_to_access == ""
    assert Dataset(weeks_to_access_from=0, weeks_to_access_to=1).time_to_access == "Up to 1 week"
    assert Dataset(weeks_to_access_from=0, weeks_to_access_to=0).time_to_access == "Straight away"
