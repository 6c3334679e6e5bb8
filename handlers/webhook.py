"""`POST /callback`: verify, record each event's outcome durably, then acknowledge.

- The `X-Line-Signature` header is checked against an HMAC-SHA256 of the raw body with
  the channel secret (constant-time compare). Missing or wrong -> 400, nothing processed.
- A body that is not JSON (at any nesting depth), or has no `events` list -> 400.
  `{"events": []}` (LINE's "verify" button) -> 200.
- Nothing acknowledged is lost: before the 200, every handler runs up to its first
  network wait, inside one SQLite transaction per request (one savepoint per event),
  and that transaction is committed. For a text message that is the scan, the decision,
  the incident, the queued group warning and the follow-up job (private note, admin
  alert) that a restart resumes; for an image or file, whatever the media handler does
  before its first wait (its pending scan job); for an unsend, the retraction. What a
  handler does after its first network wait (LINE lookups) runs after the 200, in a
  task kept in a set and drained at shutdown.
- When that transaction cannot be committed (read-only or full disk, locked database)
  the answer is 500 and nothing of the request is kept, so LINE redelivers it (webhook
  redelivery must be switched on in the LINE console). The failure is logged with its
  cause, once per episode.
- One bad event (wrong types, an unknown shape, a handler error) is skipped and logged
  with its position; the rest of its request is processed.
- A `webhookEventId` seen before (a redelivery) is skipped: processed once. Events in
  `standby` mode (another channel is active) are ignored.
- Each request gets a random request id of ours (monitoring/logs.py), on every log line
  of the request and of the work and deliveries it causes: `grep 'req=<id>'`.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import hashlib
import hmac
import json
import logging
import sqlite3
from collections.abc import Coroutine, Generator
from typing import Any

from aiohttp import web
from linebot.v3.webhooks import Event

from deps import Deps
from handlers.message import drop_prepared, prepare_long_texts
from handlers.router import Dispatcher
from handlers.tasks import TaskSet
from monitoring.logs import new_request_id, request_context, where_failed

log = logging.getLogger("bot.webhook")


def signature_ok(secret: str, body: bytes, signature: str) -> bool:
    expected = base64.b64encode(hmac.new(secret.encode("utf-8"), body, hashlib.sha256).digest())
    return hmac.compare_digest(expected, signature.strip().encode("ascii", "replace"))


def _bad(reason: str) -> web.Response:
    return web.json_response({"error": reason}, status=400)


def _order(raw: dict[str, Any]) -> float:
    """Sort key: LINE's millisecond timestamp when it is a number, else first."""
    ts = raw.get("timestamp")
    return float(ts) if isinstance(ts, int | float) and not isinstance(ts, bool) else 0.0


def _redelivery(raw: dict[str, Any]) -> bool:
    ctx = raw.get("deliveryContext")
    return isinstance(ctx, dict) and ctx.get("isRedelivery") is True


class _Rest:
    """A coroutine whose first step runs at once (`start_eager`) and whose rest is awaited
    by a task: it hands the future the first step waits on to the task, then drives the
    coroutine exactly as `await` would."""

    def __init__(self, coro: Coroutine[Any, Any, None]) -> None:
        self.coro = coro
        self.waiting_on: Any = None
        self.done = False

    def first_step(self) -> None:
        try:
            self.waiting_on = self.coro.send(None)
        except StopIteration:
            self.done = True
        except BaseException:
            self.done = True
            raise

    def close(self) -> None:
        """Abandon the rest (its outcome was rolled back): finally blocks run now."""
        if not self.done:
            self.done = True
            self.coro.close()

    def __await__(self) -> Generator[Any, Any, None]:
        if self.done:
            return
        try:
            yield from self._drive()
        finally:
            self.done = True

    def _drive(self) -> Generator[Any, Any, None]:
        coro, value = self.coro, self.waiting_on
        while True:
            try:
                sent = yield value
            except GeneratorExit:
                coro.close()
                raise
            except BaseException as exc:  # cancellation and the like go to the coroutine
                try:
                    value = coro.throw(exc)
                except StopIteration:
                    return
                continue
            try:
                value = coro.send(sent)
            except StopIteration:
                return


