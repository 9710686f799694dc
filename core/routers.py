"""Reads from a PostgreSQL read replica when DATABASE_REPLICA_URL configures one.

Only visitors' plain page views read from the replica (see core.middleware): writes, signed-in
people and management commands use the primary, so nobody misses their own change while the
replica catches up.
"""

from django.conf import settings

from core.middleware import replica_allowed

REPLICA = "replica"


class ReplicaRouter:
    def db_for_read(self, model, **hints) -> str:
        if REPLICA in settings.DATABASES and replica_allowed.get():
            return REPLICA
        return "default"

    def db_for_write(self, model, **hints) -> str:
        return "default"

    def allow_relation(self, obj1, obj2, **hints) -> bool:
        # The replica holds the same rows as the primary.
        return True

    def allow_migrate(self, db: str, app_label: str, **hints) -> bool:
        return db == "default"
