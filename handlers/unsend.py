"""Unsend events: the only retraction LINE offers. In groups the event does not say who
unsent, so the incident (messageId -> sender) is our record; incidents/retract.py closes it.
An unsend we see before the message itself (events out of order) is remembered, so the
late message is not acted on.
"""

from __future__ import annotations

import logging

from linebot.v3.webhooks import UnsendEvent

from deps import Deps
from handlers.router import Router
from incidents.retract import close_as_retracted
from line.lookups import where

log = logging.getLogger("bot.unsend")

router = Router("unsend")


@router.on(UnsendEvent)
async def on_unsend(deps: Deps, event: UnsendEvent) -> None:
    message_id = event.unsend.message_id
    w = where(event.source)
    now = deps.now()
    deps.store.record_unsent(message_id, w.chat_id, now)
    inc = deps.store.incident_by_message(message_id)
    if inc is None:
        log.info("unsend of unflagged message chat=%s message=%s", w.chat_id, message_id)
        return
    await close_as_retracted(deps, inc, how="unsent")
