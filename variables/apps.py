from django.apps import AppConfig


class VariablesConfig(AppConfig):
    name = "variables"
    verbose_name = "Data dictionaries (variables)"

    def ready(self) -> None:
        # The HDR UK export asks its providers for structural metadata; ours is the data dictionary.
        from datasets import hdruk

        from .hdruk import structural_metadata

        hdruk.STRUCTURAL_METADATA_PROVIDERS.append(structural_metadata)
