"""areas.places: the place names search reads, kept in the cache, and the one rule for covering areas."""

from areas.models import Area, PlaceName
from areas.places import Place, covering_values, place_names, place_names_version
from datasets.models import Dataset
from tests.factories import DatasetFactory


def place(name: str) -> Place | None:
    return next((place for place in place_names() if place.name == name), None)


def test_a_place_gives_its_label_sorted_current_codes_and_ambiguity(db):
    assert place("West Yorkshire") == Place(
        name="West Yorkshire",
        label="West Yorkshire",
        codes=("E08000032", "E08000033", "E08000034", "E08000035", "E08000036"),
        ambiguous=False,
    )
    assert place("Bury").ambiguous


def test_the_list_is_built_in_one_query_however_many_names_and_areas(db, django_assert_num_queries):
    areas = list(Area.objects.all()[:3])
    for number in range(40):
        PlaceName.objects.create(name=f"Place {number}", kind=PlaceName.Kind.EVERYDAY).areas.set(areas)
    expected = PlaceName.objects.count()
    with django_assert_num_queries(1):
        assert len(place_names()) == expected


def test_the_list_is_read_from_the_cache_afterwards(db, django_assert_num_queries):
    first = place_names()
    with django_assert_num_queries(0):
        assert place_names() == first


def test_a_name_that_stands_for_no_area_is_left_out(db):
    PlaceName.objects.create(name="Nowhere", kind=PlaceName.Kind.EVERYDAY)
    assert place("Nowhere") is None


def test_a_new_name_is_seen_at_once(db, bradford):
    place_names()
    PlaceName.objects.create(name="Brontë Country", kind=PlaceName.Kind.EVERYDAY).areas.add(bradford)
    assert place("Brontë Country").codes == ("E08000032",)


def test_a_name_losing_an_area_is_seen_at_once(db, leeds):
    place_names()
    PlaceName.objects.get(name="West Yorkshire").areas.remove(leeds)
    assert "E08000035" not in place("West Yorkshire").codes


def test_a_changed_or_deleted_area_is_seen_at_once(db, bradford, leeds):
    place_names()
    bradford.code = "E08099999"
    bradford.save()
    assert place("Bradford").codes == ("E08099999",)
    leeds.delete()
    assert place("Leeds") is None
    assert "E08000035" not in place("West Yorkshire").codes


def test_the_version_changes_again_when_the_change_commits(db, django_capture_on_commit_callbacks):
    before = place_names_version()
    with django_capture_on_commit_callbacks() as callbacks:
        PlaceName.objects.filter(name="Hull").get().save()
        during = place_names_version()
    assert during != before
    for callback in callbacks:
        callback()
    # A list someone built from the rows before the commit is no longer the current one.
    assert place_names_version() not in (before, during)


def test_covering_values_are_the_codes_then_england_and_uk_wide():
    assert covering_values(["E08000035", "E08000032", "E08000035"]) == [
        "E08000032",
        "E08000035",
        "england",
        "uk",
    ]
    assert covering_values([]) == ["england", "uk"]


def test_the_dataset_filter_follows_the_same_rule(db, bradford, leeds):
    listed = DatasetFactory()
    listed.areas.add(bradford)
    DatasetFactory().areas.add(leeds)
    england, uk = DatasetFactory(coverage_scope="england"), DatasetFactory(coverage_scope="uk")
    DatasetFactory()

    values = set(covering_values([bradford.code]))
    by_rule = {
        dataset
        for dataset in Dataset.objects.prefetch_related("areas")
        if values & ({area.code for area in dataset.areas.all()} | {dataset.coverage_scope})
    }
    assert set(Dataset.objects.covering([bradford])) == by_rule == {listed, england, uk}
