"""The tips area's tables: schedules, rotation state, sends, quiz counts, broadcasts, charts
(created by `storage.schema.tips_v1`).

Privacy: quiz answers are kept as counts per group, tip and day; the only per-person trace is
a salted hash of (user, quiz send) that stops one person answering the same quiz twice and is
purged with the send. Broadcasts keep the ethics unit's own reminder text (no personal data
is expected there; it is what the groups receive) and a hash of who asked for it.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from types import TracebackType
from typing import Any, Protocol

import sqlite_utils

from storage.base import Params, SQLiteBase, first_row, insert_id
from storage.models import TipState


class TipsBackend(Protocol):
    """The tips area's storage (one connection or transaction shared with the `Store`)."""

    def transaction(self) -> AbstractContextManager[None]:
        """`with tips.transaction(): ...` - one SQLite transaction (state + outbox together)."""
        ...

    def schedule_row(self, group_id: str) -> dict[str, Any] | None: ...

    def save_schedule_row(self, row: dict[str, Any]) -> None: ...

    def state(self, group_id: str) -> TipState | None: ...

    def save_state(self, state: TipState) -> None: ...

    def set_member_count(self, group_id: str, count: int) -> None: ...

    def add_send(self, **row: Any) -> int: ...

    def set_send_outbox(self, send_id: int, outbox_id: int) -> None: ...

    def send(self, send_id: int) -> dict[str, Any] | None: ...

    def sends(self, *, group_id: str | None = None) -> list[dict[str, Any]]: ...

    def sends_between(self, start: float, end: float) -> list[dict[str, Any]]: ...

    def claim_explanation(self, send_id: int) -> bool:
        """True once per send: the first answer posts the explanation."""
        ...

    def record_vote(
        self,
        *,
        send_id: int,
        voter: str,
        group_id: str,
        tip_id: str,
        day: str,
        choice: int,
        correct: bool,
        now: float,
    ) -> bool:
        """Count one answer; False (nothing counted) if this voter already answered this send."""
        ...

    def quiz_counts(
        self, *, since_day: str | None = None, until_day: str | None = None
    ) -> list[dict[str, Any]]: ...

    def add_broadcast(self, row: dict[str, Any]) -> None: ...

    def broadcast(self, broadcast_id: str) -> dict[str, Any] | None: ...

    def move_broadcast(
        self, broadcast_id: str, from_status: str, to_status: str, now: float
    ) -> bool: ...

    def finish_broadcast(
        self, broadcast_id: str, sent_groups: int, skipped_groups: int
    ) -> None: ...

    def add_chart(self, token: str, png: bytes, now: float, expires_at: float) -> None: ...

    def chart(self, token: str, now: float) -> bytes | None: ...

    def purge(self, now: float, retention_days: int) -> dict[str, int]: ...


