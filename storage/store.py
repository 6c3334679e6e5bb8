"""`Store`: the one object the service receives, composed of the per-concern SQLite stores.

Composition is by inheritance (mixins), not delegation: each `SQLiteXxx` class is a
complete, separately usable implementation of its concern's Protocol on a shared
`SQLiteBase` (connection + transactions), and `Store` simply lists them. Every method
is written once, in its concern's module; `Store` adds only how to open a database.
Delegation would mean a forwarding method (a repeated signature) for each of the 62
methods the rest of the code calls as `store.xxx(...)`.

`StorageBackend` is the whole interface, declared as the union of the per-concern
Protocols (nothing repeated), checked against both stores by mypy below.

PostgreSQL (`PgStore`) reuses every per-concern class: their SQL is the portable subset
both engines run, `self.db` is then `storage.pg.PgDatabase` (the same small API as
sqlite-utils), and `PgConnection`, listed first, replaces the connection-level methods
(transactions, checkpoint, readiness). `open_store()` chooses by its argument: a
`postgresql://` URL (BOT_DATABASE_URL), else a SQLite path (BOT_DB_PATH).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from storage.activity import ActivityBackend
from storage.base import ConnectionBackend
from storage.chats import ChatsBackend, SQLiteChats
from storage.console import ConsoleBackend, SQLiteConsole
from storage.custom_tips import CustomTipsBackend, SQLiteCustomTips
from storage.db import connect, connect_readonly
from storage.events import EventsBackend, SQLiteEvents
from storage.groups import GroupSettingsBackend, SQLiteGroupSettings
from storage.incident_events import IncidentEventsBackend, SQLiteIncidentEvents
from storage.incidents import (
    FollowupsBackend,
    IncidentsBackend,
    SQLiteFollowups,
    SQLiteIncidents,
)
from storage.migrations import migrate
from storage.outbox import OutboxBackend, SQLiteOutbox
from storage.pg import PgConnection, PgDatabase, is_postgres_url, redact
from storage.retention import RetentionBackend, SQLiteRetention
from storage.roles import RolesBackend, SQLiteRoles
from storage.settings import SettingsBackend, SQLiteSettings
from storage.stats import SQLiteStats, StatsBackend


class StorageBackend(
    ConnectionBackend,
    SettingsBackend,
    EventsBackend,
    ChatsBackend,
    RolesBackend,
    IncidentsBackend,
    FollowupsBackend,
    IncidentEventsBackend,
    ActivityBackend,
    OutboxBackend,
    RetentionBackend,
    ConsoleBackend,
    GroupSettingsBackend,
    StatsBackend,
    CustomTipsBackend,
    Protocol,
):
    """Everything the service needs from a database, one concern per base Protocol."""


class Store(
    SQLiteSettings,
    SQLiteEvents,
    SQLiteChats,
    SQLiteRoles,
    SQLiteIncidents,
    SQLiteFollowups,
    SQLiteIncidentEvents,
    SQLiteOutbox,
    SQLiteRetention,  # also the activity counters (and, below them all, SQLiteBase)
    SQLiteConsole,
    SQLiteGroupSettings,
    SQLiteStats,
    SQLiteCustomTips,
):
    """The SQLite implementation of `StorageBackend`, on one connection."""

    @classmethod
    def open(cls, path: str | Path) -> Store:
        """Connect and migrate. `path` may be ":memory:"."""
        db = connect(path)
        migrate(db)
        return cls(db, path)

    @classmethod
    def open_readonly(cls, path: str | Path) -> Store:
        """An existing database, read-only (DatabaseMissing when there is none)."""
        return cls(connect_readonly(path))


class PgStore(PgConnection, Store):
    """The PostgreSQL implementation of `StorageBackend`: the same per-concern classes on
    one psycopg connection (storage/pg.py says why synchronous)."""

    @classmethod
    def open(cls, path: str | Path) -> Store:
        """Connect to the `postgresql://` URL and migrate (under an advisory lock)."""
        db = PgDatabase(str(path))
        try:
            migrate(db)
        except BaseException:
            db.close()
            raise
        return cls(db)

    @classmethod
    def open_readonly(cls, path: str | Path) -> Store:
        """Reads only: the session is read-only (PostgreSQL refuses every write in it), and
        nothing is migrated; a database never migrated is DatabaseMissing."""
        from storage.db import DatabaseMissing

        db = PgDatabase(str(path))
        db.execute("SET default_transaction_read_only = on")
        if db.execute("SELECT to_regclass('_migrations')").fetchone() == (None,):
            db.close()
            raise DatabaseMissing(redact(str(path)))
        return cls(db)

    def hash_salt(self, configured: str | None = None) -> bytes:
        """The configured key (BOT_HASH_KEY) only: every replica must hash alike, and the
        key never enters the database, so there is no file beside it to fall back on."""
        if configured:
            return configured.encode("utf-8")
        raise ValueError(
            "BOT_DATABASE_URL needs BOT_HASH_KEY: the replicas share the key of the value "
            "hashes, which is never stored in the database"
        )


def open_store(target: str | Path, *, readonly: bool = False) -> Store:
    """Open the store (the one entry point other areas use): `target` is a `postgresql://`
    URL (BOT_DATABASE_URL) or a SQLite file (BOT_DB_PATH; ":memory:" in tests). `readonly`:
    an existing database only, no migration, no write (storage.DatabaseMissing if absent)."""
    cls = PgStore if is_postgres_url(target) else Store
    return cls.open_readonly(target) if readonly else cls.open(target)


if TYPE_CHECKING:  # mypy checks that both stores implement the whole interface
    _conforms: type[StorageBackend] = Store
    _conforms_pg: type[StorageBackend] = PgStore
