"""A change to a place name or an area makes search read the place names again (areas/places.py).

Bulk updates (QuerySet.update, bulk_create) send no signals: call places.forget_place_names() after them.
"""

from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save

from .models import Area, PlaceName
from .places import forget_place_names


def changed(**kwargs) -> None:
    forget_place_names()


def links_changed(action: str, **kwargs) -> None:
    if action in ("post_add", "post_remove", "post_clear"):
        forget_place_names()


def connect(app_config) -> None:
    for model in (PlaceName, Area):
        post_save.connect(changed, sender=model, dispatch_uid=f"areas-places-saved-{model.__name__}")
        post_delete.connect(changed, sender=model, dispatch_uid=f"areas-places-deleted-{model.__name__}")
    m2m_changed.connect(links_changed, sender=PlaceName.areas.through, dispatch_uid="areas-places-links")
    # A data migration changes rows without these signals.
    post_migrate.connect(changed, sender=app_config, dispatch_uid="areas-places-migrated")