class TipStore:
    """The tips area on SQLite, on the service's `Store` (same connection)."""

    def __init__(self, store: SQLiteBase) -> None:
        self.db = store.db

    def _one(self, sql: str, params: Params = ()) -> dict[str, Any] | None:
        return first_row(self.db, sql, params)

    def transaction(self) -> AbstractContextManager[None]:
        """`with tips.transaction(): ...` - one SQLite transaction (state + outbox together)."""
        return _Tx(self.db)

    # -- schedules -----------------------------------------------------------------------

    def schedule_row(self, group_id: str) -> dict[str, Any] | None:
        return self._one("SELECT * FROM tip_schedules WHERE group_id = ?", [group_id])

    def save_schedule_row(self, row: dict[str, Any]) -> None:
        self.db.table("tip_schedules").upsert(row, pk="group_id")

    # -- rotation state --------------------------------------------------------------------

    def state(self, group_id: str) -> TipState | None:
        row = self._one("SELECT * FROM tip_state WHERE group_id = ?", [group_id])
        return TipState.from_row(row) if row else None

    def save_state(self, state: TipState) -> None:
        self.db.table("tip_state").upsert(state.to_row(), pk="group_id")

    def set_member_count(self, group_id: str, count: int) -> None:
        self.db.execute(
            "INSERT INTO tip_state (group_id, cycle, sent_ids, member_count) VALUES (?, 0, '[]', ?) "
            "ON CONFLICT(group_id) DO UPDATE SET member_count = excluded.member_count",
            [group_id, count],
        )

    # -- sends -----------------------------------------------------------------------------

    def add_send(self, **row: Any) -> int:
        cols = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        return insert_id(
            self.db, f"INSERT INTO tip_sends ({cols}) VALUES ({marks})", list(row.values())
        )

    def set_send_outbox(self, send_id: int, outbox_id: int) -> None:
        self.db.execute("UPDATE tip_sends SET outbox_id = ? WHERE id = ?", [outbox_id, send_id])

    def send(self, send_id: int) -> dict[str, Any] | None:
        return self._one("SELECT * FROM tip_sends WHERE id = ?", [send_id])

    def sends(self, *, group_id: str | None = None) -> list[dict[str, Any]]:
        sql, params = "SELECT * FROM tip_sends", []
        if group_id:
            sql += " WHERE group_id = ?"
            params.append(group_id)
        return list(self.db.query(sql + " ORDER BY id", params))

    def sends_between(self, start: float, end: float) -> list[dict[str, Any]]:
        return list(
            self.db.query(
                "SELECT group_id, tip_id, kind, reason, status, sent_at FROM tip_sends "
                "WHERE sent_at >= ? AND sent_at < ? ORDER BY id",
                [start, end],
            )
        )

    def claim_explanation(self, send_id: int) -> bool:
        """True once per send: the first answer posts the explanation."""
        cur = self.db.execute(
            "UPDATE tip_sends SET explained = 1 WHERE id = ? AND COALESCE(explained, 0) = 0",
            [send_id],
        )
        return cur.rowcount == 1

    # -- quiz ------------------------------------------------------------------------------

    def record_vote(
        self,
        *,
        send_id: int,
        voter: str,
        group_id: str,
        tip_id: str,
        day: str,
        choice: int,
        correct: bool,
        now: float,
    ) -> bool:
        """Count one answer; False (nothing counted) if this voter already answered this send."""
        with self.transaction():
            cur = self.db.execute(
                "INSERT INTO quiz_voters (send_id, voter, created_at) VALUES (?, ?, ?) "
                "ON CONFLICT DO NOTHING",
                [send_id, voter, now],
            )
            if cur.rowcount != 1:
                return False
            self.db.execute(
                "INSERT INTO quiz_answers (group_id, tip_id, day, choice, correct, count) "
                "VALUES (?, ?, ?, ?, ?, 1) ON CONFLICT(group_id, tip_id, day, choice) "
                "DO UPDATE SET count = quiz_answers.count + 1",
                [group_id, tip_id, day, choice, int(correct)],
            )
        return True

    def quiz_counts(
        self, *, since_day: str | None = None, until_day: str | None = None
    ) -> list[dict[str, Any]]:
        sql, params = "SELECT * FROM quiz_answers WHERE 1=1", []
        if since_day:
            sql += " AND day >= ?"
            params.append(since_day)
        if until_day:
            sql += " AND day < ?"
            params.append(until_day)
        return list(self.db.query(sql + " ORDER BY group_id, tip_id, day, choice", params))

    # -- broadcasts ------------------------------------------------------------------------

    def add_broadcast(self, row: dict[str, Any]) -> None:
        self.db.table("broadcasts").insert(row)

    def broadcast(self, broadcast_id: str) -> dict[str, Any] | None:
        return self._one("SELECT * FROM broadcasts WHERE id = ?", [broadcast_id])

    def move_broadcast(
        self, broadcast_id: str, from_status: str, to_status: str, now: float
    ) -> bool:
        cur = self.db.execute(
            "UPDATE broadcasts SET status = ?, decided_at = ? WHERE id = ? AND status = ?",
            [to_status, now, broadcast_id, from_status],
        )
        return cur.rowcount == 1

    def finish_broadcast(self, broadcast_id: str, sent_groups: int, skipped_groups: int) -> None:
        self.db.execute(
            "UPDATE broadcasts SET status = 'sent', sent_groups = ?, skipped_groups = ? WHERE id = ?",
            [sent_groups, skipped_groups, broadcast_id],
        )

    # -- charts ----------------------------------------------------------------------------

    def add_chart(self, token: str, png: bytes, now: float, expires_at: float) -> None:
        self.db.table("chart_links").insert(
            {"token": token, "png": png, "created_at": now, "expires_at": expires_at}
        )

    def chart(self, token: str, now: float) -> bytes | None:
        row = self._one(
            "SELECT png FROM chart_links WHERE token = ? AND expires_at > ?", [token, now]
        )
        return bytes(row["png"]) if row else None

    # -- retention -------------------------------------------------------------------------

    def purge(self, now: float, retention_days: int) -> dict[str, int]:
        cutoff = now - retention_days * 86400
        out: dict[str, int] = {}
        with self.transaction():
            out["chart_links"] = self.db.execute(
                "DELETE FROM chart_links WHERE expires_at < ?", [now]
            ).rowcount
            out["quiz_voters"] = self.db.execute(
                "DELETE FROM quiz_voters WHERE created_at < ?", [now - 30 * 86400]
            ).rowcount
            out["broadcasts"] = self.db.execute(
                "DELETE FROM broadcasts WHERE created_at < ?", [cutoff]
            ).rowcount
            out["tip_sends"] = self.db.execute(
                "DELETE FROM tip_sends WHERE sent_at < ?", [cutoff]
            ).rowcount
        return out


class _Tx:
    """A re-entrant-safe transaction: nested uses join the outer one."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db
        self.outer = False

    def __enter__(self) -> None:
        if not self.db.conn.in_transaction:
            self.outer = True
            self.db.execute("BEGIN IMMEDIATE")

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if not self.outer:
            return
        if exc_type is None:
            self.db.conn.commit()
        else:
            self.db.conn.rollback()
