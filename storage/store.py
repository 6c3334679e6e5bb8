"""`Store`: every read and write the service makes, behind one object.

The methods are the storage interface: handlers, the outbox, the CLI and the
other areas call them and never write SQL of their own (an area with its own
tables adds its own module here, e.g. storage/tips.py, using `store.db`). All
times are epoch seconds (float) from the caller's clock, so tests can drive time.

The SQLite connection is used from one thread (the event loop, or the CLI).
Each call is a short statement or a short transaction: microseconds to a
millisecond, cheap enough to run on the loop.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import secrets
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlite_utils

from storage.db import connect, connect_readonly, migrate

log = logging.getLogger("bot.storage")

INCIDENT_STATUSES = ("open", "retracted", "escalated", "acknowledged", "dismissed", "justified")
# Statuses in which nobody has closed the incident yet (escalation still possible / pending).
ACTIVE_STATUSES = ("open", "escalated")
ROLES = ("admin", "ethics")


def iso(ts: float | None) -> str | None:
    if ts is None:
        return None
    return datetime.fromtimestamp(ts, UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _loads(raw: str | None) -> list[str]:
    return list(json.loads(raw)) if raw else []


@dataclass
class Incident:
    id: str
    group_id: str
    chat_type: str
    message_id: str
    sender_id: str | None
    source: str
    verdict: str
    status: str
    created_at: float
    types: list[str] = field(default_factory=list)
    masked: list[str] = field(default_factory=list)
    digests: list[str] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)
    doc_type: str | None = None
    reason: str | None = None
    resolved_by: str | None = None
    repeat_of: str | None = None
    updated_at: float | None = None
    event_at: float | None = None
    escalate_at: float | None = None
    escalated_at: float | None = None
    alerted_at: float | None = None
    resolved_at: float | None = None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Incident:
        data = dict(row)
        for key in ("types", "masked", "digests", "rules"):
            data[key] = _loads(data.get(key))
        return cls(**data)

    def to_json(self) -> dict[str, Any]:
        """The `bot.py incidents --json` shape: ids, types, masked values; never raw data."""
        return {
            "id": self.id,
            "group_id": self.group_id,
            "chat_type": self.chat_type,
            "message_id": self.message_id,
            "sender_id": self.sender_id,
            "source": self.source,
            "doc_type": self.doc_type,
            "types": self.types,
            "masked": self.masked,
            "verdict": self.verdict,
            "status": self.status,
            "reason": self.reason,
            "repeat_of": self.repeat_of,
            "created_at": iso(self.created_at),
            "escalated_at": iso(self.escalated_at),
            "resolved_at": iso(self.resolved_at),
        }


@dataclass
class OutboxRow:
    id: int
    kind: str
    priority: int
    to_id: str | None
    reply_token: str | None
    messages: list[dict[str, Any]]
    retry_key: str | None
    status: str
    attempts: int
    next_attempt_at: float
    created_at: float
    incident_id: str | None = None
    last_error: str | None = None
    sent_at: float | None = None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> OutboxRow:
        data = dict(row)
        data["messages"] = json.loads(data["messages"]) if data.get("messages") else []
        data["attempts"] = data.get("attempts") or 0
        data["priority"] = data.get("priority") or 0
        return cls(**data)


class Store:
    """The SQLite implementation of the storage interface (see storage/base.py)."""

    ACTIVITY_FLUSH_SECONDS = 2.0

    def __init__(self, db: sqlite_utils.Database, path: str | Path = ":memory:") -> None:
        self.db = db
        self.path = str(path)
        self._savepoints = 0
        self.erased = False  # values were deleted since the last checkpoint (see checkpoint())
        self._ephemeral_key: bytes | None = None
        # Activity counters are summed in memory and written every few seconds (one write
        # per message would be the busiest statement of the service).
        self._activity: dict[tuple[str, str, str], int] = {}
        self._activity_flushed = 0.0

    # -- lifecycle -------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path) -> Store:
        """Connect and migrate. `path` may be ":memory:"."""
        db = connect(path)
        migrate(db)
        return cls(db, path)

    @classmethod
    def open_readonly(cls, path: str | Path) -> Store:
        """An existing database, read-only (DatabaseMissing when there is none)."""
        return cls(connect_readonly(path))

    def close(self) -> None:
        with contextlib.suppress(Exception):  # a read-only or full disk must not block the exit
            self.flush_activity()
        with contextlib.suppress(Exception):
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

    def _rows(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[dict[str, Any]]:
        cur = self.db.execute(sql, params)
        cols = [c[0] for c in cur.description]
        return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]

    def _one(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> dict[str, Any] | None:
        rows = self._rows(sql, params)
        return rows[0] if rows else None

    # -- settings --------------------------------------------------------------------------

    def get_setting(self, key: str) -> str | None:
        row = self._one("SELECT value FROM settings WHERE key = ?", [key])
        return row["value"] if row else None

    def set_setting(self, key: str, value: str) -> None:
        self.db.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, value],
        )

    def hash_salt(self, configured: str | None = None) -> bytes:
        """The key of the value hashes (HMAC), never kept in the database: `configured`
        (BOT_HASH_KEY), else a key file beside the database (`bot.hashkey` for `bot.db`),
        created at first start with mode 0600; a random per-process key for ":memory:"."""
        if configured:
            return configured.encode("utf-8")
        if self.path == ":memory:":
            if self._ephemeral_key is None:
                self._ephemeral_key = secrets.token_hex(32).encode("ascii")
            return self._ephemeral_key
        return read_or_create_key(key_path(self.path))

    # -- webhook redelivery ----------------------------------------------------------------

    def first_delivery(self, event_id: str, now: float) -> bool:
        """Record a webhookEventId; False when it was seen before (a redelivery)."""
        cur = self.db.execute(
            "INSERT OR IGNORE INTO webhook_events (event_id, received_at) VALUES (?, ?)",
            [event_id, now],
        )
        return cur.rowcount == 1

    # -- groups and users ------------------------------------------------------------------

    def group(self, group_id: str) -> dict[str, Any] | None:
        return self._one("SELECT * FROM groups WHERE group_id = ?", [group_id])

    def upsert_group(self, group_id: str, now: float, **fields: Any) -> None:
        allowed = {"chat_type", "locale", "name", "joined_at", "left_at"}
        bad = set(fields) - allowed
        if bad:
            raise ValueError(f"unknown group fields: {sorted(bad)}")
        row = {"group_id": group_id, "updated_at": now, **fields}
        self.db.table("groups").upsert(row, pk="group_id")

    def group_locale(self, group_id: str) -> str | None:
        row = self.group(group_id)
        return row["locale"] if row and row.get("locale") else None

    def list_groups(self, *, active_only: bool = True) -> list[dict[str, Any]]:
        sql = "SELECT * FROM groups"
        if active_only:
            sql += " WHERE left_at IS NULL"
        return self._rows(sql + " ORDER BY joined_at")

    def user(self, user_id: str) -> dict[str, Any] | None:
        return self._one("SELECT * FROM users WHERE user_id = ?", [user_id])

    def set_friend(
        self, user_id: str, is_friend: bool, now: float, locale: str | None = None
    ) -> None:
        row: dict[str, Any] = {"user_id": user_id, "is_friend": int(is_friend), "checked_at": now}
        if locale:
            row["locale"] = locale
        self.db.table("users").upsert(row, pk="user_id")

    # -- roles -----------------------------------------------------------------------------

    def add_role(self, user_id: str, role: str, group_id: str | None, now: float) -> bool:
        if role not in ROLES:
            raise ValueError(f"role must be one of {ROLES}")
        cur = self.db.execute(
            "INSERT OR IGNORE INTO roles (user_id, role, group_id, created_at) VALUES (?, ?, ?, ?)",
            [user_id, role, group_id or "", now],
        )
        return cur.rowcount == 1

    def remove_role(self, user_id: str, role: str, group_id: str | None) -> bool:
        cur = self.db.execute(
            "DELETE FROM roles WHERE user_id = ? AND role = ? AND group_id = ?",
            [user_id, role, group_id or ""],
        )
        return cur.rowcount > 0

    def list_roles(self) -> list[dict[str, Any]]:
        return self._rows("SELECT * FROM roles ORDER BY role, group_id, created_at")

    def group_admins(self, group_id: str) -> list[str]:
        rows = self._rows(
            "SELECT user_id FROM roles WHERE role = 'admin' AND group_id = ? ORDER BY created_at",
            [group_id],
        )
        return [r["user_id"] for r in rows]

    def ethics_users(self) -> list[str]:
        rows = self._rows("SELECT user_id FROM roles WHERE role = 'ethics' ORDER BY created_at")
        return [r["user_id"] for r in rows]

    def is_admin(self, user_id: str, group_id: str) -> bool:
        return user_id in self.group_admins(group_id)

    def is_ethics(self, user_id: str) -> bool:
        return user_id in self.ethics_users()

    # -- one-time admin codes --------------------------------------------------------------

    @staticmethod
    def _code_hash(code: str) -> str:
        return hashlib.sha256(code.strip().upper().encode("utf-8")).hexdigest()

    def create_admin_code(self, group_id: str, now: float, ttl_seconds: float = 24 * 3600) -> str:
        """A fresh one-time code (8 characters, no look-alikes); only its hash is stored."""
        alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
        code = "".join(secrets.choice(alphabet) for _ in range(8))
        self.db.execute(
            "INSERT INTO admin_codes (code_hash, group_id, created_at, expires_at) "
            "VALUES (?, ?, ?, ?)",
            [self._code_hash(code), group_id, now, now + ttl_seconds],
        )
        return code

    def claim_admin_code(self, group_id: str, code: str, user_id: str, now: float) -> bool:
        """Use a code: valid for this group, unexpired and unused -> the user becomes admin."""
        cur = self.db.execute(
            "UPDATE admin_codes SET used_by = ?, used_at = ? "
            "WHERE code_hash = ? AND group_id = ? AND used_by IS NULL AND expires_at > ?",
            [user_id, now, self._code_hash(code), group_id, now],
        )
        if cur.rowcount != 1:
            return False
        self.add_role(user_id, "admin", group_id, now)
        return True

    # -- incidents -------------------------------------------------------------------------

    def create_incident(self, incident: Incident) -> bool:
        """Insert; False when an incident for this message already exists."""
        row = {
            **incident.__dict__,
            "types": json.dumps(incident.types),
            "masked": json.dumps(incident.masked, ensure_ascii=False),
            "digests": json.dumps(incident.digests),
            "rules": json.dumps(incident.rules),
        }
        cols = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        cur = self.db.execute(
            f"INSERT OR IGNORE INTO incidents ({cols}) VALUES ({marks})", list(row.values())
        )
        return cur.rowcount == 1

    def incident(self, incident_id: str) -> Incident | None:
        row = self._one("SELECT * FROM incidents WHERE id = ?", [incident_id])
        return Incident.from_row(row) if row else None

    def incident_by_message(self, message_id: str) -> Incident | None:
        row = self._one("SELECT * FROM incidents WHERE message_id = ?", [message_id])
        return Incident.from_row(row) if row else None

    def list_incidents(
        self, *, group_id: str | None = None, since: float | None = None, limit: int | None = None
    ) -> list[Incident]:
        sql = "SELECT * FROM incidents WHERE 1=1"
        params: list[Any] = []
        if group_id:
            sql += " AND group_id = ?"
            params.append(group_id)
        if since is not None:
            sql += " AND created_at >= ?"
            params.append(since)
        sql += " ORDER BY created_at, rowid"
        if limit:
            sql += f" LIMIT {int(limit)}"
        return [Incident.from_row(r) for r in self._rows(sql, params)]

    def set_incident_status(
        self,
        incident_id: str,
        status: str,
        now: float,
        *,
        by: str | None = None,
        reason: str | None = None,
        only_from: Iterable[str] | None = None,
    ) -> bool:
        """Move to `status` (optionally only from the given statuses); False if nothing changed."""
        if status not in INCIDENT_STATUSES:
            raise ValueError(f"unknown status {status!r}")
        sql = "UPDATE incidents SET status = ?, updated_at = ?"
        params: list[Any] = [status, now]
        if status in ("retracted", "acknowledged", "dismissed", "justified"):
            sql += ", resolved_at = ?, resolved_by = ?, reason = COALESCE(?, reason)"
            params += [now, by, reason]
        if status == "escalated":
            sql += ", escalated_at = ?"
            params.append(now)
        sql += " WHERE id = ?"
        params.append(incident_id)
        if only_from is not None:
            allowed = list(only_from)
            sql += f" AND status IN ({', '.join('?' for _ in allowed)})"
            params += allowed
        return self.db.execute(sql, params).rowcount == 1

    def forget_incident_values(self, incident_id: str) -> None:
        """Delete what we held of a retracted message: masked values, hashes, rules, and its
        pending follow-up (with its masked snippet). The caller checkpoints (`checkpoint()`)
        once it is committed, so the old pages leave the WAL too."""
        self.db.execute(
            "UPDATE incidents SET masked = '[]', digests = '[]', rules = '[]' WHERE id = ?",
            [incident_id],
        )
        self.db.execute("DELETE FROM followups WHERE incident_id = ?", [incident_id])
        self.erased = True

    # -- follow-ups (the part of a leak's handling that needs LINE: note, admin alert) ------

    def followup_add(self, incident_id: str, items: str, snippet: str, now: float) -> None:
        """Written with the incident, before the webhook's 200: a restart resumes it."""
        self.db.execute(
            "INSERT OR IGNORE INTO followups (incident_id, items, snippet, created_at) "
            "VALUES (?, ?, ?, ?)",
            [incident_id, items, snippet, now],
        )

    def followup_done(self, incident_id: str) -> None:
        self.db.execute("DELETE FROM followups WHERE incident_id = ?", [incident_id])

    def followups(self, created_before: float | None = None) -> list[dict[str, Any]]:
        if created_before is None:
            return self._rows("SELECT * FROM followups ORDER BY created_at, rowid")
        return self._rows(
            "SELECT * FROM followups WHERE created_at < ? ORDER BY created_at, rowid",
            [created_before],
        )

    def mark_alerted(self, incident_id: str, now: float) -> None:
        self.db.execute("UPDATE incidents SET alerted_at = ? WHERE id = ?", [now, incident_id])

    def due_escalations(self, now: float) -> list[Incident]:
        rows = self._rows(
            "SELECT * FROM incidents WHERE status = 'open' AND escalated_at IS NULL "
            "AND escalate_at IS NOT NULL AND escalate_at <= ? ORDER BY escalate_at",
            [now],
        )
        return [Incident.from_row(r) for r in rows]

    def next_escalation_at(self) -> float | None:
        row = self._one(
            "SELECT MIN(escalate_at) AS t FROM incidents WHERE status = 'open' "
            "AND escalated_at IS NULL AND escalate_at IS NOT NULL"
        )
        return row["t"] if row else None

    def claim_escalation(self, incident_id: str, now: float) -> bool:
        """Open -> escalated, once: False if someone closed or escalated it meanwhile."""
        return self.set_incident_status(incident_id, "escalated", now, only_from=("open",))

    def repeat_of(
        self, digests: Sequence[str], sender_id: str | None, exclude_id: str
    ) -> str | None:
        """The latest earlier incident of this sender sharing a value hash, if any."""
        if not digests or not sender_id:
            return None
        for digest in digests:
            row = self._one(
                "SELECT id FROM incidents WHERE sender_id = ? AND id != ? AND instr(digests, ?) > 0 "
                "ORDER BY created_at DESC LIMIT 1",
                [sender_id, exclude_id, json.dumps(digest)],
            )
            if row:
                return str(row["id"])
        return None

    def incident_counts(self, group_id: str, since: float) -> dict[str, int]:
        rows = self._rows(
            "SELECT status, COUNT(*) AS n FROM incidents WHERE group_id = ? AND created_at >= ? "
            "GROUP BY status",
            [group_id, since],
        )
        return {r["status"]: r["n"] for r in rows}

    # -- unsend ----------------------------------------------------------------------------

    def record_unsent(self, message_id: str, chat_id: str | None, now: float) -> None:
        self.db.execute(
            "INSERT OR IGNORE INTO unsent (message_id, chat_id, unsent_at) VALUES (?, ?, ?)",
            [message_id, chat_id, now],
        )

    def was_unsent(self, message_id: str) -> bool:
        return self._one("SELECT 1 AS x FROM unsent WHERE message_id = ?", [message_id]) is not None

    # -- activity counters -----------------------------------------------------------------

    def count_activity(self, group_id: str, kind: str, now: float, n: int = 1) -> None:
        day = datetime.fromtimestamp(now, UTC).strftime("%Y-%m-%d")
        key = (group_id, day, kind)
        self._activity[key] = self._activity.get(key, 0) + n
        mono = time.monotonic()
        if (
            mono - self._activity_flushed >= self.ACTIVITY_FLUSH_SECONDS
            or len(self._activity) > 500
        ):
            self.flush_activity()

    def flush_activity(self) -> None:
        pending, self._activity = self._activity, {}
        self._activity_flushed = time.monotonic()
        if not pending:
            return
        with self.atomic():
            for (group_id, day, kind), n in pending.items():
                self.db.execute(
                    "INSERT INTO activity (group_id, day, kind, count) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT(group_id, day, kind) DO UPDATE SET count = count + excluded.count",
                    [group_id, day, kind, n],
                )

    def activity(self, group_id: str | None = None, since_day: str | None = None) -> dict[str, int]:
        self.flush_activity()
        sql = "SELECT kind, SUM(count) AS n FROM activity WHERE 1=1"
        params: list[Any] = []
        if group_id:
            sql += " AND group_id = ?"
            params.append(group_id)
        if since_day:
            sql += " AND day >= ?"
            params.append(since_day)
        return {r["kind"]: r["n"] for r in self._rows(sql + " GROUP BY kind", params)}

    # -- outbox ----------------------------------------------------------------------------

    def outbox_add(
        self,
        *,
        kind: str,
        messages: list[dict[str, Any]],
        now: float,
        to_id: str | None,
        reply_token: str | None = None,
        retry_key: str | None = None,
        priority: int = 0,
        incident_id: str | None = None,
    ) -> int:
        cur = self.db.execute(
            "INSERT INTO outbox (kind, priority, to_id, reply_token, messages, retry_key, status, "
            "attempts, next_attempt_at, created_at, incident_id) "
            "VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?)",
            [
                kind,
                priority,
                to_id,
                reply_token,
                json.dumps(messages, ensure_ascii=False),
                retry_key,
                now,
                now,
                incident_id,
            ],
        )
        return int(cur.lastrowid or 0)

    def outbox_row(self, row_id: int) -> OutboxRow | None:
        row = self._one("SELECT * FROM outbox WHERE id = ?", [row_id])
        return OutboxRow.from_row(row) if row else None

    def outbox_claim_due(self, now: float, limit: int = 50) -> list[OutboxRow]:
        """Due pending rows, highest priority first, marked `sending`."""
        with self.atomic(immediate=True):
            rows = self._rows(
                "SELECT * FROM outbox WHERE status = 'pending' AND next_attempt_at <= ? "
                "ORDER BY priority DESC, id LIMIT ?",
                [now, limit],
            )
            if rows:
                ids = [r["id"] for r in rows]
                self.db.execute(
                    f"UPDATE outbox SET status = 'sending' WHERE id IN ({', '.join('?' * len(ids))})",
                    ids,
                )
        return [OutboxRow.from_row(r) for r in rows]

    def outbox_sent(self, row_id: int, now: float, note: str | None = None) -> None:
        """Delivered (or accepted before: 409): the body is no longer needed, drop it."""
        self.db.execute(
            "UPDATE outbox SET status = 'sent', sent_at = ?, messages = '[]', reply_token = NULL, "
            "attempts = attempts + 1, last_error = ? WHERE id = ?",
            [now, note, row_id],
        )

    def outbox_retry(self, row_id: int, next_at: float, error: str) -> None:
        self.db.execute(
            "UPDATE outbox SET status = 'pending', attempts = attempts + 1, next_attempt_at = ?, "
            "last_error = ? WHERE id = ?",
            [next_at, error[:300], row_id],
        )

    def outbox_to_push(self, row_id: int, retry_key: str, now: float, error: str) -> None:
        """A reply that cannot be used (expired / invalid token) becomes a push."""
        self.db.execute(
            "UPDATE outbox SET reply_token = NULL, retry_key = ?, status = 'pending', "
            "next_attempt_at = ?, attempts = attempts + 1, last_error = ? WHERE id = ?",
            [retry_key, now, error[:300], row_id],
        )

    def outbox_set_retry_key(self, row_id: int, retry_key: str) -> None:
        self.db.execute(
            "UPDATE outbox SET retry_key = ? WHERE id = ? AND retry_key IS NULL",
            [retry_key, row_id],
        )

    def outbox_failed(self, row_id: int, now: float, error: str) -> None:
        """Permanently rejected (e.g. 400/403): kept for inspection, body dropped."""
        self.db.execute(
            "UPDATE outbox SET status = 'failed', messages = '[]', reply_token = NULL, "
            "attempts = attempts + 1, sent_at = ?, last_error = ? WHERE id = ?",
            [now, error[:300], row_id],
        )

    def outbox_hold(self, row_id: int, now: float, error: str) -> None:
        """LINE refused our credentials (401/403): kept whole (body included) as `held`
        until `bot.py outbox retry` releases it."""
        self.db.execute(
            "UPDATE outbox SET status = 'held', attempts = attempts + 1, next_attempt_at = ?, "
            "last_error = ? WHERE id = ?",
            [now, error[:300], row_id],
        )

    def outbox_release(self, now: float, ids: Sequence[int] | None = None) -> int:
        """Held rows (all, or those of `ids`) back to pending, due now."""
        sql = "UPDATE outbox SET status = 'pending', next_attempt_at = ? WHERE status = 'held'"
        params: list[Any] = [now]
        if ids is not None:
            sql += f" AND id IN ({', '.join('?' * len(ids))})"
            params += list(ids)
        return self.db.execute(sql, params).rowcount

    def outbox_hasten(self, now: float, *, limit: int | None = None) -> int:
        """Make pending rows waiting on a backoff due now (highest priority first): LINE
        answers again, or a probe is wanted."""
        return self.db.execute(
            "UPDATE outbox SET next_attempt_at = ? WHERE id IN (SELECT id FROM outbox "
            "WHERE status = 'pending' AND next_attempt_at > ? "
            "ORDER BY priority DESC, id LIMIT ?)",
            [now, now, -1 if limit is None else limit],
        ).rowcount

    def outbox_postpone(self, row_id: int, next_at: float, error: str) -> None:
        """Back to pending without counting an attempt (nothing was sent: quota paused)."""
        self.db.execute(
            "UPDATE outbox SET status = 'pending', next_attempt_at = ?, last_error = ? "
            "WHERE id = ?",
            [next_at, error[:300], row_id],
        )

    def outbox_cancel(self, *, incident_id: str, kinds: Sequence[str]) -> int:
        if not kinds:
            return 0
        cur = self.db.execute(
            "UPDATE outbox SET status = 'cancelled', messages = '[]', reply_token = NULL "
            f"WHERE incident_id = ? AND status = 'pending' AND kind IN ({', '.join('?' * len(kinds))})",
            [incident_id, *kinds],
        )
        return cur.rowcount

    def outbox_reset_inflight(self, note: str | None = None) -> int:
        """At start-up: rows left `sending` by a killed process go back to pending, with
        `note` as their last error (the outbox marks them ambiguous: LINE may have taken
        the attempt the process died in)."""
        return self.db.execute(
            "UPDATE outbox SET status = 'pending', last_error = COALESCE(?, last_error) "
            "WHERE status = 'sending'",
            [note],
        ).rowcount

    def outbox_next_due(self) -> float | None:
        row = self._one("SELECT MIN(next_attempt_at) AS t FROM outbox WHERE status = 'pending'")
        return row["t"] if row else None

    def outbox_stuck(self, due_before: float) -> dict[str, Any] | None:
        """Pending rows that were due before `due_before` and have failed at least once:
        how many, and the latest error (for /readyz). None when there are none."""
        row = self._one(
            "SELECT COUNT(*) AS count, MAX(last_error) AS last_error FROM outbox "
            "WHERE status = 'pending' AND attempts > 0 AND created_at < ?",
            [due_before],
        )
        return row if row and row["count"] else None

    def outbox_counts(self) -> dict[str, int]:
        rows = self._rows("SELECT status, COUNT(*) AS n FROM outbox GROUP BY status")
        return {r["status"]: r["n"] for r in rows}

    def outbox_rows(self, *, status: str | None = None) -> list[OutboxRow]:
        sql = "SELECT * FROM outbox"
        params: list[Any] = []
        if status:
            sql += " WHERE status = ?"
            params.append(status)
        return [OutboxRow.from_row(r) for r in self._rows(sql + " ORDER BY id", params)]

    # -- retention -------------------------------------------------------------------------

    def purge(self, now: float, retention_days: int) -> dict[str, int]:
        """Enforce retention: incidents and their traces older than `retention_days`; the
        short-lived bookkeeping (redelivery ids, unsend marks, used codes, delivered
        outbox rows) after a few days."""
        self.flush_activity()
        cutoff = now - retention_days * 86400
        short = now - 3 * 86400
        out = {}
        with self.atomic():
            out["incidents"] = self.db.execute(
                "DELETE FROM incidents WHERE created_at < ?", [cutoff]
            ).rowcount
            out["webhook_events"] = self.db.execute(
                "DELETE FROM webhook_events WHERE received_at < ?", [short]
            ).rowcount
            out["unsent"] = self.db.execute(
                "DELETE FROM unsent WHERE unsent_at < ?", [short]
            ).rowcount
            out["admin_codes"] = self.db.execute(
                "DELETE FROM admin_codes WHERE expires_at < ?", [short]
            ).rowcount
            out["outbox"] = self.db.execute(
                "DELETE FROM outbox WHERE status IN ('sent', 'failed', 'cancelled') "
                "AND created_at < ?",
                [short],
            ).rowcount
            day = datetime.fromtimestamp(cutoff, UTC).strftime("%Y-%m-%d")
            out["activity"] = self.db.execute("DELETE FROM activity WHERE day < ?", [day]).rowcount
        if any(out.values()) and not self.db.conn.in_transaction:
            self.checkpoint()
        return out


