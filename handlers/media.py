"""Image and file messages: fetch the content at once, scan it in the OCR pool, act like text.

    handle_media(deps, event)   called by handlers/message.py for image and file messages

- Image messages (and each image of an imageSet, which LINE sends as separate events) and
  file messages whose name says image or PDF (first pages: text layer, else OCR) are fetched from the content endpoint as soon as the
  event arrives: after an unsend the content is gone.
- The bytes go to the OCR worker pool (`deps.ocr`, an `ocr.OcrPool`) and are dropped when the
  scan ends; nothing is written to disk, the OCR text never leaves the worker, and the
  incident keeps the masked findings and the document type only (`act_on_result`).
- When the pool's queue is full the image is recorded as not scanned (activity counter
  `media_not_scanned`) and the group's admins are alerted once (then at most once an hour
  per group while the overload lasts), instead of dropping it silently.
- Not scanned, with the reason logged: images hosted outside LINE (contentProvider external),
  other files (see images/README.md), files over the size limit.

`ocr_ctx` is the app's cleanup context for the pool (one line in app.optional_contexts()).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator, Coroutine
from typing import Any

from aiohttp import ClientError, web
from linebot.v3.messaging import ApiException
from linebot.v3.webhooks import FileMessageContent, ImageMessageContent

from handlers import compose
from handlers.actions import act_on_result, alert_recipients
from handlers.common import chat_locale, group_name, user_locale, where
from handlers.deps import Deps
from handlers.reply import reply_text
from images.decode import DEFAULT_LIMITS, ImageRefused
from locales import t
from ocr.pool import OcrPool, OcrUnavailable, QueueFull
from outbox import PRIORITY_ALERT

log = logging.getLogger("bot.media")

IMAGE_FILE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".gif", ".bmp", ".tif", ".tiff")
FETCH_ATTEMPTS = 3
FETCH_BACKOFF = 0.3  # seconds, doubled each retry
BUSY_ALERT_EVERY = 3600.0  # seconds between two "images not scanned" alerts to one group
_BUSY_KEY = "media.busy_alerted"  # deps.extra: group id -> last alert time
_TASKS_KEY = "media.tasks"  # deps.extra: the MediaTasks of the running app


def _media_kind(msg: Any) -> str | None:
    """'image', 'pdf', or None for a file we do not read."""
    if isinstance(msg, ImageMessageContent):
        return "image"
    if isinstance(msg, FileMessageContent):
        name = (msg.file_name or "").lower()
        if name.endswith(IMAGE_FILE_SUFFIXES):
            return "image"
        if name.endswith(".pdf"):
            return "pdf"
    return None


async def _fetch(deps: Deps, message_id: str) -> bytes | None:
    """The message content, retried with backoff on server errors; None when it is gone."""
    delay = FETCH_BACKOFF
    for attempt in range(1, FETCH_ATTEMPTS + 1):
        try:
            return bytes(await deps.blob.get_message_content(message_id))
        except ApiException as exc:
            status = exc.status or 0
            if status in (404, 410) or (400 <= status < 500 and status != 429):
                log.info("media content unavailable message=%s status=%s", message_id, status)
                return None
            err = f"status={status}"
        except (TimeoutError, ClientError) as exc:
            err = type(exc).__name__
        if attempt == FETCH_ATTEMPTS:
            log.warning("media fetch failed message=%s attempts=%d %s", message_id, attempt, err)
            return None
        await asyncio.sleep(delay)
        delay *= 2
    return None


def _not_scanned(deps: Deps, chat_id: str | None, message_id: str, reason: str) -> None:
    if chat_id:
        deps.store.count_activity(chat_id, "media_not_scanned", deps.now())
    log.info("media not scanned chat=%s message=%s reason=%s", chat_id, message_id, reason)


async def _alert_busy(deps: Deps, event: Any) -> None:
    """Tell the group's admins, once per episode, that images are going unscanned (in a 1:1
    self-check, tell the sender that the image could not be checked)."""
    w = where(event)
    if w.chat_type == "user" and w.user_id:
        await _tell_sender_unavailable(deps, event, w.user_id)
        return
    if not w.is_group or not w.chat_id:
        return
    sent: dict[str, float] = deps.extra.setdefault(_BUSY_KEY, {})
    now = deps.now()
    if now - sent.get(w.chat_id, float("-inf")) < BUSY_ALERT_EVERY:
        return
    sent[w.chat_id] = now
    locale = chat_locale(deps, w.chat_id)
    gname = await group_name(deps, w) or w.chat_id
    body = t("alert.ocr_busy", locale, group=gname)
    for admin in alert_recipients(deps, w.chat_id):
        await deps.outbox.enqueue_push(
            admin, [compose.text(body)], priority=PRIORITY_ALERT, kind="alert"
        )
    log.warning("ocr queue full: admins alerted chat=%s", w.chat_id)


async def _tell_sender_unavailable(deps: Deps, event: Any, user_id: str) -> None:
    locale = user_locale(deps, user_id)
    await reply_text(deps, event, t("selfcheck.image_unavailable", locale), kind="selfcheck")


async def handle_media(deps: Deps, event: Any) -> None:
    msg = event.message
    message_id = str(msg.id)
    w = where(event)
    kind = _media_kind(msg)
    if kind is None:
        log.info("file not scanned (not an image) chat=%s message=%s", w.chat_id, message_id)
        return
    provider = getattr(getattr(msg, "content_provider", None), "type", "line")
    if provider != "line":
        # The image lives on the sender's server; fetching arbitrary URLs is not our job.
        _not_scanned(deps, w.chat_id, message_id, "external_content")
        return
    size = getattr(msg, "file_size", None)
    if isinstance(size, int) and size > DEFAULT_LIMITS.max_bytes:
        _not_scanned(deps, w.chat_id, message_id, "file_too_large")
        return
    pool: OcrPool | None = deps.ocr
    if pool is None:
        _not_scanned(deps, w.chat_id, message_id, "ocr_unavailable")
        if w.chat_type == "user" and w.user_id:
            await _tell_sender_unavailable(deps, event, w.user_id)
        return
    if pool.in_flight >= pool.capacity:
        _not_scanned(deps, w.chat_id, message_id, "queue_full")
        await _alert_busy(deps, event)
        return
    data = await _fetch(deps, message_id)
    if data is None:
        _not_scanned(deps, w.chat_id, message_id, "content_unavailable")
        return
    # The content is in hand; the scan runs in its own task so the events after this one (in
    # the same webhook request) are not held up by OCR.
    tasks: MediaTasks | None = deps.extra.get(_TASKS_KEY)
    if tasks is None:
        await _scan_and_act(deps, event, pool, data)
    else:
        tasks.spawn(_scan_and_act(deps, event, pool, data))


async def _scan_and_act(deps: Deps, event: Any, pool: OcrPool, data: bytes) -> None:
    msg = event.message
    message_id = str(msg.id)
    w = where(event)
    t0 = time.perf_counter()
    try:
        result = await pool.scan(data, salt=deps.salt, group_id=w.chat_id if w.is_group else None)
    except QueueFull:
        _not_scanned(deps, w.chat_id, message_id, "queue_full")
        await _alert_busy(deps, event)
        return
    except ImageRefused as exc:
        _not_scanned(deps, w.chat_id, message_id, f"refused:{exc.reason}")
        return
    except OcrUnavailable:
        _not_scanned(deps, w.chat_id, message_id, "ocr_failed")
        if w.chat_type == "user" and w.user_id:
            await _tell_sender_unavailable(deps, event, w.user_id)
        return
    finally:
        del data  # the image is gone from this process once the scan is over
    if w.chat_id and w.is_group:
        deps.store.count_activity(w.chat_id, "scanned", deps.now())
    image_set = getattr(msg, "image_set", None)
    log.info(
        "image scanned chat=%s message=%s set=%s verdict=%s doc_type=%s types=%s ms=%d",
        w.chat_id,
        message_id,
        f"{image_set.index}/{image_set.total}" if image_set is not None else "-",
        result.verdict,
        result.doc_type or "-",
        ",".join(result.types) or "-",
        (time.perf_counter() - t0) * 1000,
    )
    await act_on_result(deps, event=event, message_id=message_id, result=result, source="ocr")


class MediaTasks:
    """The scans in flight, kept referenced and drained at shutdown."""

    def __init__(self) -> None:
        self.tasks: set[asyncio.Task[None]] = set()
        self._idle = asyncio.Event()
        self._idle.set()

    def spawn(self, coro: Coroutine[Any, Any, None]) -> None:
        task = asyncio.create_task(coro)
        self.tasks.add(task)
        self._idle.clear()
        task.add_done_callback(self._done)

    def _done(self, task: asyncio.Task[None]) -> None:
        self.tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("image scan task failed", exc_info=task.exception())
        if not self.tasks:
            self._idle.set()

    async def idle(self) -> None:
        await self._idle.wait()

    async def drain(self, timeout: float = 30.0) -> None:
        if not self.tasks:
            return
        _, pending = await asyncio.wait(set(self.tasks), timeout=timeout)
        for task in pending:
            task.cancel()
        if pending:
            log.warning("shutdown cancelled image scans=%d", len(pending))


async def media_idle(deps: Deps) -> None:
    """Wait until every image scan started so far has been acted on (tests, bench, demo)."""
    tasks: MediaTasks | None = deps.extra.get(_TASKS_KEY)
    if tasks is not None:
        await tasks.idle()


async def ocr_ctx(app: web.Application) -> AsyncIterator[None]:
    """Cleanup context: start the OCR pool (engine loaded once per worker), set deps.ocr."""
    from app import DEPS

    deps = app[DEPS]
    pool = OcrPool.from_config(deps.config)
    try:
        await pool.start()
    except Exception:
        # Text scanning must go on without OCR: images are then counted as not scanned.
        log.exception(
            "ocr pool failed to start engine=%s; images will not be scanned", pool.engine_name
        )
        await pool.close()
        yield
        return
    tasks = MediaTasks()
    deps.ocr = pool
    deps.extra[_TASKS_KEY] = tasks
    yield
    await tasks.drain()  # the webhook has drained: finish the scans it started, then stop
    deps.extra.pop(_TASKS_KEY, None)
    deps.ocr = None
    await pool.close()
