"""Escalation timer and retention, one background worker.

A flagged message not unsent within `escalation_grace_seconds` escalates to the
group's admins, once (the store moves the incident open -> escalated atomically;
an unsend, an acknowledgement or a justification first means no escalation).
Incident deadlines live in the database, so a restart loses no timer.

The worker sleeps until the next deadline (or `max_sleep`), and wakes early when
`nudge()` is called (a new incident, or a test that moved its clock). Retention
(`Store.purge`) runs at start and then every `purge_every` seconds.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

from handlers import compose
from handlers.actions import alert_admins
from handlers.common import Where, chat_locale, group_name, label, where_failed
from handlers.deps import Deps

log = logging.getLogger("bot.escalation")


class EscalationWorker:
    def __init__(self, deps: Deps, *, max_sleep: float = 30.0, purge_every: float = 3600.0) -> None:
        self.deps = deps
        self.max_sleep = max_sleep
        self.purge_every = purge_every
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._last_purge: float | None = None

    def nudge(self) -> None:
        self._wake.set()

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name="escalation-worker")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def run_due(self) -> int:
        """Escalate every incident past its deadline (once each); returns how many."""
        deps = self.deps
        count = 0
        for inc in deps.store.due_escalations(deps.now()):
            if not deps.store.claim_escalation(inc.id, deps.now()):
                continue
            w = Where(inc.group_id, inc.chat_type, inc.sender_id)
            locale = chat_locale(deps, inc.group_id)
            gname = await group_name(deps, w) or label("alert", "room_name", locale)
            items = compose.items_line(inc.types, {}, locale, inc.doc_type)
            if inc.masked:
                items += " (" + compose.safe_v2(" ".join(inc.masked[:4])) + ")"
            await alert_admins(deps, inc, w, gname, items, snippet="", escalation=True)
            log.info("incident escalated id=%s group=%s", inc.id, inc.group_id)
            count += 1
        return count

    def purge(self) -> dict[str, int]:
        deps = self.deps
        out = deps.store.purge(deps.now(), deps.config.retention_days)
        self._last_purge = deps.now()
        if any(out.values()):
            log.info("retention purge %s", " ".join(f"{k}={v}" for k, v in out.items()))
        return out

    async def _run(self) -> None:
        while True:
            self._wake.clear()
            failed = False
            try:
                if (
                    self._last_purge is None
                    or self.deps.now() - self._last_purge >= self.purge_every
                ):
                    self.purge()
                await self.run_due()
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                failed = True
                log.error("escalation pass failed error=%s", where_failed(exc))
            nxt = self.deps.store.next_escalation_at()
            timeout = self.max_sleep
            if nxt is not None:
                timeout = max(0.0, min(timeout, nxt - self.deps.now()))
            if failed:  # do not spin on an incident that cannot be escalated right now
                timeout = max(timeout, 5.0)
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(timeout):
                    await self._wake.wait()
