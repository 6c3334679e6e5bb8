"""Answer an event in its own chat: one text, by reply token while fresh, else by push.

Every short answer (commands, postbacks, join / welcome / follow greetings, self-check
notices) goes through here, so they share one priority and one fallback rule.
"""

from __future__ import annotations

from collections.abc import Sequence

from linebot.v3.messaging import QuickReplyItem

from deps import Deps
from line import messages
from line.incoming import Incoming
from outbox import PRIORITY_REPLY, OutboxKind


async def reply_text(
    deps: Deps,
    incoming: Incoming,
    body: str,
    *,
    kind: OutboxKind,
    quick: Sequence[QuickReplyItem] | None = None,
) -> None:
    """Queue `body` as a reply to the event; the outbox pushes it to the event's chat (the
    group, room, or the user in a 1:1 chat) when the reply token has expired."""
    await deps.outbox.enqueue_reply(
        incoming.reply_token,
        [messages.text(body, quick=quick)],
        fallback_to=incoming.chat_id,
        priority=PRIORITY_REPLY,
        kind=kind,
    )