def key_path(db_path: str | Path) -> Path:
    """`data/bot.db` -> `data/bot.hashkey`: beside the database, never inside it."""
    p = Path(db_path)
    return p.with_name(p.stem + ".hashkey")


def read_or_create_key(path: Path) -> bytes:
    """The hash key in `path`, created (mode 0600, 32 random bytes as hex) if absent."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return _read_key(path)
    key = secrets.token_hex(32).encode("ascii")
    with os.fdopen(fd, "wb") as fh:
        fh.write(key + b"\n")
    log.info("hash key created path=%s", path)
    return key


def _read_key(path: Path) -> bytes:
    if path.stat().st_mode & 0o077:
        os.chmod(path, 0o600)
        log.warning("hash key file was readable by others; now 0600 path=%s", path)
    key = path.read_bytes().strip()
    if len(key) < 32:
        raise ValueError(f"hash key file {path} is too short (need 32+ characters)")
    return key


def open_store(path: str | Path, *, readonly: bool = False) -> Store:
    """Open the store at `path` (the one entry point other areas use). `readonly`: an
    existing database only, no migration, no write (storage.DatabaseMissing if absent)."""
    return Store.open_readonly(path) if readonly else Store.open(path)


if TYPE_CHECKING:  # mypy checks that the SQLite store implements the whole interface
    from storage.base import StorageBackend

    _conforms: type[StorageBackend] = Store
