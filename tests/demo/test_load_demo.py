from django.core.management import call_command

from datasets.models import Dataset
from organisations.models import Organisation
from people.models import Researcher
from projects.models import DatasetUsage, Membership, Output, Project
from tests.reference import reference_rows

MODELS = [Organisation, Researcher, Dataset, Project, Membership, DatasetUsage, Output]


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


def test_the_demo_fills_every_page_and_loading_it_twice_adds_nothing(db):
    call_command("load_demo", stdout=open("/dev/null", "w"))
    first = counts()
    call_command("load_demo", stdout=open("/dev/null", "w"))
    assert counts() == first
    assert Researcher.objects.published().count() >= 40
    assert Dataset.objects.published().count() >= 25
    assert Project.objects.published().count() >= 15
    assert Organisation.objects.published().filter(is_n8_member=False, is_sample=False).count() >= 12


def test_the_demo_has_the_n8_universities_with_their_ror_ids(db):
    call_command("load_demo", stdout=open("/dev/null", "w"))
    expected = {row["name"]: row["ror"] for row in reference_rows("n8-universities.csv")}
    n8 = {
        organisation.name: organisation.ror_url
        for organisation in Organisation.objects.filter(is_n8_member=True)
    }
    assert n8 == expected


def test_fictional_people_and_projects_are_marked_as_sample_data(db):
    call_command("load_demo", stdout=open("/dev/null", "w"))
    assert not Researcher.objects.filter(is_sample=False).exists()
    assert not Project.objects.filter(is_sample=False).exists()
    assert not Researcher.objects.exclude(orcid="").exists()
    assert not Researcher.objects.exclude(email__endswith="@example.org").exists()
    assert Dataset.objects.filter(is_sample=False, custodian__is_sample=True).count() == 0
    assert not Dataset.objects.filter(is_sample=True, custodian__is_sample=False).exists()


def test_every_demo_filter_value_finds_something(client, db):
    call_command("load_demo", stdout=open("/dev/null", "w"))
    for stage in ["antenatal", "early-years", "primary", "secondary", "post-16", "young-adults"]:
        assert client.get(f"/datasets/?life_stage={stage}").context["page"].paginator.count > 0, stage
    for level in ["open", "safeguarded", "controlled"]:
        assert client.get(f"/datasets/?access_level={level}").context["page"].paginator.count > 0, level
    for offer in ["collaboration", "supervision", "advising", "media", "speaking"]:
        assert client.get(f"/researchers/?open_to={offer}").context["page"].paginator.count > 0, offer
    for stage in ["planned", "active", "completed"]:
        assert client.get(f"/projects/?stage={stage}").context["page"].paginator.count > 0, stage
