"""Escalation timer and retention, one background worker.

A flagged message not unsent within `escalation_grace_seconds` escalates to the
group's admins, once (the store moves the incident open -> escalated atomically;
an unsend, an acknowledgement or a justification first means no escalation).
Incident deadlines live in the database, so a restart loses no timer.

The worker sleeps until the next deadline (or `max_sleep`), and wakes early when
`nudge()` is called (a new incident, or a test that moved its clock). Retention
(`Store.purge`) runs at start and then every `purge_every` seconds. On the job queue
(BOT_DATABASE_URL) the loop does not run: jobs/tasks.py calls `run_due` and `purge`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

from deps import Deps
from incidents.notify import alert_admins
from line.lookups import Where
from monitoring.logs import where_failed

log = logging.getLogger("bot.escalation")


class EscalationWorker:
    """Built before `Deps` (which knows it as its `escalation`), started with it."""

    def __init__(self, *, max_sleep: float = 30.0, purge_every: float = 3600.0) -> None:
        self._deps: Deps | None = None
        self.max_sleep = max_sleep
        self.purge_every = purge_every
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._last_purge: float | None = None

    def nudge(self) -> None:
        self._wake.set()

    @property
    def deps(self) -> Deps:
        if self._deps is None:
            raise RuntimeError("escalation worker not started")
        return self._deps

    def attach(self, deps: Deps) -> None:
        """`Deps` without the loop: on the job queue (jobs/tasks.py) `run_due` and `purge`
        are periodic tasks, each slot run once across the cluster."""
        self._deps = deps

    def start(self, deps: Deps) -> None:
        self._deps = deps
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
            # The first alert's format, one line more; each recipient in their language.
            await alert_admins(deps, inc, w, escalation=True)
            log.info("incident escalated id=%s group=%s", inc.id, inc.group_id)
            count += 1
        return count

    def purge(self) -> dict[str, int]:
        deps = self.deps
        out = deps.store.purge(
            deps.now(), deps.config.retention_days, audit_days=deps.config.audit_retention_days
        )
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
