"""The outbox: every outgoing LINE message is written to the database first, then sent.

    outbox = Outbox(store, messaging_api)
    await outbox.enqueue_reply(reply_token, messages, fallback_to=chat_id, kind="warning")
    await outbox.enqueue_push(user_id, messages, priority=PRIORITY_TIP, kind="tip")
    await outbox.deliver_pending()      # one pass (tests, CLI); the worker does this in a loop
    outbox.start() / await outbox.stop()

Delivery rules
- Replies are free but a reply token is single-use and expires after about a minute:
  a reply older than `reply_token_ttl` seconds, or one LINE rejects (400: expired or
  invalid token), becomes a push to `fallback_to`.
- A push gets an `X-Line-Retry-Key` (UUID) before its first attempt and keeps it across
  retries; 409 means LINE already accepted that request: done, not an error.
- 429, 5xx, timeouts and connection errors are retried with exponential backoff and
  jitter (Retry-After honoured), without a limit on attempts: what cannot be sent waits
  in the database until it can. Other 4xx are permanent: the row is marked failed.
- Rows are claimed highest `priority` first; messages to one recipient go out in order.
- A process killed mid-send leaves rows `sending`: `start()` puts them back to pending,
  and the retry key makes the re-sent push a no-op if LINE had accepted it ("once").
- Once delivered, a row's message bodies are deleted (only the bookkeeping stays).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import time
import uuid
from collections.abc import Callable, Sequence
from typing import Any

import aiohttp
from linebot.v3.messaging import (
    ApiException,
    AsyncMessagingApi,
    PushMessageRequest,
    ReplyMessageRequest,
)

from storage import OutboxRow, Store

log = logging.getLogger("bot.outbox")

# Priorities: higher goes first when several messages are due.
PRIORITY_WARNING = 100  # the group warning about a leak
PRIORITY_ALERT = 90  # admin alerts and escalations
PRIORITY_NOTE = 80  # the private note to the sender
PRIORITY_REPLY = 50  # command answers, self-check results, postback answers
PRIORITY_TIP = 10  # periodic tips
PRIORITY_BULK = 5  # broadcasts, reports

MAX_MESSAGES_PER_REQUEST = 5  # LINE's limit for reply and push


class Outbox:
    def __init__(
        self,
        store: Store,
        api: AsyncMessagingApi,
        *,
        clock: Callable[[], float] = time.time,
        base_delay: float = 1.0,
        max_delay: float = 300.0,
        reply_token_ttl: float = 50.0,
        concurrency: int = 8,
        request_timeout: float = 10.0,
    ) -> None:
        self.store = store
        self.api = api
        self.clock = clock
        self.base_delay = base_delay
        self.max_delay = max_delay
        self.reply_token_ttl = reply_token_ttl
        self.request_timeout = request_timeout
        self._sem = asyncio.Semaphore(concurrency)
        self._wake = asyncio.Event()
        self._worker: asyncio.Task[None] | None = None
        self._pass_lock = asyncio.Lock()

    # -- enqueue ---------------------------------------------------------------------------

    async def enqueue_push(
        self,
        to: str,
        messages: Sequence[dict[str, Any]],
        *,
        priority: int = PRIORITY_REPLY,
        kind: str = "push",
        incident_id: str | None = None,
    ) -> list[int]:
        """Queue a push to a user, group or room; returns the outbox row ids (5 messages a row)."""
        ids = []
        now = self.clock()
        for chunk in _chunks(list(messages)):
            ids.append(
                self.store.outbox_add(
                    kind=kind,
                    messages=chunk,
                    now=now,
                    to_id=to,
                    retry_key=str(uuid.uuid4()),
                    priority=priority,
                    incident_id=incident_id,
                )
            )
        self.wake()
        return ids

    async def enqueue_reply(
        self,
        reply_token: str | None,
        messages: Sequence[dict[str, Any]],
        *,
        fallback_to: str | None,
        priority: int = PRIORITY_REPLY,
        kind: str = "reply",
        incident_id: str | None = None,
    ) -> list[int]:
        """Queue a reply; pushed to `fallback_to` instead when the token cannot be used.
        Without a token this is a push. More than 5 messages: the rest go as pushes."""
        msgs = list(messages)
        if not reply_token:
            if not fallback_to:
                raise ValueError("a reply needs a reply token or a fallback recipient")
            return await self.enqueue_push(
                fallback_to, msgs, priority=priority, kind=kind, incident_id=incident_id
            )
        first, rest = msgs[:MAX_MESSAGES_PER_REQUEST], msgs[MAX_MESSAGES_PER_REQUEST:]
        ids = [
            self.store.outbox_add(
                kind=kind,
                messages=first,
                now=self.clock(),
                to_id=fallback_to,
                reply_token=reply_token,
                priority=priority,
                incident_id=incident_id,
            )
        ]
        if rest and fallback_to:
            ids += await self.enqueue_push(
                fallback_to, rest, priority=priority, kind=kind, incident_id=incident_id
            )
        self.wake()
        return ids

    def cancel(self, incident_id: str, kinds: Sequence[str]) -> int:
        """Drop pending messages of an incident (e.g. its escalation once it is retracted)."""
        return self.store.outbox_cancel(incident_id=incident_id, kinds=kinds)

    # -- worker ----------------------------------------------------------------------------

    def wake(self) -> None:
        self._wake.set()

    def start(self) -> None:
        """Put rows a killed process left `sending` back to pending and run the worker."""
        reset = self.store.outbox_reset_inflight()
        if reset:
            log.info("outbox resumed rows=%d", reset)
        if self._worker is None:
            self._worker = asyncio.create_task(self._run(), name="outbox-worker")

    async def stop(self) -> None:
        if self._worker is not None:
            self._worker.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._worker
            self._worker = None
        # A send cut short stays `sending`; the next start() resumes it with its retry key.

    async def _run(self) -> None:
        while True:
            self._wake.clear()
            failed = False
            try:
                await self.deliver_pending()
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # never let the worker die; the rows stay in the database
                failed = True
                log.error("outbox pass failed error=%s", type(exc).__name__)
            due = self.store.outbox_next_due() if not failed else None
            now = self.clock()
            if due is not None and due <= now:
                continue
            if failed:  # e.g. the database is locked: try again shortly, without spinning
                await asyncio.sleep(1.0)
                continue
            timeout = 30.0 if due is None else min(30.0, due - now)
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(timeout):
                    await self._wake.wait()

    async def deliver_pending(self) -> int:
        """Send every row due now (one pass); returns how many rows were attempted."""
        async with self._pass_lock:
            rows = self.store.outbox_claim_due(self.clock())
            if not rows:
                return 0
            by_recipient: dict[str, list[OutboxRow]] = {}
            for row in rows:
                by_recipient.setdefault(row.to_id or row.reply_token or "", []).append(row)
            await asyncio.gather(*(self._send_in_order(rs) for rs in by_recipient.values()))
            return len(rows)

    async def _send_in_order(self, rows: list[OutboxRow]) -> None:
        async with self._sem:
            for row in rows:
                try:
                    await self._send(row)
                except asyncio.CancelledError:
                    raise
                except Exception as exc:  # a bug or an unexpected error: keep the row, retry
                    log.error("outbox unexpected error id=%s error=%s", row.id, type(exc).__name__)
                    self.store.outbox_retry(row.id, self._backoff(row.attempts), type(exc).__name__)

    # -- one row ---------------------------------------------------------------------------

    async def _send(self, row: OutboxRow) -> None:
        now = self.clock()
        if row.reply_token:
            if now - row.created_at > self.reply_token_ttl:
                self._convert(row, "reply token expired before sending")
                if not row.to_id:
                    return
            else:
                status, error, headers = await self._call_reply(row)
                if status == 200:
                    self.store.outbox_sent(row.id, self.clock())
                    log.info("outbox sent id=%s kind=%s via=reply", row.id, row.kind)
                    return
                if status == 400:
                    self._convert(row, f"400 {error}")
                    if not row.to_id:
                        return
                else:
                    self._retry_or_fail(row, status, error, headers)
                    return
        status, error, headers = await self._call_push(row)
        if status == 200:
            self.store.outbox_sent(row.id, self.clock())
            log.info("outbox sent id=%s kind=%s via=push to=%s", row.id, row.kind, row.to_id)
        elif status == 409:
            self.store.outbox_sent(row.id, self.clock(), note="409 already accepted")
            log.info("outbox sent id=%s kind=%s via=push (409: accepted before)", row.id, row.kind)
        else:
            self._retry_or_fail(row, status, error, headers)

    def _convert(self, row: OutboxRow, why: str) -> None:
        """Reply -> push: same row, a new retry key, no reply token."""
        if not row.to_id:
            self.store.outbox_failed(row.id, self.clock(), why + "; no push recipient")
            log.warning("outbox failed id=%s kind=%s: %s", row.id, row.kind, why)
            return
        key = str(uuid.uuid4())
        self.store.outbox_to_push(row.id, key, self.clock(), why)
        row.reply_token = None
        row.retry_key = key
        row.attempts += 1
        log.info("outbox reply->push id=%s kind=%s (%s)", row.id, row.kind, why)

    def _retry_or_fail(
        self, row: OutboxRow, status: int, error: str, headers: dict[str, str]
    ) -> None:
        if status in (0, 408, 429) or status >= 500:
            delay = self._backoff(row.attempts)
            retry_after = headers.get("Retry-After") or headers.get("retry-after")
            if status == 429 and retry_after and retry_after.isdigit():
                delay = max(delay, float(retry_after))
            self.store.outbox_retry(row.id, self.clock() + delay, f"{status} {error}")
            log.warning(
                "outbox retry id=%s kind=%s status=%s attempt=%d in=%.2fs",
                row.id,
                row.kind,
                status,
                row.attempts + 1,
                delay,
            )
            self.wake_at(delay)
        else:
            self.store.outbox_failed(row.id, self.clock(), f"{status} {error}")
            log.error("outbox failed id=%s kind=%s status=%s", row.id, row.kind, status)

    def wake_at(self, delay: float) -> None:
        """Make sure the worker looks again after `delay` (it also polls by itself)."""
        if self._worker is not None:
            asyncio.get_running_loop().call_later(delay, self._wake.set)

    def _backoff(self, attempts: int) -> float:
        delay = min(self.max_delay, self.base_delay * (2 ** min(attempts, 20)))
        return delay * random.uniform(0.8, 1.2)

    async def _call_reply(self, row: OutboxRow) -> tuple[int, str, dict[str, str]]:
        req = ReplyMessageRequest.from_dict(
            {"replyToken": row.reply_token, "messages": row.messages}
        )
        return await self._call(
            self.api.reply_message_with_http_info(req, _request_timeout=self.request_timeout)
        )

    async def _call_push(self, row: OutboxRow) -> tuple[int, str, dict[str, str]]:
        if not row.retry_key:  # rows written by an older version: fix the key before sending
            row.retry_key = str(uuid.uuid4())
            self.store.outbox_set_retry_key(row.id, row.retry_key)
        req = PushMessageRequest.from_dict({"to": row.to_id, "messages": row.messages})
        return await self._call(
            self.api.push_message_with_http_info(
                req, x_line_retry_key=row.retry_key, _request_timeout=self.request_timeout
            )
        )

    async def _call(self, coro: Any) -> tuple[int, str, dict[str, str]]:
        """Run one API call; (status, LINE's error message, headers). 0 = no answer."""
        try:
            await coro
            return 200, "", {}
        except ApiException as exc:
            return int(exc.status or 0), _error_message(exc), dict(exc.headers or {})
        except (TimeoutError, aiohttp.ClientError, OSError) as exc:
            return 0, type(exc).__name__, {}


def _chunks(msgs: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    if not msgs:
        raise ValueError("no messages to send")
    return [
        msgs[i : i + MAX_MESSAGES_PER_REQUEST]
        for i in range(0, len(msgs), MAX_MESSAGES_PER_REQUEST)
    ]


def _error_message(exc: ApiException) -> str:
    """LINE's `message` field of an error body (never echoes what we sent)."""
    import json

    try:
        body = json.loads(exc.body or "{}")
        return str(body.get("message", ""))[:200]
    except (ValueError, TypeError, AttributeError):
        return str(exc.reason or "")[:200]
