"""Databases made by earlier releases open and migrate under this code.

`fixtures/main_e8457a8.sql` is the dump (sqlite3 `iterdump`) of a database created by the
release at commit e8457a8 (before storage was split per concern): `Store.open()` on a
file, then one row through every table's public method (Store, TipStore, ScanJobs),
`_migrations.applied_at` set to 1000.0. Only masked values and made-up ids.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from storage import Store, connect, migrate
from storage.migrations import MIGRATIONS
from storage.scan_jobs import ScanJobs
from storage.tips import TipStore

DUMP = Path(__file__).parent / "fixtures" / "main_e8457a8.sql"
GROUP = "C" + "1" * 32
NEW_STEPS = [
    "request_ids_v1",
    "incident_workflow_v1",
    "console_v1",
    "console_pages_v1",
    "incident_snippet_v1",
    "outbox_claims_v1",
]  # the steps added since the dump's release, in order


def _schema(path: Path) -> list[tuple[str, str, str]]:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' "
            "ORDER BY type, name"
        ).fetchall()
    finally:
        conn.close()
    return [(t, n, s or "") for t, n, s in rows]


def _history(path: Path) -> list[tuple[str, float]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT name, applied_at FROM _migrations ORDER BY rowid").fetchall()
    finally:
        conn.close()


def _restore(path: Path) -> None:
    conn = sqlite3.connect(path)
    try:
        conn.executescript(DUMP.read_text(encoding="utf-8"))
    finally:
        conn.close()


def test_a_database_of_the_previous_release_opens_and_gets_only_the_new_steps(
    tmp_path: Path,
) -> None:
    old = tmp_path / "bot.db"
    _restore(old)
    before = _history(old)
    # same names, same order, then the steps of this release
    assert [name for name, _ in before] + NEW_STEPS == [m.name for m in MIGRATIONS]

    store = Store.open(old)
    try:
        assert migrate(store.db) == []  # nothing left to run, nothing re-run
        inc = store.incident("i1")
        assert inc is not None and inc.masked == ["A12****789"] and inc.status == "open"
        assert store.is_admin("U" + "2" * 32, GROUP) and store.group_locale(GROUP) == "zh-TW"
        assert [r.kind for r in store.outbox_rows(status="pending")] == ["warning"]
        assert [f["incident_id"] for f in store.followups()] == ["i1"]
        assert store.activity(GROUP) == {"scanned": 1}
        tips = TipStore(store)
        state = tips.state(GROUP)
        assert state is not None and state.sent_ids == ["t1"] and state.member_count == 5
        assert tips.quiz_counts()[0]["count"] == 1
        assert ScanJobs(store).counts() == {"pending": 1}
        # request_ids_v1: rows queued before it have no request id, new rows keep theirs
        assert [r.request_id for r in store.outbox_rows()] == [None]
        job = ScanJobs(store).claim_next(now=1e12)
        assert job is not None and job.request_id is None
        row_id = store.outbox_add(
            kind="warning", messages=[], now=2000.0, to_id=GROUP, request_id="ab12cd34"
        )
        assert (row := store.outbox_row(row_id)) is not None and row.request_id == "ab12cd34"
        assert ScanJobs(store).add("m-new", GROUP, {"type": "message"}, 2000.0, "ab12cd34")
        job = ScanJobs(store).claim_next(now=1e12)
        assert job is not None and (job.message_id, job.request_id) == ("m-new", "ab12cd34")
    finally:
        store.close()

    after = _history(old)
    assert after[: len(before)] == before  # no step recorded again, times untouched
    assert [name for name, _ in after[len(before) :]] == NEW_STEPS
    assert len(list(tmp_path.glob("bot.db.before-request_ids_v1-*"))) == 1  # the upgrade copy
    Store.open(tmp_path / "fresh.db").close()
    assert _schema(old) == _schema(tmp_path / "fresh.db")  # same tables, columns, indexes


@pytest.mark.parametrize("done", range(1, len(MIGRATIONS)))
def test_each_earlier_step_upgrades_to_the_same_schema(tmp_path: Path, done: int) -> None:
    """A database left after any earlier step gets exactly the steps it lacks, once."""
    path = tmp_path / "bot.db"
    db = connect(path)
    assert migrate(db, MIGRATIONS[:done]) == [m.name for m in MIGRATIONS[:done]]
    db.conn.close()
    db = connect(path)
    try:
        assert migrate(db) == [m.name for m in MIGRATIONS[done:]]
        assert migrate(db) == []
    finally:
        db.conn.close()
    assert len(list(tmp_path.glob("bot.db.before-*"))) == 1
    Store.open(tmp_path / "fresh.db").close()
    assert _schema(path) == _schema(tmp_path / "fresh.db")
