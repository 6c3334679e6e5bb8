"""`Store`: the one object the service receives, composed of the per-concern SQLite stores.

Composition is by inheritance (mixins), not delegation: each `SQLiteXxx` class is a
complete, separately usable implementation of its concern's Protocol on a shared
`SQLiteBase` (connection + transactions), and `Store` simply lists them. Every method
is written once, in its concern's module; `Store` adds only how to open a database.
Delegation would mean a forwarding method (a repeated signature) for each of the 62
methods the rest of the code calls as `store.xxx(...)`.

`StorageBackend` is the whole interface, declared as the union of the per-concern
Protocols (nothing repeated): a second backend is a class listing its own
implementations of the same parts, checked against `StorageBackend` by mypy below.
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


def open_store(path: str | Path, *, readonly: bool = False) -> Store:
    """Open the store at `path` (the one entry point other areas use). `readonly`: an
    existing database only, no migration, no write (storage.DatabaseMissing if absent)."""
    return Store.open_readonly(path) if readonly else Store.open(path)


if TYPE_CHECKING:  # mypy checks that the SQLite store implements the whole interface
    _conforms: type[StorageBackend] = Store
