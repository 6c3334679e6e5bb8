"""Unsend events: the only retraction LINE offers. In groups the event does not say who
unsent, so the incident (messageId -> sender) is our record.

A flagged message that is unsent closes its incident as `retracted`: the masked values
and hashes we held are deleted, pending messages about it (warning not yet delivered,
escalation) are cancelled, the sender is thanked privately (friends) and admins who were
alerted are told it is closed. An unsend we see before the message itself (events out
of order) is remembered, so the late message is not acted on.
"""

from __future__ import annotations

import logging

from linebot.v3.webhooks import UnsendEvent

from handlers import compose
from handlers.actions import notify_admins_text
from handlers.common import Where, chat_locale, group_name, is_friend, label, where
from handlers.deps import Deps
from handlers.router import Router
from locales import t
from outbox import PRIORITY_NOTE
from storage import Incident

log = logging.getLogger("bot.unsend")

router = Router("unsend")


@router.on(UnsendEvent)
async def on_unsend(deps: Deps, event: UnsendEvent) -> None:
    message_id = event.unsend.message_id
    w = where(event)
    now = deps.now()
    deps.store.record_unsent(message_id, w.chat_id, now)
    inc = deps.store.incident_by_message(message_id)
    if inc is None:
        log.info("unsend of unflagged message chat=%s message=%s", w.chat_id, message_id)
        return
    await close_as_retracted(deps, inc, how="unsent")


async def close_as_retracted(deps: Deps, inc: Incident, *, how: str) -> None:
    """Retracted (unsent, or edited clean): forget the values, cancel what is queued about
    it, thank the sender, tell admins who were alerted."""
    now = deps.now()
    message_id = inc.message_id
    previous = inc.status
    if not deps.store.set_incident_status(
        inc.id,
        "retracted",
        now,
        by=inc.sender_id,
        only_from=("open", "escalated", "acknowledged", "dismissed", "justified"),
    ):
        return
    deps.store.forget_incident_values(inc.id)
    cancelled = deps.outbox.cancel(inc.id, ("warning", "note", "alert", "escalation"))
    log.info(
        "incident retracted id=%s message=%s how=%s was=%s cancelled=%d",
        inc.id,
        message_id,
        how,
        previous,
        cancelled,
    )
    locale = chat_locale(deps, inc.group_id)
    if inc.sender_id and await is_friend(deps, inc.sender_id):
        await deps.outbox.enqueue_push(
            inc.sender_id,
            [compose.text(t("unsend.thanks", locale))],
            priority=PRIORITY_NOTE,
            kind="thanks",
            incident_id=inc.id,
        )
    if inc.alerted_at or inc.escalated_at:
        gname = await group_name(deps, Where(inc.group_id, inc.chat_type, None)) or label(
            "alert", "room_name", locale
        )
        await notify_admins_text(
            deps, inc, t("alert.retracted", locale, id=inc.id, group=gname), kind="retracted"
        )
