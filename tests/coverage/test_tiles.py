from areas.models import Area
from coverage.scale import OUTLINE, PALETTE, WHITE, class_for, colour_classes, contrast
from coverage.tiles import TILES


def test_every_area_has_exactly_one_tile(db):
    codes = set(Area.objects.values_list("code", flat=True))
    assert len(codes) == 62
    assert set(TILES) == codes


def test_no_two_tiles_share_a_place_or_an_abbreviation():
    places = [(tile.column, tile.row) for tile in TILES.values()]
    abbreviations = [tile.abbreviation for tile in TILES.values()]
    assert len(set(places)) == len(places)
    assert len(set(abbreviations)) == len(abbreviations)


def test_labels_on_every_colour_have_enough_contrast():
    for fill, ink in PALETTE:
        assert contrast(fill, ink) >= 4.5, fill


def test_tiles_stand_out_from_the_page_by_their_outline():
    assert contrast(OUTLINE, WHITE) >= 3


def test_there_are_six_classes_and_every_count_falls_in_one():
    classes = colour_classes([0, 1, 4, 12, 30])
    assert len(classes) == 6
    assert class_for(0, classes).index == 0
    assert class_for(1, classes).index == 1
    assert class_for(30, classes).index == 5
    assert classes[-1].label == "25 or more"


def test_classes_start_at_the_smallest_count_above_nothing():
    classes = colour_classes([7, 8, 9, 10, 11, 12])
    assert [each.label for each in classes] == ["0", "7–8", "9–10", "11–12", "13–14", "15 or more"]
