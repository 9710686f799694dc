from django.urls import path

from . import views

app_name = "following"
urlpatterns = [
    path("", views.following_list, name="list"),
    path("search/", views.follow_search, name="follow-search"),
    path("themes/<slug:slug>/", views.follow_theme, name="follow-theme"),
    path("areas/<str:code>/", views.follow_area, name="follow-area"),
    path("<int:pk>/unfollow/", views.unfollow, name="unfollow"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
