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

PostgreSQL runs the same steps (same names, same order, the same `_migrations` table):
each `Migration` carries its PostgreSQL DDL beside the SQLite function (storage/schema.py).
Replicas starting at once serialise on an advisory lock, so the steps run once; no file
copy is made before an upgrade there (`pg_dump` is the backup: docs/scale.md).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import sqlite_utils

from storage import schema
from storage.db import backup, db_file

if TYPE_CHECKING:
    from storage.pg import PgDatabase

log = logging.getLogger("bot.storage")


@dataclass(frozen=True)
class Migration:
    """One schema step. `apply` receives the sqlite-utils database, inside a transaction;
    `pg` is the same step's PostgreSQL DDL (statements separated by `;`)."""

    name: str
    apply: Callable[[sqlite_utils.Database], None]
    pg: str = ""


class SchemaTooNew(RuntimeError):
    """The database was migrated by a newer release than this code."""


MIGRATIONS: tuple[Migration, ...] = (
    Migration("core_v1", schema.core_v1, schema.CORE_V1_PG),
    Migration("core_v2_sender_index", schema.core_v2_sender_index, schema.CORE_V2_SENDER_INDEX_PG),
    Migration(
        "core_v3_key_out_and_followups",
        schema.core_v3_key_out_and_followups,
        schema.CORE_V3_KEY_OUT_AND_FOLLOWUPS_PG,
    ),
    Migration("tips_v1", schema.tips_v1, schema.TIPS_V1_PG),
    Migration("scan_jobs_v1", schema.scan_jobs_v1, schema.SCAN_JOBS_V1_PG),
    Migration("request_ids_v1", schema.request_ids_v1, schema.REQUEST_IDS_V1_PG),
    Migration("incident_workflow_v1", schema.incident_workflow_v1, schema.INCIDENT_WORKFLOW_V1_PG),
    Migration("console_v1", schema.console_v1, schema.CONSOLE_V1_PG),
    Migration("console_pages_v1", schema.console_pages_v1, schema.CONSOLE_PAGES_V1_PG),
    Migration("incident_snippet_v1", schema.incident_snippet_v1, schema.INCIDENT_SNIPPET_V1_PG),
    Migration("outbox_claims_v1", schema.outbox_claims_v1, schema.OUTBOX_CLAIMS_V1_PG),
)


def all_migrations() -> list[Migration]:
    """Every migration of this release, in order."""
    return list(MIGRATIONS)


def _checked(migrations: Iterable[Migration] | None) -> list[Migration]:
    migs = list(MIGRATIONS if migrations is None else migrations)
    names = [m.name for m in migs]
    dupes = {n for n in names if names.count(n) > 1}
    if dupes:
        raise ValueError(f"duplicate migration names: {sorted(dupes)}")
    return migs


def _refuse_unknown(done: set[str], migs: list[Migration], default: bool) -> None:
    unknown = sorted(done - {m.name for m in migs})
    if unknown and default:
        raise SchemaTooNew(
            f"the database was migrated by a newer release (unknown migrations: "
            f"{', '.join(unknown)}); run that release, or restore a backup made for this one"
        )


def migrate(
    db: sqlite_utils.Database | PgDatabase, migrations: Iterable[Migration] | None = None
) -> list[str]:
    """Apply every migration not applied yet, in order; return the names applied now.

    With the default registry, a database that recorded a name this release does not
    know is refused (SchemaTooNew); a database in use (a file with earlier migrations)
    is copied beside itself before the first change."""
    if not isinstance(db, sqlite_utils.Database):
        return migrate_pg(db, migrations)
    migs = _checked(migrations)
    db.execute(
        "CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at REAL NOT NULL)"
    )
    done = {row[0] for row in db.execute("SELECT name FROM _migrations").fetchall()}
    _refuse_unknown(done, migs, migrations is None)
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


def migrate_pg(db: PgDatabase, migrations: Iterable[Migration] | None = None) -> list[str]:
    """`migrate()` on PostgreSQL: the same steps and records, under an advisory lock (two
    replicas starting at once: the second waits, then finds nothing left to do)."""
    from storage.pg import MIGRATION_LOCK

    migs = _checked(migrations)
    db.execute("SELECT pg_advisory_lock(?)", [MIGRATION_LOCK])
    try:
        db.execute(
            "CREATE TABLE IF NOT EXISTS _migrations "
            "(name TEXT PRIMARY KEY, applied_at DOUBLE PRECISION NOT NULL)"
        )
        done = {row[0] for row in db.execute("SELECT name FROM _migrations").fetchall()}
        _refuse_unknown(done, migs, migrations is None)
        pending = [m for m in migs if m.name not in done]
        for m in pending:
            if not m.pg.strip():
                raise ValueError(f"migration {m.name} has no PostgreSQL step")
            with db.conn:
                db.execute("BEGIN")
                for statement in m.pg.split(";"):
                    if statement.strip():
                        db.execute(statement)
                db.execute(
                    "INSERT INTO _migrations (name, applied_at) VALUES (?, ?)",
                    [m.name, time.time()],
                )
            log.info("migration applied name=%s", m.name)
    finally:
        db.execute("SELECT pg_advisory_unlock(?)", [MIGRATION_LOCK])
    return [m.name for m in pending]
