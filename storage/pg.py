"""PostgreSQL: the connection adapter the per-concern stores run on, and its transactions.

The stores (storage/outbox.py, storage/incidents.py, ...) are written once, against
`self.db`: on SQLite a sqlite-utils `Database`; on PostgreSQL the `PgDatabase` below,
which offers the same small subset: `execute(sql, params)` (a cursor: `rowcount`,
`fetchone()`, `fetchall()`, tuples), `query(sql, params)` (dicts), `table(name).insert(row)`
and `.upsert(row, pk=)`, and `conn` (`in_transaction`, `commit()`, `rollback()`). Their SQL
is the portable subset both engines run (`?` placeholders, `INSERT ... ON CONFLICT`,
`RETURNING`, explicit id columns); the few differences (JSON functions, dates, row
locks) are spelled per dialect where they occur (storage/stats.py, storage/outbox.py).

Why a synchronous connection (the issue asked for psycopg's async API): the storage
interface is synchronous. The webhook wraps a request's events in one transaction and
each event in a savepoint, calling `store.xxx(...)` between its awaits; making all of it
`async` would change every caller of 62 methods at once. So the service keeps one
connection per process, used from the event loop only (like its SQLite connection). The
job queue (procrastinate, handlers and workers) uses psycopg's async pool on the same
database; it is the part that waits on the network (LISTEN/NOTIFY), not this one.

The cost, measured on loopback on a loaded 2-core machine: a read ~0.2 ms (SQLite 0.05);
a request's transaction of two writes 4.0 ms median (SQLite 0.05), nearly all of it the
COMMIT waiting for the WAL flush, during which the event loop waits too. That bounds one
replica near 250 committed requests/s on this disk (more replicas scale it out; a faster
disk or `synchronous_commit=off`, 0.3 ms, trade durability of acknowledged events). Where
that bound matters, the webhook's `accept()` and this adapter would become async (psycopg's
AsyncConnection, the COMMIT awaited) without changing the stores' SQL.

Errors: psycopg's exceptions are re-raised as subclasses of the `sqlite3` ones (keeping
the original as `__cause__`), so the service's `except sqlite3.Error` (webhook, outbox,
CLI) holds on both backends without importing psycopg where it is not used.
"""

from __future__ import annotations

import contextlib
import json
import logging
import re
import sqlite3
import threading
import time
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from storage.base import Params, SQLiteBase

if TYPE_CHECKING:
    import psycopg

log = logging.getLogger("bot.storage")

# One advisory lock key for "this database is being migrated" (any 64-bit number; this
# one is the first 8 bytes of sha256("line-guard migrations")).
MIGRATION_LOCK = 0x3F1B5A2E9C4D7788
# The tables whose rows are bookkept and deleted often (VACUUM after values were erased).
ERASING_TABLES = ("incidents", "incident_events", "followups", "outbox", "unsent", "scan_jobs")


def is_postgres_url(target: object) -> bool:
    return isinstance(target, str) and target.startswith(("postgresql://", "postgres://"))


def redact(url: str) -> str:
    """The URL without its password (for logs and messages)."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)


# -- errors: psycopg's, as sqlite3's classes (see the module docstring) ----------------------


class PgIntegrityError(sqlite3.IntegrityError):
    pass


class PgOperationalError(sqlite3.OperationalError):
    pass


class PgDatabaseError(sqlite3.DatabaseError):
    pass


def _translate(exc: Exception) -> sqlite3.Error:
    """The same error as a sqlite3 class, with the server's primary message only: its
    DETAIL line may quote a key's value, which logs must not carry."""
    import psycopg

    primary = getattr(getattr(exc, "diag", None), "message_primary", None)
    text = primary or str(exc).split("\n", 1)[0]

    if isinstance(exc, psycopg.errors.IntegrityError):
        return PgIntegrityError(text)
    # SQLite calls a missing table or a refused write (read-only) an OperationalError too.
    if isinstance(
        exc,
        psycopg.OperationalError
        | psycopg.errors.UndefinedTable
        | psycopg.errors.ReadOnlySqlTransaction,
    ):
        return PgOperationalError(text)
    return PgDatabaseError(text)


# -- placeholders -------------------------------------------------------------------------------

_TOKENS = re.compile(r"'(?:[^']|'')*'|\?|%")


