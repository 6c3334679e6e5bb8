"""Storage: the one seam between the service and its database.

    from storage import Store, open_store
    store = open_store(config.db_path)     # connect + migrate
    store.create_incident(...), store.outbox_add(...), ...

Nothing outside this package writes SQL. All times are epoch seconds (float) from the
caller's clock, so tests can drive time.

Layout, one module per concern, each holding that concern's interface (a small
`Protocol`, what a second backend implements) and its SQLite class:

    settings.py   SettingsBackend   SQLiteSettings    settings; the hash key (a file, never in the db)
    events.py     EventsBackend     SQLiteEvents      redelivered webhook events, unsent messages
    chats.py      ChatsBackend      SQLiteChats       groups/rooms and users (friend, locale)
    roles.py      RolesBackend      SQLiteRoles       admins, ethics unit, one-time invite codes
    incidents.py  IncidentsBackend  SQLiteIncidents   incidents, escalation, repeats
                  FollowupsBackend  SQLiteFollowups   the note/alert part of a leak, resumable
    incident_events.py IncidentEventsBackend SQLiteIncidentEvents  incident timelines (who, when)
    activity.py   ActivityBackend   SQLiteActivity    counters per chat and day
    outbox.py     OutboxBackend     SQLiteOutbox      messages queued for LINE
    retention.py  RetentionBackend  SQLiteRetention   what is deleted, and when
    tips.py       TipsBackend       TipStore          the tips area (built from a Store)
    scan_jobs.py  ScanJobsBackend   ScanJobs          images/files waiting to be scanned
    console.py    ConsoleBackend    SQLiteConsole     console links, sessions, audit log, orgs
    groups.py     GroupSettingsBackend SQLiteGroupSettings  per-group mode, grace, allow-list
    stats.py      StatsBackend      SQLiteStats       the console's overview and feedback figures
    custom_tips.py CustomTipsBackend SQLiteCustomTips  the ethics unit's own tips

Below them: base.py (`ConnectionBackend`; `SQLiteBase`: the connection, `atomic()`,
`checkpoint()`), db.py (opening SQLite files, backup), models.py (the row dataclasses),
schema.py (the tables, as migration steps) and migrations.py (the ordered registry and
`migrate()`, which refuses a newer database and copies a database before upgrading it).

`Store` is composed by inheritance: `class Store(SQLiteSettings, SQLiteEvents, ...)`, each
part written once, so `store.xxx(...)` reaches every method without a forwarding layer;
`StorageBackend` is the union of the Protocols, and mypy checks `Store` against it.

PostgreSQL (BOT_DATABASE_URL=postgresql://...): `PgStore` runs the same per-concern
classes (their SQL is the portable subset of both engines) on `storage.pg.PgDatabase`, an
adapter with sqlite-utils' small API; pg.py holds the connection-level part (transactions,
VACUUM as the checkpoint, errors), schema.py the PostgreSQL DDL beside each step, and
`open_store(target)` chooses the backend: a `postgresql://` URL or a SQLite path.
"""

from storage.db import DatabaseMissing, backup, connect, connect_readonly
from storage.incident_events import actor_ref
from storage.migrations import Migration, SchemaTooNew, migrate
from storage.models import (
    ACTIVE_STATUSES,
    EVENT_KINDS,
    INCIDENT_STATUSES,
    REVIEW_STATUSES,
    Incident,
    IncidentEvent,
    OutboxRow,
    iso,
)
from storage.store import PgStore, StorageBackend, Store, open_store

__all__ = [
    "ACTIVE_STATUSES",
    "EVENT_KINDS",
    "INCIDENT_STATUSES",
    "REVIEW_STATUSES",
    "DatabaseMissing",
    "Incident",
    "IncidentEvent",
    "Migration",
    "OutboxRow",
    "PgStore",
    "SchemaTooNew",
    "StorageBackend",
    "Store",
    "actor_ref",
    "backup",
    "connect",
    "connect_readonly",
    "iso",
    "migrate",
    "open_store",
]
