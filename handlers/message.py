"""Message events: text is scanned here; images and files go to the image module.

Group / room text -> `scan_text` -> `act_on_result` (warning, note, alerts, incident).
1:1 text -> a self-check answer (verdict and masked findings), nothing recorded.
Images and files -> `handlers.media.handle_media(deps, event)` when that module is
present; otherwise they are counted as not scanned.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from linebot.v3.webhooks import (
    FileMessageContent,
    ImageMessageContent,
    MessageEditedEvent,
    MessageEvent,
    TextMessageContent,
)

from detectors import scan_text
from handlers.actions import act_on_result, self_check_reply
from handlers.common import user_locale, where
from handlers.deps import Deps
from handlers.reply import reply_text
from handlers.router import Router, optional_module
from locales import t

log = logging.getLogger("bot.message")

router = Router("message")


def _is_text(event: Any) -> bool:
    return isinstance(getattr(event, "message", None), TextMessageContent)


def _is_media(event: Any) -> bool:
    return isinstance(getattr(event, "message", None), ImageMessageContent | FileMessageContent)


@router.on(MessageEvent, when=_is_text)
async def on_text(deps: Deps, event: MessageEvent) -> None:
    msg = event.message
    assert isinstance(msg, TextMessageContent)
    w = where(event)
    if w.is_group and w.chat_id:
        deps.store.count_activity(w.chat_id, "scanned", deps.now())
        t0 = time.perf_counter()
        result = scan_text(msg.text, config=deps.policy, group_id=w.chat_id, salt=deps.salt)
        elapsed = time.perf_counter() - t0
        log.info(
            "message scanned chat=%s message=%s verdict=%s types=%s us=%d",
            w.chat_id,
            msg.id,
            result.verdict,
            ",".join(result.types) or "-",
            elapsed * 1e6,
        )
        metrics = deps.extra.get("metrics")
        if metrics is not None:  # monitoring/metrics.py: verdicts by type, latency
            metrics.scanned("text", elapsed, result.verdict, result.types)
        await act_on_result(deps, event=event, message_id=msg.id, result=result, source="text")
    elif w.chat_type == "user":
        result = scan_text(msg.text, config=deps.policy)
        log.info(
            "self-check user=%s verdict=%s types=%s",
            w.user_id,
            result.verdict,
            ",".join(result.types) or "-",
        )
        await self_check_reply(deps, event, result)


@router.on(MessageEditedEvent, when=_is_text)
async def on_edited(deps: Deps, event: MessageEditedEvent) -> None:
    """A group member edited a text message: scan the new text. A clean message edited into
    a leak is acted on like a new one; a flagged message edited clean is no longer visible,
    so its incident closes as retracted (the edit is LINE's other way to take data back)."""
    msg = event.message
    assert isinstance(msg, TextMessageContent)
    w = where(event)
    if not (w.is_group and w.chat_id):
        return
    result = scan_text(msg.text, config=deps.policy, group_id=w.chat_id, salt=deps.salt)
    log.info(
        "edited message scanned chat=%s message=%s verdict=%s types=%s",
        w.chat_id,
        msg.id,
        result.verdict,
        ",".join(result.types) or "-",
    )
    inc = deps.store.incident_by_message(msg.id)
    if inc is None:
        await act_on_result(deps, event=event, message_id=msg.id, result=result, source="text")
    elif result.verdict == "allow":
        from handlers.unsend import close_as_retracted

        await close_as_retracted(deps, inc, how="edited")


@router.on(MessageEvent, when=_is_media)
async def on_media(deps: Deps, event: MessageEvent) -> None:
    media = optional_module("handlers.media")
    if media is not None:
        await media.handle_media(deps, event)
        return
    w = where(event)
    msg_id = getattr(event.message, "id", None)
    if w.chat_id:
        deps.store.count_activity(w.chat_id, "media_not_scanned", deps.now())
    log.info("media not scanned (no image module) chat=%s message=%s", w.chat_id, msg_id)
    if w.chat_type == "user" and w.user_id:
        locale = user_locale(deps, w.user_id)
        await reply_text(deps, event, t("selfcheck.image_unavailable", locale), kind="selfcheck")
