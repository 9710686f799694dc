"""One rule for "data covering an area", whether chosen on the search page, the dataset list or the API."""

from search.service import search
from tests.factories import DatasetFactory


def test_search_the_dataset_list_and_the_api_agree_on_the_data_covering_an_area(
    client, bradford, leeds, committed
):
    with committed():
        DatasetFactory(title="Bradford births").areas.add(bradford)
        DatasetFactory(title="Leeds births").areas.add(leeds)
        DatasetFactory(title="England births", coverage_scope="england")
        DatasetFactory(title="UK births", coverage_scope="uk")
    expected = {"Bradford births", "England births", "UK births"}

    searched = search("births", {"area": bradford.code, "kind": "dataset"})
    listed = client.get("/datasets/", {"area": bradford.code}).context["page"].object_list
    api = client.get("/api/v1/datasets/", {"area": bradford.code}).json()["results"]

    assert {hit.title for hit in searched.hits} == expected
    assert {dataset.title for dataset in listed} == expected
    assert {dataset["title"] for dataset in api} == expected
    # The facet's count says what choosing it gives.
    facet = next(value for value in search("births").facets["area"] if value.value == bradford.code)
    assert facet.count == len(expected)


def test_a_place_typed_in_the_words_follows_the_same_rule(bradford, leeds, committed):
    with committed():
        DatasetFactory(title="Bradford births").areas.add(bradford)
        DatasetFactory(title="Leeds births").areas.add(leeds)
        DatasetFactory(title="England births", coverage_scope="england")
    results = search("births Bradford")
    assert [hit.title for hit in results.hits] == ["Bradford births", "England births"]
    assert results.reading.codes == (bradford.code,)


def test_life_stages_are_listed_youngest_first_whatever_their_counts(db, committed):
    with committed():
        DatasetFactory.create_batch(3, title="Births register", min_age=16, max_age=18)
        DatasetFactory(title="Births nursery", min_age=0, max_age=4)
        DatasetFactory(title="Births school", min_age=7, max_age=11)
    stages = [value.value for value in search("births").facets["life_stage"]]
    assert stages == ["early-years", "primary", "post-16"]
