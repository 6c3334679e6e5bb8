"""The outbox: every message the bot sends to LINE, queued first, sent by the outbox
worker with retries. Outgoing messages (which only ever carry masked values) lose their
body once delivered, failed or cancelled.

Several replicas share one outbox (PostgreSQL): each claims due rows row by row
(`FOR UPDATE SKIP LOCKED`: two replicas never take the same row, nor wait on each other)
with a lease, `claimed_by` (the store's random replica id) and `claimed_until`. A replica
that dies mid-send leaves its rows `sending`; once their lease has run out any replica
claims them again, marked with the caller's `expired_note` (the outbox treats the attempt
as ambiguous). A push keeps the `X-Line-Retry-Key` fixed in its row, so the second
attempt is one LINE has already seen and never shows twice. At start, a replica puts back
only rows without a live lease: never those another replica is sending."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, Protocol

from storage.base import SQLiteBase
from storage.models import OutboxRow

# How long a claim lasts: three times the longest send (a request times out after 10 s, and
# the claim is renewed before each send of a batch), short enough that a dead replica's
# messages go out again within half a minute (at 120 s, the cluster bench's kill run
# delayed text warnings by up to 125 s).
CLAIM_LEASE_SECONDS = 30.0


class OutboxBackend(Protocol):
    replica_id: str  # who claims rows: this process (storage/base.py)

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
        request_id: str | None = None,
    ) -> int: ...

    def outbox_row(self, row_id: int) -> OutboxRow | None: ...

    def outbox_claim_due(
        self, now: float, limit: int = 50, *, expired_note: str | None = None
    ) -> list[OutboxRow]:
        """Due pending rows (and `sending` rows whose claim expired, their last error set
        to `expired_note`), highest priority first, marked `sending` by this replica."""
        ...

    def outbox_renew_claim(self, row_id: int, now: float) -> bool:
        """Just before sending a claimed row: extend this replica's claim; False when the
        row is no longer its own (its claim ran out and another replica took it)."""
        ...

    def outbox_sent(self, row_id: int, now: float, note: str | None = None) -> None:
        """Delivered (or accepted before: 409): the body is no longer needed, drop it."""
        ...

    def outbox_retry(self, row_id: int, next_at: float, error: str) -> None: ...

    def outbox_to_push(self, row_id: int, retry_key: str, now: float, error: str) -> None:
        """A reply that cannot be used (expired / invalid token) becomes a push."""
        ...

    def outbox_set_retry_key(self, row_id: int, retry_key: str) -> None: ...

    def outbox_failed(self, row_id: int, now: float, error: str) -> None:
        """Permanently rejected (e.g. 400/403): kept for inspection, body dropped."""
        ...

    def outbox_hold(self, row_id: int, now: float, error: str) -> None:
        """LINE refused our credentials: kept whole as `held` until released."""
        ...

    def outbox_release(self, now: float, ids: Sequence[int] | None = None) -> int:
        """Held rows (all, or those of `ids`) back to pending, due now."""
        ...

    def outbox_hasten(self, now: float, *, limit: int | None = None) -> int:
        """Make pending rows waiting on a backoff due now (highest priority first)."""
        ...

    def outbox_postpone(self, row_id: int, next_at: float, error: str) -> None:
        """Back to pending without counting an attempt (nothing was sent)."""
        ...

    def outbox_cancel(self, *, incident_id: str, kinds: Sequence[str]) -> int: ...

    def outbox_reset_inflight(
        self, note: str | None = None, *, now: float | None = None, owner: str | None = None
    ) -> int:
        """At start-up: rows left `sending` by a killed process go back to pending (with
        `now`: only those whose claim has expired or that no replica claimed); at a stop,
        with `owner`: only the rows this replica claimed."""
        ...

    def outbox_next_due(self) -> float | None: ...

    def outbox_stuck(self, due_before: float) -> dict[str, Any] | None:
        """Pending rows due before `due_before` that failed at least once (for /readyz)."""
        ...

    def outbox_counts(self) -> dict[str, int]: ...

    def outbox_rows(self, *, status: str | None = None) -> list[OutboxRow]: ...


class SQLiteOutbox(SQLiteBase):
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
        request_id: str | None = None,
    ) -> int:
        return self._insert_id(
            "INSERT INTO outbox (kind, priority, to_id, reply_token, messages, retry_key, status, "
            "attempts, next_attempt_at, created_at, incident_id, request_id) "
            "VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?, ?)",
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
                request_id,
            ],
        )

    def outbox_row(self, row_id: int) -> OutboxRow | None:
        row = self._one("SELECT * FROM outbox WHERE id = ?", [row_id])
        return OutboxRow.from_row(row) if row else None

    def outbox_claim_due(
        self, now: float, limit: int = 50, *, expired_note: str | None = None
    ) -> list[OutboxRow]:
        """Due pending rows, highest priority first, marked `sending` by this replica for
        CLAIM_LEASE_SECONDS; also `sending` rows whose claim expired (their replica died),
        with `expired_note` as their last error. SQLite's write lock serialises claims;
        on PostgreSQL the rows are locked one by one, skipping those another replica holds."""
        lock = " FOR UPDATE SKIP LOCKED" if self._pg else ""
        with self.atomic(immediate=True):
            rows = list(
                self.db.query(
                    "UPDATE outbox SET status = 'sending', claimed_by = ?, claimed_until = ?, "
                    "last_error = CASE WHEN status = 'sending' THEN COALESCE(?, last_error) "
                    "ELSE last_error END "
                    "WHERE id IN (SELECT id FROM outbox WHERE "
                    "(status = 'pending' AND next_attempt_at <= ?) "
                    "OR (status = 'sending' AND COALESCE(claimed_until, 0) < ?) "
                    f"ORDER BY priority DESC, id LIMIT ?{lock}) RETURNING *",
                    [self.replica_id, now + CLAIM_LEASE_SECONDS, expired_note, now, now, limit],
                )
            )
        rows.sort(key=lambda r: (-(r["priority"] or 0), r["id"]))
        return [OutboxRow.from_row(r) for r in rows]

    def outbox_renew_claim(self, row_id: int, now: float) -> bool:
        """Just before sending a claimed row: extend this replica's claim; False when the
        row is no longer its own (a batch waited on a slow LINE past the lease, and another
        replica took the row over: it sends it, this one must not)."""
        return (
            self.db.execute(
                "UPDATE outbox SET claimed_until = ? "
                "WHERE id = ? AND status = 'sending' AND claimed_by = ?",
                [now + CLAIM_LEASE_SECONDS, row_id, self.replica_id],
            ).rowcount
            == 1
        )

    def outbox_sent(self, row_id: int, now: float, note: str | None = None) -> None:
        """Delivered (or accepted before: 409): the body is no longer needed, drop it.
        A sender's private note also goes into its incident's timeline."""
        self.db.execute(
            "UPDATE outbox SET status = 'sent', sent_at = ?, messages = '[]', reply_token = NULL, "
            "attempts = attempts + 1, last_error = ? WHERE id = ?",
            [now, note, row_id],
        )
        self._note_event(row_id, now, "note_delivered", None)

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
        status = error.split(" ", 1)[0]
        self._note_event(row_id, now, "note_failed", f"line_{status}" if status.isdigit() else None)

    def _note_event(self, row_id: int, now: float, kind: str, detail: str | None) -> None:
        """The timeline row of a private note's delivery (storage/incident_events.py)."""
        self.db.execute(
            "INSERT INTO incident_events (incident_id, at, kind, actor_role, detail) "
            "SELECT incident_id, ?, ?, 'system', ? FROM outbox "
            "WHERE id = ? AND kind = 'note' AND incident_id IS NOT NULL",
            [now, kind, detail, row_id],
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
        bound = "" if limit is None else f" LIMIT {int(limit)}"
        return self.db.execute(
            "UPDATE outbox SET next_attempt_at = ? WHERE id IN (SELECT id FROM outbox "
            f"WHERE status = 'pending' AND next_attempt_at > ? ORDER BY priority DESC, id{bound})",
            [now, now],
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

    def outbox_reset_inflight(
        self, note: str | None = None, *, now: float | None = None, owner: str | None = None
    ) -> int:
        """At start-up: rows left `sending` by a killed process go back to pending, with
        `note` as their last error (the outbox marks them ambiguous: LINE may have taken
        the attempt the process died in). With `now`, only rows no live replica holds:
        unclaimed (an older release) or whose claim has expired; rows another running
        replica is sending stay its own (PostgreSQL; on SQLite every row: one process).
        With `owner` (a replica stopping): only the rows it claimed itself."""
        sql = (
            "UPDATE outbox SET status = 'pending', last_error = COALESCE(?, last_error), "
            "claimed_by = NULL, claimed_until = NULL WHERE status = 'sending'"
        )
        params: list[Any] = [note]
        # A SQLite file has one serving process: every `sending` row is its own, from before
        # its restart. A shared database: only rows whose claim no live replica renews.
        if now is not None and self._pg:
            sql += " AND (claimed_until IS NULL OR claimed_until < ?)"
            params.append(now)
        if owner is not None:
            sql += " AND claimed_by = ?"
            params.append(owner)
        return self.db.execute(sql, params).rowcount

    def outbox_next_due(self) -> float | None:
        """When a row is next due: a pending row's attempt, or the end of a claim (a row
        whose replica died is claimed again then)."""
        row = self._one(
            "SELECT MIN(CASE WHEN status = 'pending' THEN next_attempt_at ELSE claimed_until END)"
            " AS t FROM outbox WHERE status = 'pending' "
            "OR (status = 'sending' AND claimed_until IS NOT NULL)"
        )
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
        rows = self.db.query("SELECT status, COUNT(*) AS n FROM outbox GROUP BY status")
        return {r["status"]: r["n"] for r in rows}

    def outbox_rows(self, *, status: str | None = None) -> list[OutboxRow]:
        sql = "SELECT * FROM outbox"
        params: list[Any] = []
        if status:
            sql += " WHERE status = ?"
            params.append(status)
        return [OutboxRow.from_row(r) for r in self.db.query(sql + " ORDER BY id", params)]
