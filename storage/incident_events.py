"""Incident timelines: one row per step of an incident (opened, warned, note delivered or
not, unsent, dismissed or justified by the sender, escalated, acknowledged, a dismissal
confirmed or overruled, reopened, a reviewer's note, handed over to a new admin).

Stored by design: the incident id, a time, the kind of step, the actor's role and a
display-safe actor (`actor_ref()`: a keyed hash of a LINE user id, "cli", or nothing for
the bot itself) and a short code as detail (a reason code, a verdict, a note choice).
`add_incident_event` refuses anything else: a raw LINE id, free text, an unknown kind.
Rows go with their incident (retention), never with its values (an unsend keeps them).
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Sequence
from typing import Any, Protocol

from storage.base import SQLiteBase
from storage.models import ACTOR_ROLES, EVENT_KINDS, IncidentEvent

# A detail is a code: lowercase letters, digits and _ : . = , + - (e.g. "reason:own_data",
# "admin=1,ethics=1"); an actor is "h:" + 16 hex digits or "cli".
_DETAIL = re.compile(r"[a-z0-9_:.=,+\-]{1,64}")
_ACTOR = re.compile(r"h:[0-9a-f]{16}|cli")


def actor_ref(user_id: str, key: bytes) -> str:
    """The display-safe form of a LINE user id kept in a timeline: "h:" and 16 hex digits of
    an HMAC with the hash key (the same user, the same ref; the id cannot be read back).
    The console maps refs to names by computing the refs of the users it knows."""
    digest = hmac.new(key, b"actor:" + user_id.encode("utf-8"), hashlib.sha256).hexdigest()
    return "h:" + digest[:16]


class IncidentEventsBackend(Protocol):
    def add_incident_event(
        self,
        incident_id: str,
        kind: str,
        at: float,
        *,
        actor_role: str = "system",
        actor: str | None = None,
        detail: str | None = None,
    ) -> int:
        """Append one step (ValueError for an unknown kind or role, or an actor or detail
        that is not a code); returns the row id."""
        ...

    def incident_events(self, incident_id: str) -> list[IncidentEvent]:
        """One incident's timeline, oldest first."""
        ...

    def incident_events_since(
        self, since: float, kinds: Sequence[str] | None = None
    ) -> list[IncidentEvent]:
        """Every step at or after `since` (optionally only these kinds), oldest first."""
        ...


class SQLiteIncidentEvents(SQLiteBase):
    def add_incident_event(
        self,
        incident_id: str,
        kind: str,
        at: float,
        *,
        actor_role: str = "system",
        actor: str | None = None,
        detail: str | None = None,
    ) -> int:
        """Append one step (ValueError for an unknown kind or role, or an actor or detail
        that is not a code); returns the row id."""
        if kind not in EVENT_KINDS:
            raise ValueError(f"unknown incident event kind {kind!r}")
        if actor_role not in ACTOR_ROLES:
            raise ValueError(f"unknown actor role {actor_role!r}")
        if actor is not None and not _ACTOR.fullmatch(actor):
            raise ValueError("an actor is a keyed hash (actor_ref) or 'cli', never a raw id")
        if detail is not None and not _DETAIL.fullmatch(detail):
            raise ValueError("an event detail is a short code, never text")
        return self._insert_id(
            "INSERT INTO incident_events (incident_id, at, kind, actor_role, actor, detail) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [incident_id, at, kind, actor_role, actor, detail],
        )

    def incident_events(self, incident_id: str) -> list[IncidentEvent]:
        """One incident's timeline, oldest first."""
        rows = self.db.query(
            "SELECT * FROM incident_events WHERE incident_id = ? ORDER BY at, id", [incident_id]
        )
        return [IncidentEvent.from_row(r) for r in rows]

    def incident_events_since(
        self, since: float, kinds: Sequence[str] | None = None
    ) -> list[IncidentEvent]:
        """Every step at or after `since` (optionally only these kinds), oldest first."""
        sql = "SELECT * FROM incident_events WHERE at >= ?"
        params: list[Any] = [since]
        if kinds is not None:
            wanted = list(kinds)
            if not wanted:
                return []
            sql += f" AND kind IN ({', '.join('?' for _ in wanted)})"
            params += wanted
        sql += " ORDER BY at, id"
        return [IncidentEvent.from_row(r) for r in self.db.query(sql, params)]
