from django.contrib import admin
from django.urls import include, path

from contact import views as contact_views
from core import views as core_views
from core.ratelimits import limited

admin.site.site_header = "N8 Children & Young People data portal"
admin.site.site_title = "N8 CYP portal admin"
# The admin's own sign-in form is limited as the site's is, so it is no way round that limit.
admin.site.login = limited("sign-in", methods=["POST"])(admin.site.login)

urlpatterns = [
    path("", core_views.home, name="home"),
    path("about/", core_views.about, name="about"),
    path("privacy/", core_views.privacy, name="privacy"),
    path("accessibility/", core_views.accessibility, name="accessibility"),
    path("cookies/", core_views.cookies, name="cookies"),
    path("contact/", contact_views.contact, name="contact"),
    path("health/", core_views.health, name="health"),
    path("search/", include("search.urls")),
    path("researchers/", include("people.urls")),
    path("datasets/", include("datasets.urls")),
    # A dataset's data dictionary (datasets/<slug>/variables/…), its imports, and comparing datasets.
    path("", include("datasets.dictionary.urls")),
    path("projects/", include("projects.urls")),
    path("get-involved/", include("involvement.urls")),
    path("organisations/", include("organisations.urls")),
    path("themes/", include("themes.urls")),
    path("collections/", include("collection.urls")),
    path("areas/", include("areas.urls")),
    path("coverage/", include("coverage.urls")),
    path("accounts/", include("accounts.urls")),
    path("import/", include("transfer.urls")),
    path("harvest/", include("harvest.urls")),
    path("curation/", include("curation.urls")),
    path("jobs/", include("jobs.urls")),
    path("catalogue/", include("catalogue.urls")),
    path("", include("editing.urls")),
    path("api/", include("api.urls")),
    path("", include("feeds.urls")),
    path("journey/", include("journey.urls")),
    path("introductions/", include("introductions.urls")),
    path("following/", include("following.urls")),
    path("admin/", admin.site.urls),
    # Last, so a real page always wins: /people/, /map/, /login/ … sent on to the right address.
    path("", include("core.urls")),
]

handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"
