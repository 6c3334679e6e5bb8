"""The SQLite connection: opening (private file modes, pragmas), read-only opening, backup.

Only this package knows that the backend is SQLite (through sqlite-utils); the tables
are created by storage/schema.py, in the order storage/migrations.py gives.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from pathlib import Path

import sqlite_utils

log = logging.getLogger("bot.storage")

Database = sqlite_utils.Database


def connect(path: str | Path) -> sqlite_utils.Database:
    """Open (creating folders as needed) the database at `path`; ":memory:" for tests."""
    if str(path) == ":memory:":
        conn = sqlite3.connect(":memory:", isolation_level=None)
    else:
        p = Path(path)
        _private_files(p)
        conn = sqlite3.connect(str(p), isolation_level=None, timeout=10)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA busy_timeout=10000")
    # Deleted personal data should not linger in free pages of the file.
    conn.execute("PRAGMA secure_delete=ON")
    return sqlite_utils.Database(conn)


def _private_files(p: Path) -> None:
    """The folder we create is 0700; the database file 0600 (SQLite gives its -wal and
    -shm the database file's mode); existing files that others could read are fixed."""
    if not p.parent.exists():
        p.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.chmod(p.parent, 0o700)  # mkdir's mode is filtered by the umask
    os.close(os.open(p, os.O_RDWR | os.O_CREAT, 0o600))
    for f in (p, p.with_name(p.name + "-wal"), p.with_name(p.name + "-shm")):
        if f.exists() and f.stat().st_mode & 0o077:
            os.chmod(f, 0o600)
            log.warning("database file was readable by others; now 0600 path=%s", f)


class DatabaseMissing(FileNotFoundError):
    """A read-only open found no database file (read commands never create one)."""


def connect_readonly(path: str | Path) -> sqlite_utils.Database:
    """Open an existing database for reading only: never creates the file or its folder,
    never migrates, and SQLite refuses every write on this connection."""
    p = Path(path)
    if not p.is_file():
        raise DatabaseMissing(str(p))
    conn = sqlite3.connect(f"{p.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)
    conn.execute("PRAGMA busy_timeout=10000")
    conn.execute("PRAGMA query_only=ON")
    return sqlite_utils.Database(conn)


def backup(db: sqlite_utils.Database | sqlite3.Connection, dest: str | Path) -> Path:
    """A consistent copy of `db` at `dest` through SQLite's online backup API (safe while the
    service writes). Refuses to overwrite (FileExistsError); the copy is mode 0600."""
    conn = db.conn if isinstance(db, sqlite_utils.Database) else db
    target = Path(dest)
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)  # refuses existing
    os.close(fd)
    try:
        out = sqlite3.connect(str(target))
        try:
            conn.backup(out)
        finally:
            out.close()
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return target


def db_file(db: sqlite_utils.Database) -> str:
    """The file behind `db` ("" for an in-memory database)."""
    row = db.execute("PRAGMA database_list").fetchone()
    return str(row[2] or "") if row else ""
