"""Sends the demand log to a database of its own (bench/comparison_settings.py)."""

from search.models import SearchLog

DEMAND_LOG = "demand_log"


class DemandLogElsewhere:
    def db_for_read(self, model, **hints) -> str | None:
        return DEMAND_LOG if model is SearchLog else None

    def db_for_write(self, model, **hints) -> str | None:
        return DEMAND_LOG if model is SearchLog else None

    def allow_migrate(self, db: str, app_label: str, **hints) -> bool | None:
        return False if db == DEMAND_LOG else None
