import pytest
from django.core.exceptions import ValidationError

from tests.factories import ThemeFactory
from themes.models import Theme


def test_the_n8_themes_and_child_of_the_north_priorities_are_seeded(db):
    names = set(Theme.objects.published().values_list("name", flat=True))
    assert {"Digital Health", "Digital Humanities", "Machine Learning"} <= names
    assert {
        "Early years",
        "Education",
        "Mental health",
        "Youth justice",
        "Special educational needs",
    } <= names


def test_themes_are_at_most_two_levels_deep(db):
    top = ThemeFactory()
    middle = ThemeFactory(parent=top)
    too_deep = ThemeFactory.build(parent=middle)
    with pytest.raises(ValidationError) as error:
        too_deep.full_clean()
    assert "parent" in error.value.message_dict


def test_a_theme_with_sub_themes_stays_at_the_top(db):
    top = ThemeFactory()
    ThemeFactory(parent=top)
    top.parent = ThemeFactory()
    with pytest.raises(ValidationError):
        top.full_clean()


def test_a_sub_theme_shares_its_parents_family(db):
    top = ThemeFactory(family=Theme.Family.DATA_SCIENCE)
    sub = ThemeFactory.build(parent=top, family=Theme.Family.CHILD_OF_THE_NORTH)
    with pytest.raises(ValidationError) as error:
        sub.full_clean()
    assert "family" in error.value.message_dict
