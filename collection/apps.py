from django.apps import AppConfig


class CollectionConfig(AppConfig):
    # Not "collections", which would shadow the standard library's module of that name.
    name = "collection"
    verbose_name = "Collections"
