from django.apps import AppConfig


class JourneyConfig(AppConfig):
    name = "journey"
    verbose_name = "Journey to data"
