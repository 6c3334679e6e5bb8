"""The schedule's one-tick function, and the loop that calls it once a minute.

All the decisions live in `Ticker.tick()` (tested with a controlled clock); `Scheduler`
only repeats it, survives its errors, and stops at once on shutdown.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass, field
from typing import Any, Protocol

from monitoring.logs import where_failed
from storage.tips import TipState
from tips.context import TipsContext, utc
from tips.quota import Estimator
from tips.report import notify_ethics, weekly_report_if_due
from tips.rotation import queue_tip
from tips.schedule import Schedule, anchor_for

log = logging.getLogger("bot.tips.scheduler")

TICK_SECONDS = 60.0
PURGE_SECONDS = 86400.0  # the retention of this area's tables is applied daily


@dataclass
class TickResult:
    sent: list[str] = field(default_factory=list)  # group ids a tip was queued for
    skipped: list[str] = field(default_factory=list)  # due but skipped for quota
    deferred: list[str] = field(default_factory=list)  # due, waiting for quiet hours / a day
    catchups: list[str] = field(default_factory=list)  # of `sent`: missed slots caught up
    noticed: bool = False  # the ethics unit was told about skipped groups
    report_sent: bool = False


def schedule_of(ctx: TipsContext, group_id: str) -> Schedule:
    """A group's schedule (the default one until it is set)."""
    row = ctx.tips.schedule_row(group_id)
    if row is None:
        return Schedule(anchor_week=anchor_for(utc(ctx.now()), ctx.tz))
    return Schedule.from_row(row)


def set_schedule(ctx: TipsContext, group_id: str, **options: Any) -> Schedule:
    """Change a group's schedule (`every`, `per_week`, `days`, `at`, `quiet`, `enabled`).

    Changing the schedule does not send anything for slots that already passed."""
    current = schedule_of(ctx, group_id)
    new = current.with_options(**options)
    now = ctx.now()
    if new.every_weeks != current.every_weeks or ctx.tips.schedule_row(group_id) is None:
        new = Schedule(**{**new.__dict__, "anchor_week": anchor_for(utc(now), ctx.tz)})
    with ctx.tips.transaction():
        ctx.tips.save_schedule_row(new.to_row(group_id, now))
        state = ctx.tips.state(group_id) or TipState(group_id)
        state.last_slot = max(state.last_slot or 0.0, now)
        ctx.tips.save_state(state)
    return new


LAST_TICK_SETTING = "tips.last_tick"  # settings key: the time of the last finished tick


class Ticker:
    """One pass of the scheduler at a time, and the day of the last purge."""

    def __init__(self, ctx: TipsContext, estimator: Estimator) -> None:
        self.ctx = ctx
        self.estimator = estimator
        self._purged_at = 0.0
        self._lock = asyncio.Lock()

    async def tick(self, *, report: bool = True) -> TickResult:
        """Queue the tips that are due, within the quota (and the weekly report when due,
        unless `report` is False).

        A group is due when a slot of its schedule passed since its last handled slot. At
        most one tip goes out per group and tick however many slots were missed (a restart
        after a long stop sends one catch-up, not a flood), and only on one of the
        schedule's days outside quiet hours."""
        async with self._lock:
            result = await self._tick(report=report)
            # For /metrics (line_guard_tips_scheduler_last_tick_timestamp_seconds): a stalled
            # scheduler shows as an old tick, even in weeks when no tip is due.
            with self.ctx.store.atomic():
                self.ctx.store.set_setting(LAST_TICK_SETTING, repr(self.ctx.now()))
            return result

    async def _tick(self, *, report: bool) -> TickResult:
        ctx = self.ctx
        now = ctx.now()
        now_dt = utc(now)
        local = now_dt.astimezone(ctx.tz)
        result = TickResult()
        due: list[tuple[str, float, bool]] = []  # (group, slot, catch-up?)
        for g in ctx.groups():
            gid = g["group_id"]
            sched = schedule_of(ctx, gid)
            if not sched.enabled:
                continue
            state = ctx.tips.state(gid)
            if state is None or state.last_slot is None:
                state = state or TipState(gid)
                # A new group: slots from when the bot joined count, earlier ones do not.
                state.last_slot = float(g.get("joined_at") or now)
                ctx.tips.save_state(state)
            latest = sched.latest_slot(now_dt, ctx.tz)
            if latest is None or latest.timestamp() <= (state.last_slot or 0.0):
                continue
            if not sched.may_send_at(local):
                result.deferred.append(gid)
                continue
            missed = sched.slots_between(utc(state.last_slot or now), now_dt, ctx.tz, 2)
            catchup = missed > 1 or now - latest.timestamp() > 3600
            due.append((gid, latest.timestamp(), catchup))
        if due:
            await self._send_round(due, result)
        if report:
            result.report_sent = weekly_report_if_due(ctx, now)
        if now - self._purged_at >= PURGE_SECONDS:
            self._purged_at = now
            ctx.tips.purge(now, ctx.config.retention_days)
        return result

    async def _send_round(self, due: list[tuple[str, float, bool]], result: TickResult) -> None:
        ctx = self.ctx
        ethics = ctx.store.ethics_users()
        est = await self.estimator.estimate([gid for gid, _, _ in due], reserve=len(ethics))
        slots = {gid: (slot, catchup) for gid, slot, catchup in due}
        for t in est.plan.send:
            slot, catchup = slots[t.chat_id]
            reason = "catchup" if catchup else "schedule"
            if queue_tip(ctx, t.chat_id, reason=reason, slot=slot, cost=t.cost) is None:
                continue
            result.sent.append(t.chat_id)
            if catchup:
                result.catchups.append(t.chat_id)
        now = ctx.now()
        for t in est.plan.skip:
            slot, _ = slots[t.chat_id]
            with ctx.tips.transaction():
                ctx.tips.add_send(
                    group_id=t.chat_id,
                    tip_id="",
                    kind="",
                    reason="schedule",
                    status="skipped_quota",
                    slot=slot,
                    sent_at=now,
                    cost=t.cost,
                )
                state = ctx.tips.state(t.chat_id) or TipState(t.chat_id)
                state.last_slot = max(state.last_slot or 0.0, slot)
                ctx.tips.save_state(state)
            result.skipped.append(t.chat_id)
            log.warning("tip skipped for quota group=%s cost=%d", t.chat_id, t.cost)
        if est.plan.skip and ethics:
            notify_ethics(
                ctx,
                "quota.notice",
                needed=est.plan.needed,
                remaining=est.plan.remaining if est.plan.remaining is not None else "?",
                sent=len(est.plan.send),
                skipped=len(est.plan.skip),
            )
            result.noticed = True


class Ticks(Protocol):
    async def tick(self) -> TickResult: ...


class Scheduler:
    """Calls `tick()` once a minute while the service runs."""

    def __init__(self, service: Ticks, *, interval: float = TICK_SECONDS) -> None:
        self.service = service
        self.interval = interval
        self._stop = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        if self._task is None:
            self._stop.clear()
            self._task = asyncio.create_task(self._run(), name="tips-scheduler")

    async def stop(self) -> None:
        self._stop.set()
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def _run(self) -> None:
        while not self._stop.is_set():
            try:
                result = await self.service.tick()
                if result.sent or result.skipped:
                    log.info(
                        "tips tick sent=%d skipped=%d deferred=%d catchups=%d",
                        len(result.sent),
                        len(result.skipped),
                        len(result.deferred),
                        len(result.catchups),
                    )
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # keep ticking; the state in the database is consistent
                log.error("tips tick failed error=%s", where_failed(exc))
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stop.wait(), self.interval)
