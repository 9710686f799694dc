from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter

from core.ratelimits import limited
from datasets.dictionary.api import VariableViewSet

from . import errors, views

app_name = "api"
router = DefaultRouter()
router.register("researchers", views.ResearcherViewSet, basename="researcher")
router.register("datasets", views.DatasetViewSet, basename="dataset")
router.register("projects", views.ProjectViewSet, basename="project")
router.register("organisations", views.OrganisationViewSet, basename="organisation")
router.register("themes", views.ThemeViewSet, basename="theme")
router.register("opportunities", views.OpportunityViewSet, basename="opportunity")
router.register("areas", views.AreaViewSet, basename="area")
router.register("variables", VariableViewSet, basename="variable")

urlpatterns = [
    path("v1/", include(router.urls)),
    # Limited as the search page is: it runs the same search.
    path("v1/search/", limited("search")(views.SearchView.as_view()), name="search"),
    path("v1/schema/", SpectacularAPIView.as_view(), name="schema"),
    # Last under v1/: an address that names no operation answers JSON, as the operations do.
    re_path(r"^v1/(?P<rest>.*)$", errors.not_found),
    path("", views.documentation, name="documentation"),
]
