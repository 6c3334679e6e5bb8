"""What only the shared database shows: the same named migrations on both backends,
migrations run once when replicas start together, outbox rows claimed row by row by
several stores (SKIP LOCKED, leases), read-only opening, errors as the service catches
them, and PostgreSQL's answers to the SQLite-only parts (checkpoint, backup)."""

from __future__ import annotations

import logging
import sqlite3
import threading
from pathlib import Path

import pytest

from storage import DatabaseMissing, PgStore, SchemaTooNew, Store, open_store
from storage.migrations import MIGRATIONS
from storage.outbox import CLAIM_LEASE_SECONDS
from tests.support.cli import bot_env, run_bot

MSG = [{"type": "text", "text": "x"}]


def test_the_same_named_migrations_in_the_same_order_on_both_backends(store: Store) -> None:
    rows = list(store.db.query("SELECT name FROM _migrations ORDER BY applied_at, name"))
    assert sorted(r["name"] for r in rows) == sorted(m.name for m in MIGRATIONS)
    assert all(m.pg.strip() for m in MIGRATIONS)  # every step has its PostgreSQL DDL


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_a_database_from_a_newer_release_is_refused_on_both(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    target = request.getfixturevalue("pg_url") if backend == "postgres" else tmp_path / "n.db"
    store = open_store(target)
    store.db.execute("INSERT INTO _migrations (name, applied_at) VALUES ('future_v9', 1.0)")
    store.close()
    with pytest.raises(SchemaTooNew, match="future_v9"):
        open_store(target)


def test_two_replicas_starting_at_once_migrate_once(
    pg_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="bot.storage")
    stores: list[Store] = []
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def replica() -> None:
        start.wait()
        try:
            stores.append(open_store(pg_url))
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=replica) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == [] and len(stores) == 2
    applied = [r.getMessage() for r in caplog.records if "migration applied" in r.getMessage()]
    assert len(applied) == len(MIGRATIONS)  # each step once, by one of the two
    names = [r[0] for r in stores[0].db.execute("SELECT name FROM _migrations").fetchall()]
    assert sorted(names) == sorted(m.name for m in MIGRATIONS)
    for s in stores:
        s.close()


def test_two_stores_claim_disjoint_outbox_rows_without_waiting(pg_url: str) -> None:
    a, b = open_store(pg_url), open_store(pg_url)
    try:
        ids = [a.outbox_add(kind="tip", messages=MSG, now=0, to_id=f"U{i}") for i in range(6)]
        with a.atomic():  # a's claim is not committed yet: its rows stay locked
            mine = a.outbox_claim_due(10, limit=2)
            theirs = b.outbox_claim_due(10)  # skips the locked rows instead of waiting
        assert [r.id for r in mine] == ids[:2]
        assert [r.id for r in theirs] == ids[2:]
        assert {r.claimed_by for r in mine} == {a.replica_id}
        assert {r.claimed_by for r in theirs} == {b.replica_id} != {a.replica_id}
        assert b.outbox_claim_due(10) == [] and a.outbox_claim_due(10) == []
    finally:
        a.close()
        b.close()


def test_a_dead_replicas_rows_wait_for_their_lease_then_keep_their_retry_key(
    store: Store,
) -> None:
    row_id = store.outbox_add(kind="warning", messages=MSG, now=0, to_id="C1", retry_key="k-1")
    [claimed] = store.outbox_claim_due(10)
    assert claimed.claimed_until == 10 + CLAIM_LEASE_SECONDS
    assert store.outbox_claim_due(20, expired_note="ambiguous: lease") == []  # still held
    if isinstance(store, PgStore):
        # Another replica starting must not put back a row a live replica is sending ...
        assert store.outbox_reset_inflight("ambiguous: restart", now=20) == 0
    else:  # ... while a SQLite file's one process, restarting, takes its rows back at once
        assert store.outbox_reset_inflight("ambiguous: restart", now=20) == 1
        assert store.outbox_claim_due(10)[0].last_error == "ambiguous: restart"
    # ... but once the lease has run out (the sender died), any replica takes it again.
    late = 10 + CLAIM_LEASE_SECONDS + 1
    [again] = store.outbox_claim_due(late, expired_note="ambiguous: lease")
    assert (again.id, again.retry_key, again.last_error) == (row_id, "k-1", "ambiguous: lease")
    assert again.attempts == 0  # nothing was counted: the attempt's fate is unknown
    assert store.outbox_reset_inflight("ambiguous: restart", now=late + CLAIM_LEASE_SECONDS + 1)
    row = store.outbox_row(row_id)
    assert row is not None and row.status == "pending" and row.claimed_by is None


def test_readonly_opening_never_creates_nor_writes(pg_url: str) -> None:
    with pytest.raises(DatabaseMissing):
        open_store(pg_url, readonly=True)  # never migrated: nothing to read
    open_store(pg_url).close()
    ro = open_store(pg_url, readonly=True)
    try:
        assert isinstance(ro, PgStore) and ro.get_setting("x") is None
        with pytest.raises(sqlite3.Error, match="read-only"):
            ro.set_setting("x", "1")
    finally:
        ro.close()


def test_errors_reach_the_service_as_sqlite3_errors(pg_url: str) -> None:
    store = open_store(pg_url)
    try:
        store.set_setting("k", "v")
        with pytest.raises(sqlite3.IntegrityError):
            store.db.execute("INSERT INTO settings (key, value) VALUES ('k', 'w')")
        with pytest.raises(sqlite3.Error):
            store.db.execute("SELECT nope FROM settings")
        with store.atomic():  # a failed statement rolls its savepoint back, not the request
            store.set_setting("a", "1")
            with pytest.raises(sqlite3.Error), store.atomic():
                store.db.execute("SELECT nope FROM settings")
            store.set_setting("b", "2")
        assert (store.get_setting("a"), store.get_setting("b")) == ("1", "2")
    finally:
        store.close()


def test_checkpoint_vacuums_and_the_store_is_writable(store: Store) -> None:
    store.outbox_add(kind="tip", messages=MSG, now=0, to_id="U1")
    store.erased = True
    store.checkpoint()
    assert store.erased is False and store.writable() is None


def test_the_hash_key_must_be_configured_on_postgres(pg_url: str) -> None:
    store = open_store(pg_url)
    try:
        assert store.hash_salt("k" * 32) == b"k" * 32
        with pytest.raises(ValueError, match="BOT_HASH_KEY"):
            store.hash_salt(None)
    finally:
        store.close()


def test_cli_backup_points_to_pg_dump_and_reads_go_to_postgres(pg_url: str, tmp_path: Path) -> None:
    store = open_store(pg_url)
    store.set_setting("probe", "1")
    store.close()
    env = bot_env({"BOT_DATABASE_URL": pg_url}, drop_prefixes=("BOT_", "LINE_"))
    r = run_bot("backup", "--to", str(tmp_path), cwd=tmp_path, env=env)
    assert r.returncode == 2 and "pg_dump" in r.stderr and "Traceback" not in r.stderr
    assert not list(tmp_path.glob("*.db"))
    r = run_bot("incidents", cwd=tmp_path, env=env)
    assert r.returncode == 0, r.stderr
