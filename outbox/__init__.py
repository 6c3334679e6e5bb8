"""Outgoing messages: written to the database first, delivered by a worker with retries.

from outbox import Outbox, Priority
await deps.outbox.enqueue_push(group_id, [message], priority=Priority.TIP, kind="tip")
await deps.outbox.enqueue_reply(reply_token, [message], fallback_to=chat_id, kind="command")
await deps.outbox.deliver_pending()    # one pass, for tests and one-shot CLI commands
"""

from outbox.outbox import (
    PRIORITY_ALERT,
    PRIORITY_NOTE,
    PRIORITY_REPLY,
    PRIORITY_WARNING,
    Outbox,
    OutboxKind,
    Priority,
)

__all__ = [
    "PRIORITY_ALERT",
    "PRIORITY_NOTE",
    "PRIORITY_REPLY",
    "PRIORITY_WARNING",
    "Outbox",
    "OutboxKind",
    "Priority",
]
