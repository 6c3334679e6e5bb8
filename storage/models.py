"""The rows storage hands out, as dataclasses, and the names of their states.

Nothing here touches a database: a second backend returns the same objects.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

INCIDENT_STATUSES = (
    "open",
    "retracted",
    "escalated",
    "acknowledged",
    "dismissed",
    "justified",
    "dismissed_provisional",  # a sender's "false positive" on a block, until a reviewer decides
)
# Statuses in which nobody has closed the incident yet (escalation still possible / pending).
ACTIVE_STATUSES = ("open", "escalated")
# What a reviewer (group admin, ethics unit) still has to look at: the active ones and a
# sender's provisional dismissal (storage/incident_events.py, incidents/review.py).
REVIEW_STATUSES = ("open", "escalated", "dismissed_provisional")
# An incident's timeline (storage/incident_events.py): what happened, and who did it.
EVENT_KINDS = (
    "opened",
    "warned",
    "alerted",
    "note_delivered",
    "note_failed",
    "unsent",
    "dismissed",
    "justified",
    "escalated",
    "acknowledged",
    "dismissal_confirmed",
    "dismissal_overruled",
    "reopened",
    "note_added",
    "handed_over",
)
ACTOR_ROLES = ("system", "sender", "admin", "ethics", "cli")
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
    # The packed masked snippet (incidents.notify.AlertContent), for the escalation.
    snippet: str | None = None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Incident:
        data = dict(row)
        data.pop("rowid", None)  # PostgreSQL's explicit insertion order (storage/schema.py)
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


@dataclass(frozen=True)
class IncidentEvent:
    """One step of an incident's timeline. `actor`: a keyed hash of a LINE user id ("h:…"),
    "cli", or None for the bot itself; `detail`: a code (reason, verdict, note choice)."""

    id: int
    incident_id: str
    at: float
    kind: str
    actor_role: str
    actor: str | None = None
    detail: str | None = None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> IncidentEvent:
        return cls(**dict(row))

    def to_json(self) -> dict[str, Any]:
        return {
            "incident_id": self.incident_id,
            "at": iso(self.at),
            "kind": self.kind,
            "actor_role": self.actor_role,
            "actor": self.actor,
            "detail": self.detail,
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
    request_id: str | None = None  # the webhook request that queued it (log lines only)
    # While `sending`: the replica sending it and the end of its lease (storage/outbox.py).
    claimed_by: str | None = None
    claimed_until: float | None = None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> OutboxRow:
        data = dict(row)
        data["messages"] = json.loads(data["messages"]) if data.get("messages") else []
        data["attempts"] = data.get("attempts") or 0
        data["priority"] = data.get("priority") or 0
        return cls(**data)


@dataclass
class TipState:
    """Rotation state of one group's tips."""

    group_id: str
    last_slot: float | None = None
    cycle: int = 0
    sent_ids: list[str] = field(default_factory=list)
    member_count: int | None = None
    last_sent_at: float | None = None
    last_request_at: float | None = None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> TipState:
        return cls(
            group_id=row["group_id"],
            last_slot=row["last_slot"],
            cycle=row["cycle"] or 0,
            sent_ids=_loads(row["sent_ids"]),
            member_count=row["member_count"],
            last_sent_at=row["last_sent_at"],
            last_request_at=row["last_request_at"],
        )

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


@dataclass
class ScanJob:
    """An image or file waiting to be scanned (its event holds ids, never content)."""

    id: int
    message_id: str
    chat_id: str | None
    event: dict[str, Any]
    attempts: int
    created_at: float
    request_id: str | None = None  # the webhook request that queued it (log lines only)
    # While `sending`: the replica sending it and the end of its lease (storage/outbox.py).
    claimed_by: str | None = None
    claimed_until: float | None = None
