"""The storage interface: what the service needs from a database, as a Protocol.

`storage.store.Store` is the SQLite implementation (checked against this Protocol by
mypy). A PostgreSQL backend would implement the same methods, apply the same named
migrations (storage/db.py), and be returned by `storage.open_store()`; nothing outside
this package would change. Times are epoch seconds from the caller's clock.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Protocol

from storage.store import Incident, OutboxRow


class StorageBackend(Protocol):
    def close(self) -> None: ...

    def get_setting(self, key: str) -> str | None: ...

    def set_setting(self, key: str, value: str) -> None: ...

    def hash_salt(self, configured: str | None = None) -> bytes:
        """The key of value hashes, never in the database: the configured one (BOT_HASH_KEY),
        else a key file beside the database, created once with mode 0600."""
        ...

    def first_delivery(self, event_id: str, now: float) -> bool:
        """Record a webhookEventId; False when it was seen before (a redelivery)."""
        ...

    def group(self, group_id: str) -> dict[str, Any] | None: ...

    def upsert_group(self, group_id: str, now: float, **fields: Any) -> None: ...

    def group_locale(self, group_id: str) -> str | None: ...

    def list_groups(self, *, active_only: bool = True) -> list[dict[str, Any]]: ...

    def user(self, user_id: str) -> dict[str, Any] | None: ...

    def set_friend(
        self, user_id: str, is_friend: bool, now: float, locale: str | None = None
    ) -> None: ...

    def add_role(self, user_id: str, role: str, group_id: str | None, now: float) -> bool: ...

    def remove_role(self, user_id: str, role: str, group_id: str | None) -> bool: ...

    def list_roles(self) -> list[dict[str, Any]]: ...

    def group_admins(self, group_id: str) -> list[str]: ...

    def ethics_users(self) -> list[str]: ...

    def is_admin(self, user_id: str, group_id: str) -> bool: ...

    def is_ethics(self, user_id: str) -> bool: ...

    def create_admin_code(self, group_id: str, now: float, ttl_seconds: float = 24 * 3600) -> str:
        """A fresh one-time code (8 characters, no look-alikes); only its hash is stored."""
        ...

    def claim_admin_code(self, group_id: str, code: str, user_id: str, now: float) -> bool:
        """Use a code: valid for this group, unexpired and unused -> the user becomes admin."""
        ...

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
        """Delete what we held of a retracted message: masked values, hashes, rules."""
        ...

    def mark_alerted(self, incident_id: str, now: float) -> None: ...

    def due_escalations(self, now: float) -> list[Incident]: ...

    def next_escalation_at(self) -> float | None: ...

    def claim_escalation(self, incident_id: str, now: float) -> bool:
        """Open -> escalated, once: False if someone closed or escalated it meanwhile."""
        ...

    def repeat_of(
        self, digests: Sequence[str], sender_id: str | None, exclude_id: str
    ) -> str | None:
        """The latest earlier incident of this sender sharing a value hash, if any."""
        ...

    def incident_counts(self, group_id: str, since: float) -> dict[str, int]: ...

    def record_unsent(self, message_id: str, chat_id: str | None, now: float) -> None: ...

    def was_unsent(self, message_id: str) -> bool: ...

    def count_activity(self, group_id: str, kind: str, now: float, n: int = 1) -> None: ...

    def activity(
        self, group_id: str | None = None, since_day: str | None = None
    ) -> dict[str, int]: ...

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
    ) -> int: ...

    def outbox_row(self, row_id: int) -> OutboxRow | None: ...

    def outbox_claim_due(self, now: float, limit: int = 50) -> list[OutboxRow]:
        """Due pending rows, highest priority first, marked `sending`."""
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

    def outbox_cancel(self, *, incident_id: str, kinds: Sequence[str]) -> int: ...

    def outbox_reset_inflight(self, note: str | None = None) -> int:
        """At start-up: rows left `sending` by a killed process go back to pending."""
        ...

    def outbox_next_due(self) -> float | None: ...

    def outbox_counts(self) -> dict[str, int]: ...

    def outbox_rows(self, *, status: str | None = None) -> list[OutboxRow]: ...

    def purge(self, now: float, retention_days: int) -> dict[str, int]:
        """Enforce retention: incidents and their traces older than `retention_days`; the"""
        ...
