from django.apps import AppConfig


class AreasConfig(AppConfig):
    name = "areas"
    verbose_name = "Areas (local authorities)"

    def ready(self) -> None:
        from . import signals

        signals.connect(self)
