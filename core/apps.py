from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Shared building blocks"

    def ready(self) -> None:
        from core import cached_counts, checks  # noqa: F401  (checks registers the deployment checks)

        cached_counts.connect()
