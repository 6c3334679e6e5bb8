"""The outbox: every outgoing LINE message is written to the database first, then sent.

    outbox = Outbox(store, messaging_api, clock=SystemClock())
    await outbox.enqueue_reply(reply_token, messages, fallback_to=chat_id, kind="warning")
    await outbox.enqueue_push(user_id, messages, priority=Priority.TIP, kind="tip")
    with store.atomic(): ...; outbox.add_push(...)   # inside the caller's transaction,
    outbox.wake()                                       # then wake the worker
    await outbox.deliver_pending()      # one pass (tests, CLI); the worker does this in a loop
    outbox.start() / await outbox.stop()
    outbox.health() -> (ok, reason)     # for /readyz; outbox.quota_state() for the report

LINE failures are handled by what they mean:
- Replies are free but a reply token is single-use and expires after about a minute: a
  reply older than `reply_token_ttl` seconds, or one LINE rejects (400: expired or invalid
  token), becomes a push to `fallback_to`, except after an *ambiguous* attempt (no answer,
  a timeout, a 500/502/504: LINE may have delivered it). LINE has no retry key for
  replies, so the reply is tried again at once with the same token, and "invalid reply
  token" then means the earlier attempt used it: delivered, no push.
- A push gets an `X-Line-Retry-Key` (UUID) before its first attempt and keeps it across
  retries; 409 means LINE already accepted that request: done, not an error.
- Outages (no connection, 5xx, timeouts, 429 rate limits) are retried with exponential
  backoff and jitter (Retry-After honoured), without a limit on attempts. While LINE is
  failing, one row is probed every `probe_interval` seconds whatever its backoff; the first
  success ends the outage and makes every waiting row due at once, so a backlog drains
  within seconds of LINE answering again.
- A 429 "monthly limit" stops pushes (no calls) until the quota resets: the outbox reads
  GET /v2/bot/message/quota and /quota/consumption every `quota_check_interval` seconds and
  resumes when usage is below the limit. Replies (free) still go; the first reply to a
  chat with admins, or to an admin or ethics-unit member, carries a notice; `health()`
  and `quota_state()` say so.
- 401/403 (the channel access token is wrong or revoked) are permanent: the row is kept
  whole as `held`, logged as an error and shown by `health()`; `bot.py outbox retry`
  releases held rows once the token is fixed. Other 4xx are permanent: the row is
  marked failed.
- Rows are claimed highest `priority` first; messages to one recipient go out in order.
- A process killed mid-send leaves rows `sending`: `start()` puts them back to pending,
  and the retry key makes the re-sent push a no-op if LINE had accepted it ("once").
- Once delivered, a row's message bodies are deleted (only the bookkeeping stays).
- A row remembers the webhook request that queued it (`request_id`, a random id of ours):
  its delivery lines (sent, retry, held, failed) are logged as part of that request.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import sqlite3
import uuid
from collections.abc import Callable, Sequence
from enum import IntEnum
from typing import Any, Literal

import aiohttp
from linebot.v3.messaging import (
    ApiException,
    AsyncMessagingApi,
    PushMessageRequest,
    ReplyMessageRequest,
    TextMessage,
)

from clock import Clock, SystemClock
from monitoring.logs import current_request_id, request_context
from storage import OutboxRow, Store

log = logging.getLogger("bot.outbox")


class Priority(IntEnum):
    """Which due message goes first (higher first); stored as the row's `priority`."""

    WARNING = 100  # the group warning about a leak
    ALERT = 90  # admin alerts and escalations
    NOTE = 80  # the private note to the sender
    # Answers to one person or chat: command, self-check and postback answers, quiz
    # explanations; also the quota notice and the weekly report to the ethics unit.
    REPLY = 50
    BROADCAST = 20  # an ethics-unit reminder to the groups, before routine tips
    TIP = 10  # tips (scheduled, requested, sent by hand)


# The names handlers/ imports today; they are the enum's members, not a second definition.
PRIORITY_WARNING = Priority.WARNING
PRIORITY_ALERT = Priority.ALERT
PRIORITY_NOTE = Priority.NOTE
PRIORITY_REPLY = Priority.REPLY

