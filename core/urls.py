"""Addresses people type from memory or guess, sent on for good to the page they mean.

Each is a permanent redirect that keeps the query string (`/data/?area=E08000032` goes to
`/datasets/?area=E08000032`). These are included after every real page, so they never hide one.
"""

from django.urls import path
from django.views.generic import RedirectView

app_name = "core"

# The address people type → the name of the page they mean.
NATURAL_ADDRESSES = {
    "people/": "people:list",
    "people/<slug:slug>/": "people:detail",
    "researcher/": "people:list",
    "researcher/<slug:slug>/": "people:detail",
    "data/": "datasets:list",
    "data/<slug:slug>/": "datasets:detail",
    "dataset/": "datasets:list",
    "dataset/<slug:slug>/": "datasets:detail",
    "project/": "projects:list",
    "project/<slug:slug>/": "projects:detail",
    "organisation/": "organisations:list",
    "organisation/<slug:slug>/": "organisations:detail",
    "organizations/": "organisations:list",
    "organizations/<slug:slug>/": "organisations:detail",
    "organization/": "organisations:list",
    "organization/<slug:slug>/": "organisations:detail",
    "theme/": "themes:list",
    "theme/<slug:slug>/": "themes:detail",
    "topics/": "themes:list",
    "area/": "areas:list",
    "area/<str:code>/": "areas:detail",
    "collection/": "collection:list",
    "collection/<slug:slug>/": "collection:detail",
    "map/": "coverage:map",
    "gaps/": "coverage:gaps",
    "basket/": "journey:journey",
    "dashboard/": "curation:dashboard",
    "account/": "accounts:account",
    "login/": "accounts:sign-in",
    "log-in/": "accounts:sign-in",
    "signin/": "accounts:sign-in",
    "sign-in/": "accounts:sign-in",
}

urlpatterns = [
    path(address, RedirectView.as_view(pattern_name=name, permanent=True, query_string=True))
    for address, name in NATURAL_ADDRESSES.items()
]
