from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Shared building blocks"

    def ready(self) -> None:
        from core import cached_counts, checks  # noqa: F401  (checks registers the deployment checks)

        cached_counts.connect()


class PortalAdminConfig(admin_apps.AdminConfig):
    """Django's admin, with the site that lets only curators in (core/admin_site.py)."""

    default = False  # core's own config stays CoreConfig
    default_site = "core.admin_site.CuratorsAdminSite"
