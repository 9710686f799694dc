from django.apps import AppConfig


class EditingConfig(AppConfig):
    name = "editing"
    verbose_name = "Editing and review"

    def ready(self):
        from . import history

        history.register_versioned_models()
