"""Storage: the one seam between the service and its database.

    from storage import Store, open_store
    store = open_store(config.db_path)     # connect + migrate
    store.create_incident(...), store.outbox_add(...), ...

SQLite through sqlite-utils is the embedded default. Tables are created and migrated
in code (storage/schema.py, registry in storage/db.py); other areas append their own
migrations (storage/tips.py exposes MIGRATIONS). Nothing outside this package writes SQL.
"""

from storage.base import StorageBackend
from storage.db import (
    DatabaseMissing,
    Migration,
    SchemaTooNew,
    backup,
    connect,
    connect_readonly,
    migrate,
)
from storage.store import (
    ACTIVE_STATUSES,
    INCIDENT_STATUSES,
    Incident,
    OutboxRow,
    Store,
    iso,
    open_store,
)

__all__ = [
    "ACTIVE_STATUSES",
    "INCIDENT_STATUSES",
    "DatabaseMissing",
    "Incident",
    "Migration",
    "OutboxRow",
    "SchemaTooNew",
    "StorageBackend",
    "Store",
    "backup",
    "connect",
    "connect_readonly",
    "iso",
    "migrate",
    "open_store",
]