# What a row is for (the `kind` column): logs, `bot.py outbox list`, and `cancel()`.
OutboxKind = Literal[
    "push",  # enqueue_push without a kind
    "reply",  # enqueue_reply without a kind
    "warning",  # the group warning about a leak
    "note",  # the private note to the sender
    "alert",  # an alert to the group's admins
    "escalation",  # the admins' reminder of an unhandled incident (cancelled when handled)
    "sender-answer",  # the sender's answer (false positive, official need), told to admins
    "retracted",  # an incident's message was unsent, told to admins
    "thanks",  # thanks to the sender for unsending
    "review",  # a review step told: a dismissal overruled (sender), open incidents (new admin)
    "selfcheck",  # the answer to a 1:1 self-check
    "command",  # the answer to a slash command (/help, /status, /tip, /broadcast ...)
    "postback",  # the answer to a button (incident actions, broadcast confirm/cancel ...)
    "join",  # the introduction when the bot joins a group
    "welcome",  # the welcome to a new member
    "follow",  # the hello to a new friend
    "tip",  # a tip (its tip_sends row points at the outbox row)
    "quiz",  # the explanation after a quiz answer, or "this quiz is closed"
    "broadcast",  # an ethics-unit reminder to a group
    "notice",  # the quota notice to the ethics unit (tips skipped)
    "report",  # the weekly report to the ethics unit
]
# Rows written before #11 have "tips" for the answers of the tips commands and buttons;
# those are "command" and "postback" now, as for every other command and button. Nothing
# decides by a row's kind but `cancel()` (escalations), so old rows are read and sent as
# they always were.

MAX_MESSAGES_PER_REQUEST = 5  # LINE's limit for reply and push
AMBIGUOUS = "ambiguous"  # last_error prefix: the attempt may have been delivered
_AMBIGUOUS_STATUSES = (0, 500, 502, 504)  # no answer, or an answer that may follow delivery
_NOT_SENT_ERRORS = ("ClientConnectorError", "ClientConnectionError")  # never reached LINE


