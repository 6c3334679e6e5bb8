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
    # Only the replica holding the claim renews it; any other (e.g. the first claimer,
    # back from a long wait) finds the row is no longer its own and does not send it.
    holder = store.replica_id
    store.replica_id = "r-another-replica"
    assert not store.outbox_renew_claim(row_id, late + 1)
    store.replica_id = holder
    assert store.outbox_renew_claim(row_id, late + 1)
    assert store.outbox_reset_inflight("ambiguous: restart", now=late + CLAIM_LEASE_SECONDS + 2)
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


def test_checkpoint_vacuums_the_erasing_tables_off_the_caller(pg_url: str) -> None:
    store = open_store(pg_url)
    assert isinstance(store, PgStore)
    try:
        row_id = store.outbox_add(kind="tip", messages=MSG, now=0, to_id="U1")
        store.outbox_sent(row_id, 1.0)  # the body is emptied: its old version is dead
        store.erased = True
        store.checkpoint()  # returns at once; VACUUM runs on its own connection
        assert store.erased is False and store.writable() is None
        store.wait_checkpoint()
        [(vacuumed,)] = store.db.execute(
            "SELECT count(*) FROM pg_stat_user_tables WHERE schemaname = current_schema() "
            "AND relname IN ('outbox', 'incidents', 'followups') AND last_vacuum IS NOT NULL"
        ).fetchall()
        assert vacuumed == 3
    finally:
        store.close()


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


def test_two_stores_claim_different_scan_jobs(pg_url: str) -> None:
    from storage.scan_jobs import ScanJobs

    a, b = open_store(pg_url), open_store(pg_url)
    try:
        jobs_a, jobs_b = ScanJobs(a), ScanJobs(b)
        for i in range(3):
            assert jobs_a.add(f"m{i}", "C1", {"type": "message"}, now=float(i))
        assert not jobs_b.add("m0", "C1", {}, now=9.0)  # one job per message, any replica
        with a.atomic():  # a's claim not committed yet: b skips that row, never waits
            first = jobs_a.claim_next(now=10.0)
            second = jobs_b.claim_next(now=10.0)
        assert first is not None and second is not None
        assert (first.message_id, second.message_id) == ("m0", "m1")
        assert jobs_a.counts() == {"running": 2, "pending": 1}
    finally:
        a.close()
        b.close()


def test_a_lost_connection_fails_one_statement_then_reconnects(pg_url: str) -> None:
    """A server restart or failover: the statement that meets the dead connection fails
    (the webhook answers 500, LINE redelivers); the next one opens a new connection."""
    store = open_store(pg_url)
    other = open_store(pg_url)
    try:
        store.set_setting("k", "v")
        [(pid,)] = store.db.execute("SELECT pg_backend_pid()").fetchall()
        other.db.execute("SELECT pg_terminate_backend(?)", [pid])
        with pytest.raises(sqlite3.OperationalError):
            store.get_setting("k")
        assert store.get_setting("k") == "v"
    finally:
        store.close()
        other.close()


def test_a_hostile_id_with_a_nul_is_still_deduplicated(store: Store) -> None:
    """PostgreSQL's text cannot hold NUL (SQLite's can): such an id is stored mapped, the
    same way each time, so a redelivery of it is still recognised on both backends."""
    assert store.first_delivery("evt\x00a", 1.0)
    assert not store.first_delivery("evt\x00a", 2.0)
