from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"

    def ready(self) -> None:
        from . import cache, signals

        signals.connect()
        cache.connect()
