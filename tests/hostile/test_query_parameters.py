"""Every query parameter of every public page and JSON endpoint takes any text without a server error.

The parameters come from the code: each list's filterset (through the API router, which names the
filterset of every list), the search facets, the coverage and theme-hub filtersets, so a new filter
is fuzzed as soon as it exists. Lists report and ignore values they cannot use (200); the API
answers them with 400 or 404.
"""

from urllib.parse import quote

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from api.urls import router
from coverage.filters import CoverageFilter
from editing.views import CHOICE_KINDS
from feeds.sitemaps import SITEMAPS
from search.service import FACETS, SORTS
from themes.filters import FindingFilter

from .inputs import check_answer, fuzz, junk, parameters

pytestmark = pytest.mark.django_db

KNOWN = ["known", "known-child", "Known University", "Known dataset", "E08000032", "08000032", "1", "2"]


def names_of(filterset_class) -> dict[str, list[str]]:
    """Each filter's name with the values it accepts when it lists them, else the directory's names."""
    names = {}
    for name, field in filterset_class.base_filters.items():
        choices = field.extra.get("choices")
        names[name] = [str(value) for value, _ in choices] if isinstance(choices, list | tuple) else KNOWN
    return names


def list_filtersets():
    """(model, filterset) of every list the API router serves with filters; the pages use the same."""
    return [
        (viewset.filterset_class._meta.model, viewset.filterset_class)
        for _, viewset, _ in router.registry
        if getattr(viewset, "filterset_class", None)
    ]


PAGING = {"page": ["1", "2", "last", "0", "50", "51"], "format": ["csv", "json", "html"]}
SEARCH = {"q": KNOWN, "sort": list(SORTS), **{name: KNOWN for name in FACETS}, "page": PAGING["page"]}

# (address, its parameters with some valid values, the statuses it may answer)
PAGES = [
    *[
        (reverse(f"{model._meta.app_label}:list"), {**names_of(filters), **PAGING}, {200})
        for model, filters in list_filtersets()
    ],
    (reverse("search:search"), {**SEARCH, "format": ["csv"]}, {200}),
    (reverse("search:suggest"), {"q": KNOWN}, {200}),
    *[(reverse("editing:choices", args=[kind]), {"q": KNOWN}, {200}) for kind in CHOICE_KINDS],
    (reverse("coverage:map"), names_of(CoverageFilter), {200}),
    (reverse("coverage:gaps"), {}, {200}),
    (reverse("themes:detail", args=["known"]), {**names_of(FindingFilter), "page": PAGING["page"]}, {200}),
    (reverse("collection:list"), {"page": PAGING["page"]}, {200}),
    (reverse("collection:detail", args=["known"]), {}, {200}),
    (reverse("areas:list"), {}, {200}),
    (reverse("areas:detail", args=["E08000032"]), {}, {200}),
    (reverse("journey:journey"), {}, {200}),
    (reverse("journey:summary-csv"), {}, {200}),
    (reverse("feeds:new"), {}, {200}),
    (reverse("feeds:theme", args=["known"]), {}, {200}),
    (reverse("feeds:robots"), {}, {200}),
    (reverse("feeds:sitemap-index"), {"p": PAGING["page"]}, {200, 404}),
    *[
        (reverse("feeds:sitemap-section", args=[section]), {"p": PAGING["page"]}, {200, 404})
        for section in SITEMAPS
    ],
    # A page the catalogue does not have is refused with the pages it has.
    (reverse("catalogue:dcat-jsonld"), {"page": PAGING["page"]}, {200, 400}),
    (reverse("catalogue:dcat-turtle"), {"page": PAGING["page"]}, {200, 400}),
    (reverse("datasets:dcat-turtle", args=["known"]), {}, {200}),
    (reverse("home"), {}, {200}),
    *[
        (reverse(name, args=["known"]), {}, {200})
        for name in ["people:detail", "datasets:detail", "projects:detail", "organisations:detail"]
    ],
]

API = [
    *[
        (f"/api/v1/{prefix}/", {**names_of(viewset.filterset_class), "page": PAGING["page"]})
        for prefix, viewset, _ in router.registry
        if getattr(viewset, "filterset_class", None)
    ],
    ("/api/v1/areas/", {}),
    (reverse("api:search"), SEARCH),
]


@pytest.mark.parametrize("url, names, allowed", PAGES, ids=[page[0] for page in PAGES])
@fuzz(12)
@given(data=st.data())
def test_pages_answer_any_query_without_a_server_error(client, directory, url, names, allowed, data):
    query = data.draw(parameters(names))
    if query.get("format") == "csv":
        # A page shows a refused value as the form's error; a download has no form, so it answers 400.
        allowed = allowed | {400}
    check_answer(client.get(url, query), allowed)


@pytest.mark.parametrize("url, names", API, ids=[api[0] for api in API])
@fuzz(15)
@given(data=st.data())
def test_the_api_answers_any_query_with_data_or_a_reason(client, directory, url, names, data):
    names = {**names, "page_size": ["1", "100", "101", "-1"], "format": ["json", "api", "csv"]}
    response = client.get(url, data.draw(parameters(names)))
    check_answer(response, {200, 400, 404})
    if response.status_code == 400:
        assert response.json(), "a 400 from the API says what was wrong"


@fuzz(20)
@given(accept=junk, suffixless=st.sampled_from([reverse("catalogue:dcat"), "/datasets/known/dcat"]))
def test_the_catalogue_answers_any_accept_header(client, directory, accept, suffixless):
    response = client.get(suffixless, HTTP_ACCEPT=accept.encode("utf-8", "replace").decode("latin-1"))
    check_answer(response, {200, 406})


@fuzz(40)
@given(code=junk)
def test_any_area_code_in_the_address_finds_the_area_or_says_it_is_not_there(client, directory, code):
    check_answer(client.get(f"/areas/{quote(code, safe='')}/"), {200, 301, 404})


@fuzz(25)
@given(slug=junk, prefix=st.sampled_from(["researchers", "datasets", "projects", "organisations", "themes"]))
def test_any_slug_in_the_address_is_an_entry_or_not_found(client, directory, slug, prefix):
    check_answer(client.get(f"/{prefix}/{quote(slug, safe='')}/"), {200, 404})


@fuzz(20)
@given(token=junk)
def test_any_unsubscribe_token_is_refused_or_asks_first(client, directory, token):
    check_answer(client.get(f"/following/unsubscribe/{quote(token, safe='')}/"), {200, 400, 404})