def to_pg(sql: str) -> str:
    """`?` -> `%s` and `%` -> `%%` outside string literals (psycopg's paramstyle)."""
    cache = _CACHE.get(sql)
    if cache is None:

        def sub(m: re.Match[str]) -> str:
            tok = m.group(0)
            if tok == "?":
                return "%s"
            if tok == "%":
                return "%%"
            return tok.replace("%", "%%")

        cache = _CACHE[sql] = _TOKENS.sub(sub, sql)
    return cache


_CACHE: dict[str, str] = {}


def _params(params: Params | None) -> list[Any]:
    if params is None:
        return []
    if isinstance(params, dict):
        raise TypeError("the stores pass positional parameters (?), not named ones")
    # SQLite stores booleans as 0/1 in INTEGER columns; so do we. PostgreSQL's text cannot
    # hold NUL, which SQLite's can: a hostile id carrying one is stored with U+FFFD instead
    # (the same id always maps the same way, so redelivery dedupe still holds).
    return [
        int(p)
        if isinstance(p, bool)
        else p.replace("\x00", "\ufffd")
        if isinstance(p, str) and "\x00" in p
        else p
        for p in params
    ]


# -- the adapter ----------------------------------------------------------------------------------


class PgTable:
    """`db.table(name)`: the two writes the stores make through sqlite-utils' table API."""

    def __init__(self, db: PgDatabase, name: str) -> None:
        self.db = db
        self.name = name

    @staticmethod
    def _values(row: dict[str, Any]) -> list[Any]:
        # sqlite-utils stores lists and dicts as JSON text: the same here.
        return [
            json.dumps(v, ensure_ascii=False) if isinstance(v, dict | list) else v
            for v in row.values()
        ]

    def insert(self, row: dict[str, Any]) -> None:
        cols = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        self.db.execute(f"INSERT INTO {self.name} ({cols}) VALUES ({marks})", self._values(row))

    def upsert(self, row: dict[str, Any], pk: str | Sequence[str]) -> None:
        """Insert, or update only the given columns of the existing row (sqlite-utils')."""
        keys = [pk] if isinstance(pk, str) else list(pk)
        cols = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        rest = [c for c in row if c not in keys]
        action = (
            "DO UPDATE SET " + ", ".join(f"{c} = EXCLUDED.{c}" for c in rest)
            if rest
            else "DO NOTHING"
        )
        self.db.execute(
            f"INSERT INTO {self.name} ({cols}) VALUES ({marks}) "
            f"ON CONFLICT ({', '.join(keys)}) {action}",
            self._values(row),
        )


