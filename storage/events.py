"""What the webhook saw of incoming events: redelivered event ids and unsent messages.

Short-lived bookkeeping (retention removes it after a few days); ids only.
"""

from __future__ import annotations

from typing import Protocol

from storage.base import SQLiteBase


class EventsBackend(Protocol):
    def first_delivery(self, event_id: str, now: float) -> bool:
        """Record a webhookEventId; False when it was seen before (a redelivery)."""
        ...

    def record_unsent(self, message_id: str, chat_id: str | None, now: float) -> None: ...

    def was_unsent(self, message_id: str) -> bool: ...


class SQLiteEvents(SQLiteBase):
    def first_delivery(self, event_id: str, now: float) -> bool:
        """Record a webhookEventId; False when it was seen before (a redelivery)."""
        cur = self.db.execute(
            "INSERT INTO webhook_events (event_id, received_at) VALUES (?, ?) "
            "ON CONFLICT DO NOTHING",
            [event_id, now],
        )
        return cur.rowcount == 1

    def record_unsent(self, message_id: str, chat_id: str | None, now: float) -> None:
        """Unsent before we processed it, maybe: events may arrive out of order."""
        self.db.execute(
            "INSERT INTO unsent (message_id, chat_id, unsent_at) VALUES (?, ?, ?) "
            "ON CONFLICT DO NOTHING",
            [message_id, chat_id, now],
        )

    def was_unsent(self, message_id: str) -> bool:
        return self._one("SELECT 1 AS x FROM unsent WHERE message_id = ?", [message_id]) is not None
