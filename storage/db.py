"""The database connection and the migrations registry.

Every table the bot uses is created and migrated here, in code, by an ordered list
of named migrations. Each migration runs once per database; the names applied are
recorded in `_migrations`. Other areas add their tables by exposing a
`MIGRATIONS` tuple in their own storage module and listing that module in
`EXTENSION_MODULES` (e.g. `storage.tips`); names must be unique and are never
renamed once shipped.

Only this package knows that the backend is SQLite (through sqlite-utils). A
PostgreSQL backend would provide the same `Store` methods (storage/base.py) and
its own migrations with the same names.
"""

from __future__ import annotations

import importlib
import logging
import os
import sqlite3
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

log = logging.getLogger("bot.storage")

Database = sqlite_utils.Database


@dataclass(frozen=True)
class Migration:
    """One schema step. `apply` receives the sqlite-utils database, inside a transaction."""

    name: str
    apply: Callable[[sqlite_utils.Database], None]


# Modules that contribute their own tables. Each exposes `MIGRATIONS: tuple[Migration, ...]`.
# A module listed here but not yet present is skipped (the area has not landed yet).
EXTENSION_MODULES: tuple[str, ...] = ("storage.tips", "storage.scan_jobs")


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


class SchemaTooNew(RuntimeError):
    """The database was migrated by a newer release than this code."""


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


def _db_file(db: sqlite_utils.Database) -> str:
    row = db.execute("PRAGMA database_list").fetchone()
    return str(row[2] or "") if row else ""


def all_migrations() -> list[Migration]:
    """The core migrations followed by those of every extension module present."""
    from storage.schema import CORE_MIGRATIONS

    out = list(CORE_MIGRATIONS)
    for name in EXTENSION_MODULES:
        try:
            mod = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                continue
            raise
        out.extend(getattr(mod, "MIGRATIONS", ()))
    return out


def migrate(db: sqlite_utils.Database, migrations: Iterable[Migration] | None = None) -> list[str]:
    """Apply every migration not applied yet, in order; return the names applied now."""
    migs = list(all_migrations() if migrations is None else migrations)
    names = [m.name for m in migs]
    dupes = {n for n in names if names.count(n) > 1}
    if dupes:
        raise ValueError(f"duplicate migration names: {sorted(dupes)}")
    db.execute(
        "CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at REAL NOT NULL)"
    )
    done = {row[0] for row in db.execute("SELECT name FROM _migrations").fetchall()}
    unknown = sorted(done - set(names))
    if unknown and migrations is None:
        raise SchemaTooNew(
            f"the database was migrated by a newer release (unknown migrations: "
            f"{', '.join(unknown)}); run that release, or restore a backup made for this one"
        )
    pending = [m.name for m in migs if m.name not in done]
    path = _db_file(db)
    if pending and done and path:
        # An upgrade of a database in use: keep a copy from before the first change.
        stamp = time.strftime("%Y%m%d-%H%M%S")
        copy = backup(db, f"{path}.before-{pending[0]}-{stamp}")
        log.info("backup before migrating path=%s", copy)
    applied: list[str] = []
    for m in migs:
        if m.name in done:
            continue
        with db.conn:  # one transaction per migration
            db.execute("BEGIN")
            m.apply(db)
            db.execute(
                "INSERT INTO _migrations (name, applied_at) VALUES (?, ?)", [m.name, time.time()]
            )
        log.info("migration applied name=%s", m.name)
        applied.append(m.name)
    return applied
