from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class JobsConfig(AppConfig):
    name = "jobs"
    verbose_name = "Background jobs"

    def ready(self) -> None:
        # Each app's tasks.py registers its kinds of job (jobs.registry), as admin.py registers models.
        autodiscover_modules("tasks")
