"""The migrations: one explicit, ordered registry, and the function that applies it.

Every table is created and changed in code (storage/schema.py) by named steps, listed
once, in order, in `MIGRATIONS` below: no discovery, the order is what you read. Each
step runs once per database, in its own transaction, and its name is recorded in
`_migrations (name, applied_at)`. A name is never renamed or removed once shipped; a
new table or column is a new step appended at the end.

Why not sqlite-utils' own `Migrations` (sqlite-utils >= 4; the `sqlite-migrate` package
on PyPI is now only a deprecated re-export of it): it records history in
`_sqlite_migrations (migration_set, name, applied_at TEXT)`. Databases made by earlier
releases keep theirs in `_migrations`, and a release before this one, started on a
database whose new steps were recorded only in `_sqlite_migrations`, would not see them
and would not refuse it. It also has no refusal of a database migrated by a newer
release, nor a hook to copy the database before an upgrade; both are what `migrate()`
adds here, in about forty lines.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import sqlite_utils

from storage import schema
from storage.db import backup, db_file

log = logging.getLogger("bot.storage")


@dataclass(frozen=True)
class Migration:
    """One schema step. `apply` receives the sqlite-utils database, inside a transaction."""

    name: str
    apply: Callable[[sqlite_utils.Database], None]


class SchemaTooNew(RuntimeError):
    """The database was migrated by a newer release than this code."""


MIGRATIONS: tuple[Migration, ...] = (
    Migration("core_v1", schema.core_v1),
    Migration("core_v2_sender_index", schema.core_v2_sender_index),
    Migration("core_v3_key_out_and_followups", schema.core_v3_key_out_and_followups),
    Migration("tips_v1", schema.tips_v1),
    Migration("scan_jobs_v1", schema.scan_jobs_v1),
    Migration("request_ids_v1", schema.request_ids_v1),
    Migration("incident_workflow_v1", schema.incident_workflow_v1),
    Migration("console_v1", schema.console_v1),
    Migration("console_pages_v1", schema.console_pages_v1),
    Migration("incident_snippet_v1", schema.incident_snippet_v1),
)


def all_migrations() -> list[Migration]:
    """Every migration of this release, in order."""
    return list(MIGRATIONS)


def migrate(db: sqlite_utils.Database, migrations: Iterable[Migration] | None = None) -> list[str]:
    """Apply every migration not applied yet, in order; return the names applied now.

    With the default registry, a database that recorded a name this release does not
    know is refused (SchemaTooNew); a database in use (a file with earlier migrations)
    is copied beside itself before the first change."""
    migs = list(MIGRATIONS if migrations is None else migrations)
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
    pending = [m for m in migs if m.name not in done]
    path = db_file(db)
    if pending and done and path:
        # An upgrade of a database in use: keep a copy from before the first change.
        stamp = time.strftime("%Y%m%d-%H%M%S")
        copy = backup(db, f"{path}.before-{pending[0].name}-{stamp}")
        log.info("backup before migrating path=%s", copy)
    for m in pending:
        with db.conn:  # one transaction per migration
            db.execute("BEGIN")
            m.apply(db)
            db.execute(
                "INSERT INTO _migrations (name, applied_at) VALUES (?, ?)", [m.name, time.time()]
            )
        log.info("migration applied name=%s", m.name)
    return [m.name for m in pending]
