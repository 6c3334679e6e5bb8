"""Outgoing messages: written to the database first, delivered by a worker with retries.

from outbox import Outbox, PRIORITY_TIP
await deps.outbox.enqueue_push(group_id, [message], priority=PRIORITY_TIP, kind="tip")
await deps.outbox.enqueue_reply(reply_token, [message], fallback_to=chat_id)
await deps.outbox.deliver_pending()    # one pass, for tests and one-shot CLI commands
"""

from outbox.outbox import (
    MAX_MESSAGES_PER_REQUEST,
    PRIORITY_ALERT,
    PRIORITY_BULK,
    PRIORITY_NOTE,
    PRIORITY_REPLY,
    PRIORITY_TIP,
    PRIORITY_WARNING,
    Outbox,
)

__all__ = [
    "MAX_MESSAGES_PER_REQUEST",
    "PRIORITY_ALERT",
    "PRIORITY_BULK",
    "PRIORITY_NOTE",
    "PRIORITY_REPLY",
    "PRIORITY_TIP",
    "PRIORITY_WARNING",
    "Outbox",
]
