"""Tables of the tips area: schedules, rotation state, sends, quiz counts, broadcasts, charts.

Registered through `storage.db.EXTENSION_MODULES` (this module's `MIGRATIONS`).

Privacy: quiz answers are kept as counts per group, tip and day; the only per-person trace is
a salted hash of (user, quiz send) that stops one person answering the same quiz twice and is
purged with the send. Broadcasts keep the ethics unit's own reminder text (no personal data
is expected there; it is what the groups receive) and a hash of who asked for it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

from storage.db import Migration
from storage.store import Store


def _tips_v1(db: sqlite_utils.Database) -> None:
    db.table("tip_schedules").create(
        {
            "group_id": str,
            "enabled": int,
            "every_weeks": int,
            "per_week": int,
            "days": str,  # "mon,tue,wed,thu,fri"
            "time": str,  # "09:30" local
            "quiet": str,  # "19:00-08:00" local, "" for none
            "anchor_week": int,  # week index the every-N-weeks rhythm counts from
            "updated_at": float,
        },
        pk="group_id",
    )
    db.table("tip_state").create(
        {
            "group_id": str,
            "last_slot": float,  # the latest schedule slot already handled (sent or skipped)
            "cycle": int,  # rotation cycle number
            "sent_ids": str,  # JSON list: tip ids sent in the current cycle
            "member_count": int,  # last known member count (quota estimates when LINE is down)
            "last_sent_at": float,
            "last_request_at": float,  # last `/tip` served (cooldown)
        },
        pk="group_id",
    )
    db.table("tip_sends").create(
        {
            "id": int,
            "group_id": str,
            "tip_id": str,
            "kind": str,  # tip kind
            "reason": str,  # schedule | catchup | manual | request
            "status": str,  # queued | skipped_quota
            "slot": float,
            "sent_at": float,
            "cost": int,
            "outbox_id": int,
            "explained": int,  # quiz: explanation already posted in the group
        },
        pk="id",
        not_null={"group_id", "tip_id", "status", "sent_at"},
    )
    db.table("tip_sends").create_index(["group_id", "sent_at"])
    db.table("tip_sends").create_index(["sent_at"])
    db.table("quiz_answers").create(
        {"group_id": str, "tip_id": str, "day": str, "choice": int, "correct": int, "count": int},
        pk=("group_id", "tip_id", "day", "choice"),
    )
    db.table("quiz_voters").create(
        {"send_id": int, "voter": str, "created_at": float}, pk=("send_id", "voter")
    )
    db.table("broadcasts").create(
        {
            "id": str,
            "requested_by": str,  # salted hash of the ethics member's user id
            "text": str,
            "target": str,  # "*" for all groups, else one group id
            "status": str,  # pending | sending | sent | cancelled | expired
            "groups": int,
            "messages": int,
            "sent_groups": int,
            "skipped_groups": int,
            "created_at": float,
            "expires_at": float,
            "decided_at": float,
        },
        pk="id",
        not_null={"status", "created_at"},
    )
    db.table("chart_links").create(
        {"token": str, "png": bytes, "created_at": float, "expires_at": float}, pk="token"
    )


MIGRATIONS: tuple[Migration, ...] = (Migration("tips_v1", _tips_v1),)


@dataclass
class TipState:
    group_id: str
    last_slot: float | None = None
    cycle: int = 0
    sent_ids: list[str] = field(default_factory=list)
    member_count: int | None = None
    last_sent_at: float | None = None
    last_request_at: float | None = None

    def to_row(self) -> dict[str, Any]:
        return {
            "group_id": self.group_id,
            "last_slot": self.last_slot,
            "cycle": self.cycle,
            "sent_ids": json.dumps(self.sent_ids),
            "member_count": self.member_count,
            "last_sent_at": self.last_sent_at,
            "last_request_at": self.last_request_at,
        }


class TipStore:
    """Reads and writes of the tips area, on the service's `Store` (same database)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.db = store.db

    def _rows(self, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> list[dict[str, Any]]:
        cur = self.db.execute(sql, list(params))
        cols = [c[0] for c in cur.description]
        return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]

    def _one(self, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> dict[str, Any] | None:
        rows = self._rows(sql, params)
        return rows[0] if rows else None

    def transaction(self) -> Any:
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
        if row is None:
            return None
        return TipState(
            group_id=group_id,
            last_slot=row["last_slot"],
            cycle=row["cycle"] or 0,
            sent_ids=json.loads(row["sent_ids"]) if row["sent_ids"] else [],
            member_count=row["member_count"],
            last_sent_at=row["last_sent_at"],
            last_request_at=row["last_request_at"],
        )

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
        cur = self.db.execute(
            f"INSERT INTO tip_sends ({cols}) VALUES ({marks})", list(row.values())
        )
        return int(cur.lastrowid or 0)

    def set_send_outbox(self, send_id: int, outbox_id: int) -> None:
        self.db.execute("UPDATE tip_sends SET outbox_id = ? WHERE id = ?", [outbox_id, send_id])

    def send(self, send_id: int) -> dict[str, Any] | None:
        return self._one("SELECT * FROM tip_sends WHERE id = ?", [send_id])

    def sends(self, *, group_id: str | None = None) -> list[dict[str, Any]]:
        sql, params = "SELECT * FROM tip_sends", []
        if group_id:
            sql += " WHERE group_id = ?"
            params.append(group_id)
        return self._rows(sql + " ORDER BY id", params)

    def sends_between(self, start: float, end: float) -> list[dict[str, Any]]:
        return self._rows(
            "SELECT group_id, tip_id, kind, reason, status, sent_at FROM tip_sends "
            "WHERE sent_at >= ? AND sent_at < ? ORDER BY id",
            [start, end],
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
                "INSERT OR IGNORE INTO quiz_voters (send_id, voter, created_at) VALUES (?, ?, ?)",
                [send_id, voter, now],
            )
            if cur.rowcount != 1:
                return False
            self.db.execute(
                "INSERT INTO quiz_answers (group_id, tip_id, day, choice, correct, count) "
                "VALUES (?, ?, ?, ?, ?, 1) ON CONFLICT(group_id, tip_id, day, choice) "
                "DO UPDATE SET count = count + 1",
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
        return self._rows(sql + " ORDER BY group_id, tip_id, day, choice", params)

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

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        if not self.outer:
            return
        if exc_type is None:
            self.db.conn.commit()
        else:
            self.db.conn.rollback()
