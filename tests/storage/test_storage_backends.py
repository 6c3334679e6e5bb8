"""Each per-concern interface (Protocol) is implemented by its SQLite class on its own, on a
real in-memory database; `Store` is exactly their union (no method outside a concern)."""

from __future__ import annotations

import inspect
from collections.abc import Callable

import pytest
import sqlite_utils

from storage import Incident, StorageBackend, Store, connect, migrate
from storage.activity import ActivityBackend, SQLiteActivity
from storage.base import ConnectionBackend, SQLiteBase
from storage.chats import ChatsBackend, SQLiteChats
from storage.console import ConsoleBackend, SQLiteConsole
from storage.custom_tips import CustomTipsBackend, SQLiteCustomTips
from storage.events import EventsBackend, SQLiteEvents
from storage.groups import GroupSettingsBackend, SQLiteGroupSettings
from storage.incident_events import IncidentEventsBackend, SQLiteIncidentEvents, actor_ref
from storage.incidents import FollowupsBackend, IncidentsBackend, SQLiteFollowups, SQLiteIncidents
from storage.outbox import OutboxBackend, SQLiteOutbox
from storage.retention import RetentionBackend, SQLiteRetention
from storage.roles import RolesBackend, SQLiteRoles
from storage.scan_jobs import ScanJobs, ScanJobsBackend
from storage.settings import SettingsBackend, SQLiteSettings
from storage.stats import SQLiteStats, StatsBackend
from storage.tips import TipsBackend, TipStore

Factory = Callable[[sqlite_utils.Database], object]

# (interface, how to build its SQLite implementation alone on a migrated database)
PARTS: list[tuple[type, Factory]] = [
    (ConnectionBackend, SQLiteBase),
    (SettingsBackend, SQLiteSettings),
    (EventsBackend, SQLiteEvents),
    (ChatsBackend, SQLiteChats),
    (RolesBackend, SQLiteRoles),
    (IncidentsBackend, SQLiteIncidents),
    (FollowupsBackend, SQLiteFollowups),
    (IncidentEventsBackend, SQLiteIncidentEvents),
    (ActivityBackend, SQLiteActivity),
    (OutboxBackend, SQLiteOutbox),
    (RetentionBackend, SQLiteRetention),
    (ConsoleBackend, SQLiteConsole),
    (GroupSettingsBackend, SQLiteGroupSettings),
    (StatsBackend, SQLiteStats),
    (CustomTipsBackend, SQLiteCustomTips),
    (TipsBackend, lambda db: TipStore(SQLiteBase(db))),
    (ScanJobsBackend, lambda db: ScanJobs(SQLiteBase(db))),
]
STORE_PARTS = [proto for proto, _ in PARTS if proto not in (TipsBackend, ScanJobsBackend)]


def _members(proto: type) -> dict[str, inspect.Signature]:
    """The methods a Protocol declares itself (not those of its bases)."""
    return {
        name: inspect.signature(fn)
        for name, fn in vars(proto).items()
        if inspect.isfunction(fn) and not name.startswith("_")
    }


def _shape(sig: inspect.Signature) -> list[tuple[str, object, object]]:
    """Parameter names, kinds and defaults, without `self` (types are mypy's to check)."""
    return [(p.name, p.kind, p.default) for p in sig.parameters.values() if p.name != "self"]


def _db() -> sqlite_utils.Database:
    db = connect(":memory:")
    migrate(db)
    return db


@pytest.mark.parametrize(("proto", "make"), PARTS, ids=[p.__name__ for p, _ in PARTS])
def test_each_sqlite_part_implements_its_interface_alone(proto: type, make: Factory) -> None:
    impl = make(_db())
    declared = _members(proto)
    assert declared, f"{proto.__name__} declares no method"
    for name, sig in declared.items():
        assert _shape(inspect.signature(getattr(impl, name))) == _shape(sig), name
    for attr in getattr(proto, "__annotations__", {}):
        assert hasattr(impl, attr), attr


def test_the_parts_work_on_their_own_database() -> None:
    """The same calls the service makes, through interface-typed names (checked by mypy)."""
    db = _db()
    outbox: OutboxBackend = SQLiteOutbox(db)
    incidents: IncidentsBackend = SQLiteIncidents(db)
    roles: RolesBackend = SQLiteRoles(db)
    chats: ChatsBackend = SQLiteChats(db)
    events: EventsBackend = SQLiteEvents(db)
    settings: SettingsBackend = SQLiteSettings(db)
    activity: ActivityBackend = SQLiteActivity(db)
    retention: RetentionBackend = SQLiteRetention(db)
    followups: FollowupsBackend = SQLiteFollowups(db)
    timeline: IncidentEventsBackend = SQLiteIncidentEvents(db)
    tips: TipsBackend = TipStore(SQLiteBase(db))
    jobs: ScanJobsBackend = ScanJobs(SQLiteBase(db))
    g, u = "C" + "1" * 32, "U" + "2" * 32

    row_id = outbox.outbox_add(kind="warning", messages=[{"type": "text"}], now=0, to_id=g)
    assert [r.id for r in outbox.outbox_claim_due(1)] == [row_id]
    inc = Incident("i1", g, "group", "m1", u, "text", "warn", "open", 0.0, types=["email"])
    assert incidents.create_incident(inc) and not incidents.create_incident(inc)
    followups.followup_add("i1", "[]", "a***@b", 0.0)
    assert [f["incident_id"] for f in followups.followups()] == ["i1"]
    timeline.add_incident_event("i1", "opened", 0.0)
    timeline.add_incident_event(
        "i1", "dismissed", 1.0, actor_role="sender", actor=actor_ref(u, b"k" * 32), detail="x:y"
    )
    assert [e.kind for e in timeline.incident_events("i1")] == ["opened", "dismissed"]
    assert [e.kind for e in timeline.incident_events_since(0.5, ["dismissed"])] == ["dismissed"]
    assert roles.add_role(u, "admin", g, 0.0) and roles.is_admin(u, g)
    chats.upsert_group(g, 0.0, chat_type="group", locale="en")
    assert chats.group_locale(g) == "en"
    assert events.first_delivery("e1", 0.0) and not events.first_delivery("e1", 1.0)
    settings.set_setting("k", "v")
    assert settings.get_setting("k") == "v"
    activity.count_activity(g, "scanned", 0.0, n=2)
    assert activity.activity(g) == {"scanned": 2}
    assert retention.purge(400 * 86400.0, retention_days=180)["incidents"] == 1
    assert tips.state(g) is None
    assert jobs.add("m2", g, {"type": "message"}, 0.0) and jobs.counts() == {"pending": 1}


def test_store_is_the_union_of_the_interfaces() -> None:
    assert not _members(StorageBackend)  # declared by inheritance only, nothing repeated
    assert set(StorageBackend.__mro__) >= set(STORE_PARTS)
    declared: dict[str, type] = {}
    for proto in STORE_PARTS:
        for name in _members(proto):
            assert name not in declared, f"{name} in {proto.__name__} and {declared[name]}"
            declared[name] = proto
    public = {n for n in dir(Store) if not n.startswith("_") and callable(getattr(Store, n))}
    assert public - set(declared) == {"open", "open_readonly"}  # how to open: SQLite's own
    assert set(declared) <= public