class Outbox:
    def __init__(
        self,
        store: Store,
        api: AsyncMessagingApi | None,
        *,
        clock: Clock | None = None,
        base_delay: float = 1.0,
        max_delay: float = 300.0,
        reply_token_ttl: float = 50.0,
        concurrency: int = 8,
        request_timeout: float = 10.0,
        probe_interval: float = 2.0,
        quota_check_interval: float = 300.0,
        notice: Callable[[str, int, int], list[dict[str, Any]] | None] | None = None,
    ) -> None:
        self.store = store
        self.api = api  # None: this outbox only queues (a CLI without LINE credentials)
        self.clock: Clock = clock or SystemClock()
        self.base_delay = base_delay
        self.max_delay = max_delay
        self.reply_token_ttl = reply_token_ttl
        self.request_timeout = request_timeout
        self.probe_interval = probe_interval
        self.quota_check_interval = quota_check_interval
        # notice(chat_or_user, usage, limit) -> messages for a reply, or None when that chat
        # has nobody to tell (the service gives a localized text for admins/ethics chats).
        self.notice = notice
        self.outage_since: float | None = None  # LINE failing (connection, 5xx, 429 rate)
        self.quota: tuple[int, int] | None = None  # (usage, limit) while the month's is spent
        self.quota_since: float | None = None
        self._quota_check_at = 0.0
        self._quota_told: set[str] = set()
        self.auth_failed: tuple[int, float] | None = None  # (status, since) on 401/403
        self._sem = asyncio.Semaphore(concurrency)
        self._wake = asyncio.Event()
        self._worker: asyncio.Task[None] | None = None
        self._pass_lock = asyncio.Lock()

    # -- enqueue ---------------------------------------------------------------------------

    def add_push(
        self,
        to: str,
        messages: Sequence[dict[str, Any]],
        *,
        priority: Priority = Priority.REPLY,
        kind: OutboxKind = "push",
        incident_id: str | None = None,
    ) -> list[int]:
        """Write a push to a user, group or room (5 messages a row) and return the row ids,
        without waking the worker: the caller may hold a transaction, and calls `wake()`
        once it is committed."""
        now = self.clock.now()
        return [
            self.store.outbox_add(
                kind=kind,
                messages=chunk,
                now=now,
                to_id=to,
                retry_key=str(uuid.uuid4()),
                priority=priority,
                incident_id=incident_id,
                request_id=current_request_id(),
            )
            for chunk in _chunks(list(messages))
        ]

    def add_reply(
        self,
        reply_token: str | None,
        messages: Sequence[dict[str, Any]],
        *,
        fallback_to: str | None,
        priority: Priority = Priority.REPLY,
        kind: OutboxKind = "reply",
        incident_id: str | None = None,
    ) -> list[int]:
        """Write a reply (pushed to `fallback_to` instead when the token cannot be used);
        without a token this is a push, and more than 5 messages: the rest go as pushes.
        Like `add_push`, this does not wake the worker."""
        msgs = list(messages)
        if not reply_token:
            if not fallback_to:
                raise ValueError("a reply needs a reply token or a fallback recipient")
            return self.add_push(
                fallback_to, msgs, priority=priority, kind=kind, incident_id=incident_id
            )
        first, rest = msgs[:MAX_MESSAGES_PER_REQUEST], msgs[MAX_MESSAGES_PER_REQUEST:]
        ids = [
            self.store.outbox_add(
                kind=kind,
                messages=first,
                now=self.clock.now(),
                to_id=fallback_to,
                reply_token=reply_token,
                priority=priority,
                incident_id=incident_id,
                request_id=current_request_id(),
            )
        ]
        if rest and fallback_to:
            ids += self.add_push(
                fallback_to, rest, priority=priority, kind=kind, incident_id=incident_id
            )
        return ids

    async def enqueue_push(
        self,
        to: str,
        messages: Sequence[dict[str, Any]],
        *,
        priority: Priority = Priority.REPLY,
        kind: OutboxKind = "push",
        incident_id: str | None = None,
    ) -> list[int]:
        """Queue a push to a user, group or room; returns the outbox row ids (5 messages a row)."""
        ids = self.add_push(to, messages, priority=priority, kind=kind, incident_id=incident_id)
        self.wake()
        return ids

    async def enqueue_reply(
        self,
        reply_token: str | None,
        messages: Sequence[dict[str, Any]],
        *,
        fallback_to: str | None,
        priority: Priority = Priority.REPLY,
        kind: OutboxKind = "reply",
        incident_id: str | None = None,
    ) -> list[int]:
        """Queue a reply; pushed to `fallback_to` instead when the token cannot be used.
        Without a token this is a push. More than 5 messages: the rest go as pushes."""
        ids = self.add_reply(
            reply_token,
            messages,
            fallback_to=fallback_to,
            priority=priority,
            kind=kind,
            incident_id=incident_id,
        )
        self.wake()
        return ids

    def cancel(self, incident_id: str, kinds: Sequence[OutboxKind]) -> int:
        """Drop pending messages of an incident (e.g. its escalation once it is retracted)."""
        return self.store.outbox_cancel(incident_id=incident_id, kinds=kinds)

    # -- worker ----------------------------------------------------------------------------

    def wake(self) -> None:
        self._wake.set()

    def start(self) -> None:
        """Put rows a killed process left `sending` back to pending and run the worker."""
        self._client()  # a queue-only outbox has no worker
        # A killed process may have died inside an attempt LINE took: for a reply that is
        # an ambiguous attempt ("invalid reply token" next time means it was delivered).
        reset = self.store.outbox_reset_inflight(
            f"{AMBIGUOUS}: the process stopped mid-send", now=self.clock.now()
        )
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
        # A send cut short goes back to pending (ambiguous), with its retry key: another
        # replica, or the next start(), sends it again. A killed process cannot do this:
        # its rows wait for the end of their claim (storage/outbox.py).
        with contextlib.suppress(sqlite3.Error):  # a lost database: the claims expire
            self.store.outbox_reset_inflight(
                f"{AMBIGUOUS}: the process stopped mid-send", owner=self.store.replica_id
            )

    async def _run(self) -> None:
        failing: str | None = None  # the cause of the current run of failed passes
        while True:
            self._wake.clear()
            failed = False
            try:
                await self.deliver_pending()
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # never let the worker die; the rows stay in the database
                failed = True
                # SQLite's own messages say what broke (read-only, full disk); anything else
                # by type only, as a message could quote what was being sent.
                cause = type(exc).__name__ + (
                    f": {exc}"[:200] if isinstance(exc, sqlite3.Error) else ""
                )
                if cause != failing:  # logged once per cause, not once a second
                    log.error("outbox pass failed; retrying every second cause=%s", cause)
                    failing = cause
            if not failed and failing is not None:
                log.info("outbox passes succeed again after: %s", failing)
                failing = None
            due = self.store.outbox_next_due() if not failed else None
            now = self.clock.now()
            if due is not None and due <= now:
                continue
            if failed:  # e.g. the database is locked: try again shortly, without spinning
                await asyncio.sleep(1.0)
                continue
            timeout = 30.0 if due is None else min(30.0, due - now)
            if self.outage_since is not None and due is not None:
                timeout = min(timeout, self.probe_interval)  # then probe one row
            if self.quota is not None:
                timeout = min(timeout, max(0.01, self._quota_check_at - now))
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(timeout):
                    await self._wake.wait()

    async def deliver_pending(self) -> int:
        """Send every row due now (one pass); returns how many rows were attempted.
        During an outage one waiting row is made due first (a probe); while the monthly
        quota is spent, the quota is read again when its check is due."""
        self._client()  # a queue-only outbox cannot deliver
        async with self._pass_lock:
            now = self.clock.now()
            if self.quota is not None and now >= self._quota_check_at:
                await self._check_quota()
            if self.outage_since is not None:
                self.store.outbox_hasten(now, limit=1)
            rows = self.store.outbox_claim_due(
                self.clock.now(), expired_note=f"{AMBIGUOUS}: its replica stopped mid-send"
            )
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
                with request_context(row.request_id):  # logs as the request that queued it
                    await self._send_one(row)

    async def _send_one(self, row: OutboxRow) -> None:
        # The batch may have waited on earlier sends: renew the claim, or leave the row to
        # the replica that took it over when the claim ran out (storage/outbox.py).
        if not self.store.outbox_renew_claim(row.id, self.clock.now()):
            log.info("outbox row taken over by another replica id=%s", row.id)
            return
        try:
            await self._send(row)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # a bug or an unexpected error: keep the row, retry
            log.error("outbox unexpected error id=%s error=%s", row.id, type(exc).__name__)
            self.store.outbox_retry(row.id, self._backoff(row.attempts), type(exc).__name__)

    # -- one row ---------------------------------------------------------------------------

    async def _send(self, row: OutboxRow) -> None:
        now = self.clock.now()
        ambiguous = (row.last_error or "").startswith(AMBIGUOUS)
        if row.reply_token:
            if now - row.created_at > self.reply_token_ttl:
                # After an ambiguous attempt this may repeat a delivered reply: LINE offers no
                # way to ask. A warning twice is better than none (see docs/service.md).
                self._convert(row, "reply token expired before sending")
                if not row.to_id:
                    return
            else:
                messages = self._with_quota_notice(row)
                status, error, headers = await self._call_reply(row, messages)
                if status == 200:
                    self._succeeded()
                    self.store.outbox_sent(row.id, self.clock.now())
                    log.info("outbox sent id=%s kind=%s via=reply", row.id, row.kind)
                    return
                if status == 400 and ambiguous and "reply token" in error.lower():
                    # The token was used: by our earlier attempt, whose answer was lost.
                    self._succeeded()
                    self.store.outbox_sent(
                        row.id, self.clock.now(), note="reply token used by the unanswered attempt"
                    )
                    log.info("outbox sent id=%s kind=%s via=reply (answer lost)", row.id, row.kind)
                    return
                if status == 400:
                    self._convert(row, f"400 {error}")
                    if not row.to_id:
                        return
                else:
                    self._retry_or_fail(row, status, error, headers)
                    return
        if self.quota is not None:
            # The month's quota is spent: do not call LINE until the quota check says so.
            self.store.outbox_postpone(row.id, self._quota_check_at, "429 monthly limit (paused)")
            return
        status, error, headers = await self._call_push(row)
        if status == 200:
            self._succeeded()
            self.store.outbox_sent(row.id, self.clock.now())
            log.info("outbox sent id=%s kind=%s via=push to=%s", row.id, row.kind, row.to_id)
        elif status == 409:
            self._succeeded()
            self.store.outbox_sent(row.id, self.clock.now(), note="409 already accepted")
            log.info("outbox sent id=%s kind=%s via=push (409: accepted before)", row.id, row.kind)
        else:
            self._retry_or_fail(row, status, error, headers)

    # -- what LINE's answers mean ----------------------------------------------------------

    def _succeeded(self) -> None:
        """LINE accepted a request: an outage or a token problem is over."""
        if self.auth_failed is not None:
            log.warning("outbox: LINE accepts the access token again")
            self.auth_failed = None
        if self.outage_since is not None:
            down = self.clock.now() - self.outage_since
            self.outage_since = None
            hastened = self.store.outbox_hasten(self.clock.now())
            log.warning("outbox: LINE answers again after %.1fs; rows made due=%d", down, hastened)
            self.wake()

    def _with_quota_notice(self, row: OutboxRow) -> list[dict[str, Any]]:
        """The reply's messages, plus the quota notice once per chat while pushes are paused."""
        messages = list(row.messages)
        if self.quota is None or not row.to_id:
            return messages
        if row.to_id in self._quota_told or len(messages) >= MAX_MESSAGES_PER_REQUEST:
            return messages
        notice = self.notice or self._default_notice
        extra = notice(row.to_id, *self.quota)
        if extra:
            self._quota_told.add(row.to_id)
            messages += extra[: MAX_MESSAGES_PER_REQUEST - len(messages)]
        return messages

    def _default_notice(self, chat: str, usage: int, limit: int) -> list[dict[str, Any]] | None:
        """The quota notice for a group with admins, or for an admin's or an ethics-unit
        member's 1:1 chat; None for anyone else."""
        from locales import t

        store = self.store
        if chat.startswith(("C", "R")):
            if not store.group_admins(chat):
                return None
            locale = store.group_locale(chat)
        else:
            roles = [r for r in store.list_roles() if r.get("user_id") == chat]
            if not roles:
                return None
            locale = (store.user(chat) or {}).get("locale")
        text = t("outbox.quota_reached", locale, usage=usage, limit=limit)
        return [TextMessage(text=text).to_dict()]

    async def _check_quota(self) -> None:
        """Read this month's quota and usage; resume pushes when there is room again."""
        self._quota_check_at = self.clock.now() + self.quota_check_interval
        try:
            api = self._client()
            quota = await api.get_message_quota(_request_timeout=self.request_timeout)
            used = await api.get_message_quota_consumption(_request_timeout=self.request_timeout)
        except (ApiException, TimeoutError, aiohttp.ClientError, OSError) as exc:
            log.warning("outbox quota check failed error=%s", type(exc).__name__)
            return
        limit = quota.value if str(getattr(quota.type, "value", quota.type)) == "limited" else None
        if limit is not None and used.total_usage >= limit:
            self.quota = (used.total_usage, limit)
            return
        log.warning(
            "outbox: monthly quota available again (usage=%s limit=%s)", used.total_usage, limit
        )
        self.quota = None
        self.quota_since = None
        self._quota_told.clear()
        self.store.outbox_hasten(self.clock.now())
        self.wake()

    def _quota_spent(self, error: str) -> None:
        now = self.clock.now()
        if self.quota is None:
            self.quota = (0, 0)
            self.quota_since = now
            self._quota_check_at = now  # read usage and limit at the next pass
            log.error("outbox: LINE monthly message quota reached; pushes paused until it resets")

    def health(self) -> tuple[bool, str]:
        """Readiness of delivery: (ok, reason)."""
        if self.auth_failed is not None:
            status, _since = self.auth_failed
            held = self.store.outbox_counts().get("held", 0)
            return False, (
                f"LINE refused the access token ({status}); {held} messages held until "
                "`bot.py outbox retry`"
            )
        if self.quota is not None:
            usage, limit = self.quota
            return False, f"LINE monthly quota reached ({usage}/{limit}); pushes paused"
        if self.outage_since is not None and self.clock.now() - self.outage_since > 60:
            return False, f"LINE unreachable for {self.clock.now() - self.outage_since:.0f}s"
        return True, "ok"

    def quota_state(self) -> dict[str, Any]:
        """For the report: whether pushes are paused for the monthly quota, since when."""
        usage, limit = self.quota or (None, None)
        return {
            "paused": self.quota is not None,
            "since": self.quota_since,
            "usage": usage,
            "limit": limit,
        }

    def _convert(self, row: OutboxRow, why: str) -> None:
        """Reply -> push: same row, a new retry key, no reply token."""
        if not row.to_id:
            self.store.outbox_failed(row.id, self.clock.now(), why + "; no push recipient")
            log.warning("outbox failed id=%s kind=%s: %s", row.id, row.kind, why)
            return
        key = str(uuid.uuid4())
        self.store.outbox_to_push(row.id, key, self.clock.now(), why)
        row.reply_token = None
        row.retry_key = key
        row.attempts += 1
        log.info("outbox reply->push id=%s kind=%s (%s)", row.id, row.kind, why)

    def _retry_or_fail(
        self, row: OutboxRow, status: int, error: str, headers: dict[str, str]
    ) -> None:
        if status == 429 and "monthly limit" in error.lower():
            self._quota_spent(error)
            self.store.outbox_postpone(row.id, self.clock.now(), f"{status} {error}")
            self.wake()
            return
        if status in (401, 403):
            self.store.outbox_hold(row.id, self.clock.now(), f"{status} {error}")
            if self.auth_failed is None:
                self.auth_failed = (status, self.clock.now())
                log.error(
                    "outbox: LINE refused the channel access token (%s); messages are held: "
                    "fix LINE_CHANNEL_ACCESS_TOKEN, then run `bot.py outbox retry`",
                    status,
                )
            log.warning("outbox held id=%s kind=%s status=%s", row.id, row.kind, status)
            return
        if status in (0, 408, 429) or status >= 500:
            if self.outage_since is None and status != 429:
                self.outage_since = self.clock.now()
                log.warning(
                    "outbox: LINE failing (%s); probing every %.0fs", status, self.probe_interval
                )
            delay = self._backoff(row.attempts)
            retry_after = headers.get("Retry-After") or headers.get("retry-after")
            if status == 429 and retry_after and retry_after.isdigit():
                delay = max(delay, float(retry_after))
            mark = ""
            if row.reply_token and status in _AMBIGUOUS_STATUSES and error not in _NOT_SENT_ERRORS:
                # LINE may have delivered the reply: try the token again at once, before it
                # expires; "invalid reply token" will then mean it was used.
                mark, delay = AMBIGUOUS + " ", min(delay, self.base_delay)
            elif row.reply_token and (row.last_error or "").startswith(AMBIGUOUS):
                mark = AMBIGUOUS + " "  # still unknown whether the first attempt went through
            self.store.outbox_retry(row.id, self.clock.now() + delay, f"{mark}{status} {error}")
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
            self.store.outbox_failed(row.id, self.clock.now(), f"{status} {error}")
            log.error("outbox failed id=%s kind=%s status=%s", row.id, row.kind, status)

    def wake_at(self, delay: float) -> None:
        """Make sure the worker looks again after `delay` (it also polls by itself)."""
        if self._worker is not None:
            asyncio.get_running_loop().call_later(delay, self._wake.set)

    def _backoff(self, attempts: int) -> float:
        delay = min(self.max_delay, self.base_delay * (2 ** min(attempts, 20)))
        return delay * random.uniform(0.8, 1.2)

    async def _call_reply(
        self, row: OutboxRow, messages: list[dict[str, Any]]
    ) -> tuple[int, str, dict[str, str]]:
        req = ReplyMessageRequest.from_dict({"replyToken": row.reply_token, "messages": messages})
        return await self._call(
            self._client().reply_message_with_http_info(req, _request_timeout=self.request_timeout)
        )

    async def _call_push(self, row: OutboxRow) -> tuple[int, str, dict[str, str]]:
        if not row.retry_key:  # rows written by an older version: fix the key before sending
            row.retry_key = str(uuid.uuid4())
            self.store.outbox_set_retry_key(row.id, row.retry_key)
        req = PushMessageRequest.from_dict({"to": row.to_id, "messages": row.messages})
        return await self._call(
            self._client().push_message_with_http_info(
                req, x_line_retry_key=row.retry_key, _request_timeout=self.request_timeout
            )
        )

    def _client(self) -> AsyncMessagingApi:
        if self.api is None:
            raise RuntimeError("this outbox only queues: it has no LINE client to send with")
        return self.api

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
