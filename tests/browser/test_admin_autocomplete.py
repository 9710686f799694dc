"""The admin's autocomplete boxes, mended for screen readers (static/js/admin-autocomplete.js), still work."""

import pytest

from datasets.models import Dataset

from .conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_the_clear_button_still_empties_a_box_after_it_is_moved(page, demo_site, curator):
    dataset = Dataset.objects.filter(themes__isnull=False).distinct().order_by("slug").first()
    page.goto(f"{demo_site}/admin/login/")
    page.get_by_label("Username").fill(curator.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.goto(f"{demo_site}/admin/datasets/dataset/{dataset.pk}/change/")

    themes = page.locator(".field-themes .select2-selection--multiple")
    clear = themes.locator("> .select2-selection__clear")
    assert themes.locator(".select2-selection__choice").count() > 0
    assert clear.count() == 1, "the clear button sits beside the list of chosen themes"
    assert themes.locator(".select2-search__field").get_attribute("aria-label") == "Search the choices"

    clear.dispatch_event("mousedown")

    assert themes.locator(".select2-selection__choice").count() == 0
    assert page.locator("#id_themes option:checked").count() == 0
