"""Deployment checks of our own, run by `manage.py check --deploy` beside Django's."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.caches, deploy=True)
def shared_cache(app_configs, **kwargs) -> list[Warning]:
    if settings.REDIS_URL:
        return []
    return [
        Warning(
            "REDIS_URL is not set, so each process keeps its own cache and rate-limit counts.",
            hint="Set REDIS_URL so that every gunicorn worker and machine shares them.",
            id="portal.W001",
        )
    ]