class PgDatabase:
    """One psycopg connection (autocommit; transactions are explicit, as on SQLite)."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.raw: psycopg.Connection[Any] = self._connect()
        self.conn = self  # sqlite-utils' `db.conn`: in_transaction, commit(), rollback()

    def _connect(self) -> psycopg.Connection[Any]:
        import psycopg

        try:
            return psycopg.connect(self.url, autocommit=True, connect_timeout=10)
        except psycopg.Error as exc:
            raise _translate(exc) from exc

    # sqlite-utils' Database API, the part the stores use -------------------------------

    def execute(self, sql: str, params: Params | None = None) -> psycopg.Cursor[Any]:
        import psycopg

        if sql.strip().upper() == "BEGIN IMMEDIATE":  # SQLite's write lock: row locks here
            sql = "BEGIN"
        self._reconnect_if_broken()
        args = _params(params)
        try:
            if not args:  # no placeholders to translate; `%` is literal without parameters
                return self.raw.execute(sql.encode())
            return self.raw.execute(to_pg(sql), args)
        except psycopg.Error as exc:
            raise _translate(exc) from exc

    def query(self, sql: str, params: Params | None = None) -> Iterator[dict[str, Any]]:
        cur = self.execute(sql, params)
        if cur.description is None:
            return iter(())
        names = [d.name for d in cur.description]
        return iter([dict(zip(names, row, strict=True)) for row in cur.fetchall()])

    def table(self, name: str) -> PgTable:
        return PgTable(self, name)

    # sqlite3.Connection's API, the part the stores use ----------------------------------

    @property
    def in_transaction(self) -> bool:
        from psycopg.pq import TransactionStatus

        return self.raw.info.transaction_status != TransactionStatus.IDLE

    def commit(self) -> None:
        if self.in_transaction:
            self.execute("COMMIT")

    def rollback(self) -> None:
        if self.in_transaction:
            self.execute("ROLLBACK")

    def close(self) -> None:
        self.raw.close()

    def __enter__(self) -> PgDatabase:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, *rest: object) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.rollback()

    def _reconnect_if_broken(self) -> None:
        """A lost connection (server restart, failover) is opened again, between
        transactions only: inside one, the error reaches the caller (its work is lost)."""
        if self.raw.broken or self.raw.closed:
            if self.raw.closed and not self.raw.broken:
                return  # closed on purpose (close()): let the error say so
            log.warning("database connection lost; reconnecting url=%s", redact(self.url))
            self.raw = self._connect()


class PgConnection(SQLiteBase):
    """The connection-level part of a PostgreSQL store; listed before the per-concern
    classes (`class PgStore(PgConnection, Store)`), its methods replace SQLiteBase's."""

    db: PgDatabase  # type: ignore[assignment]

    def __init__(self, db: PgDatabase, path: str = "") -> None:
        super().__init__(db, path or redact(db.url))  # type: ignore[arg-type]
        self._vacuum: threading.Thread | None = None
        self._vacuum_again = False
        self._vacuum_lock = threading.Lock()

    def close(self) -> None:
        with contextlib.suppress(Exception):
            if self.erased:
                self.checkpoint()
        self.wait_checkpoint()
        self.db.close()

    @contextlib.contextmanager
    def atomic(self, *, immediate: bool = False) -> Iterator[None]:
        """One transaction (BEGIN ... COMMIT); nested uses are savepoints that roll back
        alone. `immediate` has no PostgreSQL meaning (writers lock rows, not the file)."""
        db = self.db
        if not db.in_transaction:
            db.execute("BEGIN")
            try:
                yield
            except BaseException:
                with contextlib.suppress(Exception):
                    db.rollback()
                raise
            try:
                db.commit()
            except BaseException:
                with contextlib.suppress(Exception):
                    db.rollback()
                raise
            return
        self._savepoints += 1
        name = f"sp{self._savepoints}"
        db.execute(f"SAVEPOINT {name}")
        try:
            yield
        except BaseException:
            with contextlib.suppress(Exception):
                db.execute(f"ROLLBACK TO SAVEPOINT {name}")
                db.execute(f"RELEASE SAVEPOINT {name}")
            raise
        db.execute(f"RELEASE SAVEPOINT {name}")

    def checkpoint(self) -> None:
        """PostgreSQL keeps old row versions (MVCC) until VACUUM marks their space free;
        the WAL is the server's (recycled by its own checkpoints, archived if configured).
        So: VACUUM the tables where values are erased (an unsend, retention, delivered
        bodies), so their dead versions leave the table files' readable rows.

        VACUUM takes ~0.1 s on tables of 100,000 rows and cannot run inside a transaction:
        it runs on its own short connection in a background thread (one at a time; a call
        while one runs asks for one more pass), so the event loop never waits on it."""
        self.erased = False
        with self._vacuum_lock:
            if self._vacuum is not None and self._vacuum.is_alive():
                self._vacuum_again = True
                return
            self._vacuum = threading.Thread(target=self._vacuum_tables, name="pg-vacuum")
            self._vacuum.start()

    def _vacuum_tables(self) -> None:
        import psycopg

        while True:
            try:
                with psycopg.connect(self.db.url, autocommit=True, connect_timeout=10) as conn:
                    for table in ERASING_TABLES:
                        conn.execute(f"VACUUM {table}".encode())
            except psycopg.Error as exc:
                log.warning("VACUUM after erasing failed error=%s", type(exc).__name__)
            with self._vacuum_lock:
                if not self._vacuum_again:
                    return
                self._vacuum_again = False

    def wait_checkpoint(self, timeout: float = 60.0) -> None:
        """Wait for a running VACUUM pass (close() does; tests too)."""
        vacuum = self._vacuum
        if vacuum is not None:
            vacuum.join(timeout)

    def writable(self) -> str | None:
        """None when a write can be committed now; else the reason (for /readyz)."""
        try:
            with self.atomic():
                self.db.execute(
                    "INSERT INTO settings (key, value) VALUES ('ready_probe', ?) "
                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    [str(time.time())],
                )
        except Exception as exc:
            return f"{type(exc).__name__}: {exc}"[:200]
        return None
