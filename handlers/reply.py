"""Answer an event in its own chat: one text, by reply token while fresh, else by push.

Every short answer (commands, postbacks, join / welcome / follow greetings, self-check
notices) goes through here, so they share one priority and one fallback rule.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from handlers import compose
from handlers.common import where
from handlers.deps import Deps
from outbox import PRIORITY_REPLY, OutboxKind


async def reply_text(
    deps: Deps,
    event: Any,
    body: str,
    *,
    kind: OutboxKind,
    quick: Sequence[dict[str, Any]] | None = None,
) -> None:
    """Queue `body` as a reply to `event`; the outbox pushes it to the event's chat (the
    group, room, or the user in a 1:1 chat) when the reply token has expired."""
    await deps.outbox.enqueue_reply(
        getattr(event, "reply_token", None),
        [compose.text(body, quick=quick)],
        fallback_to=where(event).chat_id,
        priority=PRIORITY_REPLY,
        kind=kind,
    )
