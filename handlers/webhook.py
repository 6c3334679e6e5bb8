"""`POST /callback`: verify, acknowledge at once, process in tracked background tasks.

- The `X-Line-Signature` header is checked against an HMAC-SHA256 of the raw body with
  the channel secret (constant-time compare). Missing or wrong -> 400, nothing processed.
- A body that is not JSON, or has no `events` list -> 400. `{"events": []}` (LINE's
  "verify" button) -> 200.
- The 200 goes out before any work: the events of one request are processed in order
  (by `timestamp`) in one background task, kept in a set and drained at shutdown.
- A `webhookEventId` seen before (a redelivery) is skipped: processed once. Events in
  `standby` mode (another channel is active) are ignored.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
import logging
from typing import Any

from aiohttp import web
from linebot.v3.webhooks import Event

from handlers.common import where_failed
from handlers.deps import Deps
from handlers.router import Dispatcher

log = logging.getLogger("bot.webhook")


def signature_ok(secret: str, body: bytes, signature: str) -> bool:
    expected = base64.b64encode(hmac.new(secret.encode("utf-8"), body, hashlib.sha256).digest())
    return hmac.compare_digest(expected, signature.strip().encode("ascii", "replace"))


def _bad(reason: str) -> web.Response:
    return web.json_response({"error": reason}, status=400)


class Webhook:
    def __init__(self, deps: Deps, dispatcher: Dispatcher) -> None:
        self.deps = deps
        self.dispatcher = dispatcher
        self.secret = deps.config.channel_secret
        self.tasks: set[asyncio.Task[None]] = set()
        self.processed = 0  # events handled (not counting redeliveries), for /healthz and tests
        self._idle = asyncio.Event()
        self._idle.set()

    async def handle(self, request: web.Request) -> web.Response:
        signature = request.headers.get("X-Line-Signature")
        body = await request.read()
        if not signature:
            log.warning("webhook rejected: missing signature")
            return _bad("missing X-Line-Signature")
        if not signature_ok(self.secret, body, signature):
            log.warning("webhook rejected: bad signature")
            return _bad("invalid signature")
        try:
            payload = json.loads(body)
        except (ValueError, UnicodeDecodeError):
            log.warning("webhook rejected: malformed JSON bytes=%d", len(body))
            return _bad("malformed JSON")
        events = payload.get("events") if isinstance(payload, dict) else None
        if not isinstance(events, list):
            log.warning("webhook rejected: no events list")
            return _bad("no events list")
        raw = [e for e in events if isinstance(e, dict)]
        if raw:
            self.spawn(self.process(raw))
        return web.json_response({})

    def spawn(self, coro: Any) -> None:
        task: asyncio.Task[None] = asyncio.create_task(coro)
        self.tasks.add(task)
        self._idle.clear()
        task.add_done_callback(self._done)

    def _done(self, task: asyncio.Task[None]) -> None:
        self.tasks.discard(task)
        if not self.tasks:
            self._idle.set()

    async def process(self, raw_events: list[dict[str, Any]]) -> None:
        store = self.deps.store
        for raw in sorted(raw_events, key=lambda e: e.get("timestamp") or 0):
            etype = str(raw.get("type", "?"))[:40]
            event_id = raw.get("webhookEventId")
            if (
                isinstance(event_id, str)
                and event_id
                and not store.first_delivery(event_id, self.deps.now())
            ):
                log.info("redelivery skipped type=%s event=%s", etype, event_id)
                continue
            if raw.get("mode") == "standby":
                log.info("standby event ignored type=%s event=%s", etype, event_id)
                continue
            try:
                event = Event.from_dict(raw)
            except Exception as exc:
                log.info(
                    "event not understood type=%s event=%s error=%s",
                    etype,
                    event_id,
                    type(exc).__name__,
                )
                continue
            redelivery = bool(raw.get("deliveryContext", {}).get("isRedelivery"))
            log.debug("event type=%s event=%s redelivery=%s", etype, event_id, redelivery)
            try:
                handled = await self.dispatcher.dispatch(self.deps, event)
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                # Not log.exception: a traceback's message may quote the message text.
                log.error(
                    "handler failed type=%s event=%s error=%s", etype, event_id, where_failed(exc)
                )
                continue
            self.processed += 1
            counter = self.deps.extra.get("metrics")
            if counter is not None:
                counter.event(etype)
            if not handled:
                log.info("event ignored type=%s event=%s", etype, event_id)

    async def idle(self) -> None:
        """Wait until no event is being processed (tests, shutdown)."""
        await self._idle.wait()

    async def drain(self, timeout: float = 10.0) -> None:
        """Let in-flight events finish (bounded), then cancel what is left."""
        if not self.tasks:
            return
        _done, pending = await asyncio.wait(set(self.tasks), timeout=timeout)
        for task in pending:
            task.cancel()
        if pending:
            await asyncio.gather(*pending, return_exceptions=True)
            log.warning("shutdown cancelled event tasks=%d", len(pending))
