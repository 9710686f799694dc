from django.contrib.sitemaps import views as sitemap_views
from django.urls import path

from . import views
from .feeds import EntryFeed, OpportunityFeed, ThemeFeed
from .sitemaps import SITEMAPS

app_name = "feeds"
urlpatterns = [
    path("robots.txt", views.robots, name="robots"),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "feeds:sitemap-section"},
        name="sitemap-index",
    ),
    path("sitemap-<section>.xml", sitemap_views.sitemap, {"sitemaps": SITEMAPS}, name="sitemap-section"),
    path("feeds/new.atom", EntryFeed(), name="new"),
    path("feeds/themes/<slug:slug>.atom", ThemeFeed(), name="theme"),
    path("feeds/get-involved.atom", OpportunityFeed(), name="opportunities"),
]
