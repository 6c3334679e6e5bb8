"""What every part of storage shares: the connection and its transactions.

`ConnectionBackend` is the interface (a second backend implements it once); `SQLiteBase`
is the SQLite implementation every per-concern SQLite class derives from, so that each
can run alone on a database (tests) and `Store` can combine them on one connection.
"""

from __future__ import annotations

import contextlib
import secrets
import time
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, Protocol

import sqlite_utils

Params = Sequence[Any] | dict[str, Any]


def first_row(db: sqlite_utils.Database, sql: str, params: Params = ()) -> dict[str, Any] | None:
    """The first row of `db.query(sql, params)`, or None (the cursor is read to its end)."""
    rows = list(db.query(sql, params))
    return rows[0] if rows else None


def insert_id(db: sqlite_utils.Database, sql: str, params: Params = ()) -> int:
    """Run an INSERT and return the new row's `id` (`RETURNING id`: both engines; SQLite's
    `lastrowid` has no PostgreSQL equivalent). The cursor is read to its end."""
    rows = db.execute(f"{sql} RETURNING id", params).fetchall()
    return int(rows[0][0])


def dialect(db: object) -> str:
    """ "sqlite" or "postgresql": for the few statements the two engines spell differently."""
    return "sqlite" if isinstance(db, sqlite_utils.Database) else "postgresql"


class ConnectionBackend(Protocol):
    erased: bool  # values were deleted since the last checkpoint (see checkpoint())

    def close(self) -> None: ...

    def atomic(self, *, immediate: bool = False) -> AbstractContextManager[None]:
        """One transaction; nested uses become savepoints that roll back on their own."""
        ...

    def checkpoint(self) -> None:
        """Make deleted values leave every file of the database (WAL included)."""
        ...

    def writable(self) -> str | None:
        """None when a write can be committed now; else the reason (for /readyz)."""
        ...


class SQLiteBase:
    """One sqlite-utils connection, used from one thread (the event loop, or the CLI).
    Each call is a short statement or a short transaction: microseconds to a millisecond."""

    def __init__(self, db: sqlite_utils.Database, path: str | Path = ":memory:") -> None:
        self.db = db
        self.path = str(path)
        self._savepoints = 0
        self.erased = False
        # Who claims outbox rows (storage/outbox.py): this process, unique in the cluster.
        self.replica_id = f"r-{secrets.token_hex(6)}"

    def _one(self, sql: str, params: Params = ()) -> dict[str, Any] | None:
        return first_row(self.db, sql, params)

    def _insert_id(self, sql: str, params: Params = ()) -> int:
        return insert_id(self.db, sql, params)

    def _contains(self, column: str) -> str:
        """`column` contains the text of the next parameter (SQLite's instr, PostgreSQL's
        strpos: the same answer, no LIKE wildcards to escape)."""
        return f"{'strpos' if self._pg else 'instr'}({column}, ?) > 0"

    @property
    def _pg(self) -> bool:
        """PostgreSQL (storage/pg.py): the few statements spelled differently ask this."""
        return dialect(self.db) == "postgresql"

    def close(self) -> None:
        with contextlib.suppress(Exception):  # a read-only or full disk must not block the exit
            self.checkpoint()
        self.db.conn.close()

    @contextlib.contextmanager
    def atomic(self, *, immediate: bool = False) -> Iterator[None]:
        """One transaction; nested uses become savepoints that roll back on their own.

        The webhook wraps a request's events in one (committed before the 200) and each
        event in a nested one, so a bad event rolls back alone. `immediate` takes the write
        lock at once when this opens the transaction (other processes: the CLI)."""
        conn = self.db.conn
        if immediate and not conn.in_transaction:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                conn.rollback()
                raise
            try:
                conn.commit()
            except BaseException:
                if conn.in_transaction:
                    conn.rollback()
                raise
            return
        self._savepoints += 1
        name = f"sp{self._savepoints}"
        self.db.execute(f"SAVEPOINT {name}")
        try:
            yield
        except BaseException:
            try:
                self.db.execute(f"ROLLBACK TO {name}")
                self.db.execute(f"RELEASE {name}")
            except Exception:  # SQLite may have rolled the whole transaction back already
                if conn.in_transaction:
                    conn.rollback()
            raise
        try:
            self.db.execute(f"RELEASE {name}")
        except BaseException:
            if conn.in_transaction:
                conn.rollback()
            raise

    def checkpoint(self) -> None:
        """Copy the WAL into the file and truncate it, so that what was deleted (an unsend,
        retention) leaves no old page behind in `-wal` (secure_delete covers the file)."""
        if self.path != ":memory:":
            self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.erased = False

    def writable(self) -> str | None:
        """None when a write can be committed now; else the reason (for /readyz)."""
        try:
            with self.atomic(immediate=True):
                self.db.execute(
                    "INSERT INTO settings (key, value) VALUES ('ready_probe', ?) "
                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    [str(time.time())],
                )
        except Exception as exc:
            return f"{type(exc).__name__}: {exc}"[:200]
        return None
