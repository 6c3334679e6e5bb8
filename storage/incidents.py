"""Incidents (a leak found in a message: types, masked values, hashes, status) and their
follow-ups (the part of a leak's handling that needs LINE lookups: note, admin alert).

Stored by design: ids, finding types, masked values (A12****789) and salted hashes;
never a message text or a matched value.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any, Protocol

from storage.base import SQLiteBase
from storage.models import INCIDENT_STATUSES, Incident


class IncidentsBackend(Protocol):
    def create_incident(self, incident: Incident) -> bool:
        """Insert; False when an incident for this message already exists."""
        ...

    def incident(self, incident_id: str) -> Incident | None: ...

    def incident_by_message(self, message_id: str) -> Incident | None: ...

    def list_incidents(
        self, *, group_id: str | None = None, since: float | None = None, limit: int | None = None
    ) -> list[Incident]: ...

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
        ...

    def forget_incident_values(self, incident_id: str) -> None:
        """Delete what we held of a retracted message: masked values, hashes, rules, and its
        pending follow-up; sets `erased` (the caller checkpoints once committed)."""
        ...

    def mark_alerted(self, incident_id: str, now: float) -> None: ...

    def due_escalations(self, now: float) -> list[Incident]: ...

    def next_escalation_at(self) -> float | None: ...

    def claim_escalation(self, incident_id: str, now: float) -> bool:
        """Open -> escalated, once (a provisional dismissal keeps its status and gets its
        escalation time): False if someone closed or escalated it meanwhile."""
        ...

    def reopen_incident(self, incident_id: str, now: float, *, only_from: Iterable[str]) -> bool:
        """Back to open (escalated if it had been), resolution cleared, no new escalation
        timer (a reviewer reopened it); False if its status was not one of `only_from`."""
        ...

    def repeat_of(
        self, digests: Sequence[str], sender_id: str | None, exclude_id: str
    ) -> str | None:
        """The latest earlier incident of this sender sharing a value hash, if any."""
        ...

    def incident_counts(self, group_id: str, since: float) -> dict[str, int]: ...


class FollowupsBackend(Protocol):
    def followup_add(self, incident_id: str, items: str, snippet: str, now: float) -> None:
        """Written with the incident, before the webhook's 200: a restart resumes it."""
        ...

    def followup_done(self, incident_id: str) -> None: ...

    def followups(self, created_before: float | None = None) -> list[dict[str, Any]]: ...


# Statuses whose escalation still runs: a sender's provisional dismissal of a block does not
# cancel it (a reviewer confirms or overrules it).
_ESCALATING = "('open', 'dismissed_provisional')"


class SQLiteIncidents(SQLiteBase):
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
            f"INSERT INTO incidents ({cols}) VALUES ({marks}) ON CONFLICT DO NOTHING",
            list(row.values()),
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
        return [Incident.from_row(r) for r in self.db.query(sql, params)]

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
        elif status == "dismissed_provisional":  # not resolved: a reviewer still decides
            sql += ", reason = COALESCE(?, reason)"
            params.append(reason)
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
        """Delete what we held of a retracted message: masked values, hashes, rules, its
        masked snippet and its pending follow-up. The caller checkpoints (`checkpoint()`)
        once it is committed, so the old pages leave the WAL too."""
        self.db.execute(
            "UPDATE incidents SET masked = '[]', digests = '[]', rules = '[]', snippet = NULL "
            "WHERE id = ?",
            [incident_id],
        )
        self.db.execute("DELETE FROM followups WHERE incident_id = ?", [incident_id])
        self.erased = True

    def mark_alerted(self, incident_id: str, now: float) -> None:
        self.db.execute("UPDATE incidents SET alerted_at = ? WHERE id = ?", [now, incident_id])

    def due_escalations(self, now: float) -> list[Incident]:
        rows = self.db.query(
            f"SELECT * FROM incidents WHERE status IN {_ESCALATING} AND escalated_at IS NULL "
            "AND escalate_at IS NOT NULL AND escalate_at <= ? ORDER BY escalate_at",
            [now],
        )
        return [Incident.from_row(r) for r in rows]

    def next_escalation_at(self) -> float | None:
        row = self._one(
            f"SELECT MIN(escalate_at) AS t FROM incidents WHERE status IN {_ESCALATING} "
            "AND escalated_at IS NULL AND escalate_at IS NOT NULL"
        )
        return row["t"] if row else None

    def claim_escalation(self, incident_id: str, now: float) -> bool:
        """Open -> escalated, once (a provisional dismissal keeps its status and gets its
        escalation time): False if someone closed or escalated it meanwhile."""
        cur = self.db.execute(
            "UPDATE incidents SET status = CASE status WHEN 'open' THEN 'escalated' "
            "ELSE status END, escalated_at = ?, updated_at = ? "
            f"WHERE id = ? AND status IN {_ESCALATING} AND escalated_at IS NULL",
            [now, now, incident_id],
        )
        return cur.rowcount == 1

    def reopen_incident(self, incident_id: str, now: float, *, only_from: Iterable[str]) -> bool:
        """Back to open (escalated if it had been), resolution cleared, no new escalation
        timer (a reviewer reopened it); False if its status was not one of `only_from`."""
        allowed = list(only_from)
        if not allowed:
            return False
        cur = self.db.execute(
            "UPDATE incidents SET status = CASE WHEN escalated_at IS NULL THEN 'open' "
            "ELSE 'escalated' END, updated_at = ?, resolved_at = NULL, resolved_by = NULL, "
            f"escalate_at = NULL WHERE id = ? AND status IN ({', '.join('?' for _ in allowed)})",
            [now, incident_id, *allowed],
        )
        return cur.rowcount == 1

    def repeat_of(
        self, digests: Sequence[str], sender_id: str | None, exclude_id: str
    ) -> str | None:
        """The latest earlier incident of this sender sharing a value hash, if any."""
        if not digests or not sender_id:
            return None
        for digest in digests:
            row = self._one(
                "SELECT id FROM incidents WHERE sender_id = ? AND id != ? "
                f"AND {self._contains('digests')} ORDER BY created_at DESC LIMIT 1",
                [sender_id, exclude_id, json.dumps(digest)],
            )
            if row:
                return str(row["id"])
        return None

    def incident_counts(self, group_id: str, since: float) -> dict[str, int]:
        rows = self.db.query(
            "SELECT status, COUNT(*) AS n FROM incidents WHERE group_id = ? AND created_at >= ? "
            "GROUP BY status",
            [group_id, since],
        )
        return {r["status"]: r["n"] for r in rows}


class SQLiteFollowups(SQLiteBase):
    def followup_add(self, incident_id: str, items: str, snippet: str, now: float) -> None:
        """Written with the incident, before the webhook's 200: a restart resumes it."""
        self.db.execute(
            "INSERT INTO followups (incident_id, items, snippet, created_at) "
            "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
            [incident_id, items, snippet, now],
        )

    def followup_done(self, incident_id: str) -> None:
        self.db.execute("DELETE FROM followups WHERE incident_id = ?", [incident_id])

    def followups(self, created_before: float | None = None) -> list[dict[str, Any]]:
        if created_before is None:
            return list(self.db.query("SELECT * FROM followups ORDER BY created_at, rowid"))
        return list(
            self.db.query(
                "SELECT * FROM followups WHERE created_at < ? ORDER BY created_at, rowid",
                [created_before],
            )
        )