async def _finish(rest: _Rest) -> None:
    await rest


def start_eager(coro: Coroutine[Any, Any, None]) -> tuple[asyncio.Task[None], _Rest]:
    """Run `coro` now, up to its first real wait, as the task that will run the rest (what
    Python 3.12's eager tasks do, for 3.11): what it writes before that wait joins the
    caller's transaction, and `current_task()` (aiohttp's timeouts cancel it) is right.
    Exceptions of that first step propagate; `rest.done` tells whether it finished."""
    loop = asyncio.get_running_loop()
    rest = _Rest(coro)
    task = loop.create_task(_finish(rest))  # its first step comes after ours
    current = asyncio.current_task(loop)
    if current is not None:
        asyncio.tasks._leave_task(loop, current)
    asyncio.tasks._enter_task(loop, task)
    try:
        rest.first_step()
    except BaseException:
        task.cancel()
        raise
    finally:
        asyncio.tasks._leave_task(loop, task)
        if current is not None:
            asyncio.tasks._enter_task(loop, current)
    return task, rest


class _BadEvent(Exception):
    """A lone event's handler failed: roll its request's transaction back, answer 200."""


class StorageUnavailable(Exception):
    """The request's outcome could not be committed; the webhook answers 500."""


class Webhook:
    def __init__(self, deps: Deps, dispatcher: Dispatcher) -> None:
        self.deps = deps
        self.dispatcher = dispatcher
        self.secret = deps.config.channel_secret
        self.tasks = TaskSet(on_done=self._done)  # work after the 200, drained at shutdown
        self.processed = 0  # events handled (not counting redeliveries), for /healthz and tests
        self.bad_events = 0  # events skipped as malformed or failing in their handler
        self.storage_error: str | None = None  # the last commit failure, until one succeeds
        self.storage_failures = 0  # requests answered 500 for storage

    async def handle(self, request: web.Request) -> web.Response:
        # A random id of ours for this request (never a client's header): on every log line
        # of the request, of the tasks it starts, and of the outbox rows it queues.
        with request_context(new_request_id()):
            return await self._handle_request(request)

    async def _handle_request(self, request: web.Request) -> web.Response:
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
        except (ValueError, UnicodeDecodeError, RecursionError):
            log.warning("webhook rejected: malformed JSON bytes=%d", len(body))
            return _bad("malformed JSON")
        events = payload.get("events") if isinstance(payload, dict) else None
        if not isinstance(events, list):
            log.warning("webhook rejected: no events list")
            return _bad("no events list")
        raw = [e for e in events if isinstance(e, dict)]
        if len(raw) != len(events):
            self.bad_events += len(events) - len(raw)
            log.warning("events skipped: not objects count=%d", len(events) - len(raw))
        log.info("webhook received events=%d bytes=%d", len(events), len(body))
        if raw:
            prepared = await prepare_long_texts(self.deps, raw)  # off the loop, first
            try:
                self.accept(raw)
            except StorageUnavailable:
                return web.json_response({"error": "storage unavailable"}, status=500)
            finally:
                drop_prepared(self.deps, prepared)
        return web.json_response({})

    # -- before the 200 ----------------------------------------------------------------------

    def accept(self, raw_events: list[dict[str, Any]]) -> None:
        """Run every event's handler up to its first network wait and commit the outcome of
        the whole request; raise StorageUnavailable (nothing kept) when it cannot be."""
        store = self.deps.store
        events = sorted(raw_events, key=_order)
        started: list[tuple[asyncio.Task[None], _Rest]] = []
        try:
            try:
                with store.atomic():
                    for index, raw in enumerate(events):
                        # Alone in its request, an event needs no savepoint of its own: the
                        # request's transaction is its savepoint (a bad one rolls it back).
                        one = self._accept_one(index, raw, own_savepoint=len(events) > 1)
                        if one is not None:
                            started.append(one)
            except _BadEvent:
                pass  # the only event of its request: rolled back and logged
        except sqlite3.Error as exc:
            for task, rest in started:  # their outcome was rolled back: do not let them act
                rest.close()
                task.cancel()
            self.storage_failures += 1
            cause = f"{type(exc).__name__}: {exc}"[:200]
            if self.storage_error != cause:
                log.error("storage failed; answering 500 so LINE redelivers cause=%s", cause)
            self.storage_error = cause
            raise StorageUnavailable(cause) from exc
        if self.storage_error is not None:
            log.warning("storage writable again after failures=%d", self.storage_failures)
            self.storage_error = None
        if store.erased:  # an unsend deleted values: push them out of the WAL too
            try:
                store.checkpoint()
            except sqlite3.Error as exc:
                log.warning("checkpoint after erase failed error=%s", type(exc).__name__)
        for task, _rest in started:
            self.tasks.add(task)

    def _accept_one(
        self, index: int, raw: dict[str, Any], *, own_savepoint: bool
    ) -> tuple[asyncio.Task[None], _Rest] | None:
        """One event (in its own savepoint when its request has others): a bad event rolls
        back alone; a storage error is raised (the whole request is answered 500)."""
        store = self.deps.store
        etype = str(raw.get("type", "?"))[:40]
        event_id = raw.get("webhookEventId")
        event_id = event_id if isinstance(event_id, str) and event_id else None
        if raw.get("mode") == "standby":
            log.info("standby event ignored type=%s event=%s", etype, event_id)
            return None
        try:
            event = Event.from_dict(raw)
        except Exception as exc:
            self.bad_events += 1
            log.warning(
                "event not understood index=%d type=%s event=%s error=%s",
                index,
                etype,
                event_id,
                type(exc).__name__,
            )
            return None
        try:
            with store.atomic() if own_savepoint else contextlib.nullcontext():
                if event_id and not store.first_delivery(event_id, self.deps.now()):
                    log.info("redelivery skipped type=%s event=%s", etype, event_id)
                    return None
                log.debug("event type=%s event=%s redelivery=%s", etype, event_id, _redelivery(raw))
                return start_eager(self._handle(event, etype, event_id))
        except sqlite3.Error:
            raise
        except Exception as exc:
            # Not log.exception: a traceback's message may quote the message text.
            self.bad_events += 1
            log.error(
                "handler failed index=%d type=%s event=%s error=%s",
                index,
                etype,
                event_id,
                where_failed(exc),
            )
            if not own_savepoint:
                raise _BadEvent from exc
            return None

    async def _handle(self, event: Event, etype: str, event_id: str | None) -> None:
        handled = await self.dispatcher.dispatch(self.deps, event)
        if self.deps.metrics is not None:  # monitoring/metrics.py: events by type
            self.deps.metrics.event(etype)
        if not handled:
            log.info("event ignored type=%s event=%s", etype, event_id)

    # -- after the 200 -----------------------------------------------------------------------

    def spawn(self, coro: Coroutine[Any, Any, None]) -> None:
        """Run work after the answer (resumed follow-ups, long scans) in a tracked task."""
        self.tasks.spawn(coro)

    def _done(self, task: asyncio.Task[None]) -> None:
        if task.cancelled():
            return
        exc = task.exception()  # retrieved here: never "Task exception was never retrieved"
        if exc is None:
            self.processed += 1
        elif isinstance(exc, sqlite3.Error):
            log.error("storage failed after the answer cause=%s: %s", where_failed(exc), exc)
        else:
            log.error("handler failed after the answer error=%s", where_failed(exc))

    async def idle(self) -> None:
        """Wait until no event is being processed (tests, shutdown)."""
        await self.tasks.idle()

    async def drain(self, timeout: float = 10.0) -> None:
        """Let in-flight work finish (bounded), then cancel what is left."""
        if not self.tasks:
            return
        cancelled = await self.tasks.drain(timeout)
        if cancelled:
            log.warning("shutdown cancelled event tasks=%d", cancelled)
