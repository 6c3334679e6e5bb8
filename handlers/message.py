"""Text message events (images and files: handlers/media.py).

Group / room text -> `scan_text` -> `incidents.open_incident` (warning, note, alerts).
1:1 text -> a self-check answer (verdict and masked findings), nothing recorded.

Texts longer than `LONG_TEXT` characters are scanned before the handler runs, off the
event loop (`prepare_long_texts`, called by the webhook before it opens its transaction,
one scan thread): the loop keeps answering other groups meanwhile.
"""

from __future__ import annotations

import asyncio
import logging
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from linebot.v3.webhooks import MessageEditedEvent, MessageEvent, TextMessageContent

from deps import Deps
from detectors import scan_text
from detectors.base import ScanResult
from handlers.router import Router
from incidents.open import open_incident, self_check, with_group_allow_list
from incidents.retract import close_as_retracted
from line.incoming import Incoming

log = logging.getLogger("bot.message")

router = Router("message")

LONG_TEXT = 2000  # characters; longer texts are scanned in a thread, off the event loop


def _raw_long_text(raw: dict[str, Any]) -> tuple[str, str, str | None] | None:
    """(message id, text, group or room id) of a raw message event with a long text."""
    msg = raw.get("message")
    if raw.get("type") not in ("message", "messageEdited") or not isinstance(msg, dict):
        return None
    text, mid = msg.get("text"), msg.get("id")
    if msg.get("type") != "text" or not isinstance(text, str) or not isinstance(mid, str):
        return None
    if len(text) <= LONG_TEXT:
        return None
    src = raw.get("source")
    chat = None
    if isinstance(src, dict):
        chat = src.get("groupId") or src.get("roomId")
    return mid, text, chat if isinstance(chat, str) else None


def scan_thread() -> ThreadPoolExecutor:
    """The one thread long texts are scanned in (Deps.scan_thread; app.py shuts it down)."""
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix="long-text-scan")


async def prepare_long_texts(deps: Deps, raw_events: list[dict[str, Any]]) -> list[str]:
    """Scan the long texts of a request in the scan thread (the loop serves others
    meanwhile); `_scan` then takes the result instead of scanning on the loop. Returns
    the message ids prepared (the caller drops what its handlers did not take)."""
    ready = deps.prescanned
    pool = deps.scan_thread
    if pool is None:
        return []
    loop = asyncio.get_running_loop()
    ids: list[str] = []
    for raw in raw_events:
        found = _raw_long_text(raw)
        if found is None:
            continue
        mid, text, chat = found

        try:
            ready[mid] = await loop.run_in_executor(pool, _scan_now, deps, text, chat)
        except Exception as exc:  # the handler scans again and reports it as a bad event
            log.error("long text scan failed message=%s error=%s", mid, type(exc).__name__)
            continue
        ids.append(mid)
    return ids


def drop_prepared(deps: Deps, ids: list[str]) -> None:
    for mid in ids:
        deps.prescanned.pop(mid, None)


def _scan(deps: Deps, message_id: str, text: str, chat_id: str | None) -> ScanResult:
    result = deps.prescanned.pop(message_id, None)
    return result if result is not None else _scan_now(deps, text, chat_id)


def _scan_now(deps: Deps, text: str, chat_id: str | None) -> ScanResult:
    """A group's text with its policy overrides and the hash key; a 1:1 self-check without."""
    if chat_id is None:
        return scan_text(text, policy=deps.policy)
    return scan_text(text, policy=deps.policy, group_id=chat_id, salt=deps.salt)


def _is_text(event: MessageEvent | MessageEditedEvent) -> bool:
    return isinstance(event.message, TextMessageContent)


@router.on(MessageEvent, when=_is_text)
async def on_text(deps: Deps, event: MessageEvent) -> None:
    msg = event.message
    assert isinstance(msg, TextMessageContent)
    incoming = Incoming.of(event, deps.lookups)
    w = incoming.where
    if w.is_group and w.chat_id:
        deps.store.count_activity(w.chat_id, "scanned", deps.now())
        t0 = time.perf_counter()
        result = _scan(deps, msg.id, msg.text, w.chat_id)
        elapsed = time.perf_counter() - t0
        log.info(
            "message scanned chat=%s message=%s verdict=%s types=%s us=%d",
            w.chat_id,
            msg.id,
            result.verdict,
            ",".join(result.types) or "-",
            elapsed * 1e6,
        )
        if deps.metrics is not None:  # monitoring/metrics.py: verdicts by type, latency
            deps.metrics.scanned("text", elapsed, result.verdict, result.types)
        await open_incident(deps, incoming, result, source="text")
    elif w.chat_type == "user":
        result = _scan(deps, msg.id, msg.text, None)
        log.info(
            "self-check user=%s verdict=%s types=%s",
            w.user_id,
            result.verdict,
            ",".join(result.types) or "-",
        )
        await self_check(deps, incoming, result)


@router.on(MessageEditedEvent, when=_is_text)
async def on_edited(deps: Deps, event: MessageEditedEvent) -> None:
    """A group member edited a text message: scan the new text. A clean message edited into
    a leak is acted on like a new one; a flagged message edited clean is no longer visible,
    so its incident closes as retracted (the edit is LINE's other way to take data back)."""
    msg = event.message
    assert isinstance(msg, TextMessageContent)
    incoming = Incoming.of(event, deps.lookups)
    w = incoming.where
    if not (w.is_group and w.chat_id):
        return
    result = _scan(deps, msg.id, msg.text, w.chat_id)
    log.info(
        "edited message scanned chat=%s message=%s verdict=%s types=%s",
        w.chat_id,
        msg.id,
        result.verdict,
        ",".join(result.types) or "-",
    )
    inc = deps.store.incident_by_message(msg.id)
    if inc is None:
        await open_incident(deps, incoming, result, source="text")
    elif with_group_allow_list(deps, incoming, result, w.chat_id, "text").verdict == "allow":
        await close_as_retracted(deps, inc, how="edited")  # clean, or allowed in this group
