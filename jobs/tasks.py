"""What a `bot.py worker` runs: image and file scans, and the periodic work of the cluster.

Every task gets the worker's `Runtime` (its `Deps`, OCR pool and escalation worker) from
the job context, and registers in jobs/queue.py `build_queue` (name, queue, retry, cron).

Retries, by what failed (as the in-process runner, handlers/media.py, does):
- LINE did not serve the content (5xx, timeouts): the job is retried by procrastinate
  (`ScanPostponed`, `SCAN_RETRY`) after 2, 4, 8 ... 300 s, its count kept in the scan-job
  row (`attempts`), up to `JOB_RETRIES` runs; then "not_scanned:content_unreachable".
- The OCR service failed (`OcrServiceFailed`): a new job for the same message, after 30,
  120 and 480 s (`OCR_RETRY_DELAYS`), carrying how many OCR failures came before (the
  count travels with the job, so a restart or another worker never gives fewer or more
  tries); then "not_scanned:ocr_failed" and the admins told. Never read as "no text".
- A worker killed mid-scan: its job stays "doing" until another worker sees its heartbeat
  stop (jobs/worker.py `retry_stalled`) and retries it. The scan-job row is taken again;
  the incident and its warning were committed with the outcome or not at all
  (`scan_message`), and the incident is unique per message: the warning goes out once.
- Anything else raised (the database away): retried a few times with backoff.
- A defer lost after the webhook's commit (PostgreSQL away for a moment): the pending row
  is deferred again by `requeue_scans` (every minute, and at each worker's start).

The periodic tasks take the slot's `timestamp` (procrastinate) and work from the clock.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from linebot.v3.webhooks import Event
from procrastinate import BaseRetryStrategy, JobContext, RetryDecision
from procrastinate.jobs import Job

from deps import Deps
from handlers.media import (
    DONE_KEPT,
    JOB_RETRIES,
    JOB_RETRY_MAX,
    OCR_RETRY_DELAYS,
    not_scanned,
    scan_message,
)
from images.pool import OcrPool
from incidents.escalation import EscalationWorker
from line.incoming import Incoming
from monitoring.logs import request_context, where_failed
from storage.models import ScanJob
from storage.scan_jobs import ScanJobs
from tips.report import weekly_report_if_due

log = logging.getLogger("bot.jobs")

ERROR_RETRIES = 5  # runs of a job that raised (not a postponement) before it is failed


@dataclass
class Runtime:
    """What the tasks of one worker process share (`additional_context["runtime"]`)."""

    deps: Deps
    pool: OcrPool | None
    escalation: EscalationWorker
    ocr_retry_delays: Sequence[float] = OCR_RETRY_DELAYS
    scans: int = 0  # jobs run (logs, tests)

    async def done(self) -> None:
        """After each job: the outbox sends what it queued (warnings, alerts) now."""
        self.deps.outbox.wake()


def runtime(context: JobContext) -> Runtime:
    rt = (context.additional_context or {}).get("runtime")
    if not isinstance(rt, Runtime):
        raise RuntimeError("a bot task ran outside `bot.py worker` (no runtime)")
    return rt


class ScanPostponed(Exception):
    """LINE did not serve the content: run the job again after `delay` seconds."""

    def __init__(self, message_id: str, delay: float) -> None:
        super().__init__(f"content unreachable message={message_id}, again in {delay:.0f} s")
        self.delay = delay


class ScanRetry(BaseRetryStrategy):
    """`ScanPostponed`: after its delay. Any other error: a few times, with backoff."""

    def get_retry_decision(self, *, exception: BaseException, job: Job) -> RetryDecision | None:
        if isinstance(exception, ScanPostponed):
            return RetryDecision(retry_at=_utc_in(exception.delay))
        if job.attempts + 1 >= ERROR_RETRIES:
            return None
        return RetryDecision(retry_at=_utc_in(5.0 * 2**job.attempts))


def _utc_in(seconds: float) -> datetime:
    return datetime.now(UTC) + timedelta(seconds=seconds)


SCAN_RETRY = ScanRetry()


async def scan_media(
    context: JobContext,
    message_id: str,
    event: dict[str, Any],
    request_id: str | None = None,
    ocr_failures: int = 0,
) -> str:
    """One image or file message: fetched from LINE by its id, scanned, acted on. Returns
    the outcome (kept in procrastinate's job row too)."""
    rt = runtime(context)
    deps = rt.deps
    jobs = ScanJobs(deps.store)
    with request_context(request_id):  # logs as the webhook request that queued it
        job = jobs.claim(message_id)
        if job is None:  # done already (a duplicate, or a retry of a finished run)
            log.info("scan job already done message=%s", message_id)
            await rt.done()
            return "done"
        if rt.pool is None:
            raise RuntimeError("this worker has no OCR pool")
        try:
            postponed = await scan_message(deps, rt.pool, jobs, job)
        except Exception as exc:  # a bug: record the job as not scanned, as the runner does
            log.error("scan job failed message=%s error=%s", message_id, where_failed(exc))
            jobs.finish(job.id, deps.now(), "not_scanned:internal_error")
            return "not_scanned:internal_error"
        rt.scans += 1
        if postponed is None:
            await rt.done()
            return "finished"
        if postponed.why == "unreachable":
            delay = min(JOB_RETRY_MAX, 2.0 ** (job.attempts + 1))
            jobs.retry_later(job.id, time.time() + delay)
            log.info("scan job postponed message=%s in=%.0fs", message_id, delay)
            raise ScanPostponed(message_id, delay)
        return await _ocr_failed(context, rt, jobs, job, event, ocr_failures, postponed.error)


async def _ocr_failed(
    context: JobContext,
    rt: Runtime,
    jobs: ScanJobs,
    job: ScanJob,
    event: dict[str, Any],
    failures: int,
    error: str,
) -> str:
    """The OCR service failed: a new job after the next delay, or not scanned for good."""
    from jobs.queue import defer_scan

    message_id, request_id = job.message_id, job.request_id
    if failures < len(rt.ocr_retry_delays):
        delay = rt.ocr_retry_delays[failures]
        await defer_scan(
            context.app, message_id, event, request_id, ocr_failures=failures + 1, delay=delay
        )
        log.warning(
            "scan job postponed: OCR service failed message=%s try=%d in=%.0fs error=%s",
            message_id,
            failures + 1,
            delay,
            error,
        )
        return "postponed:ocr_service"
    log.error(
        "scan job not scanned: OCR service still failing message=%s tries=%d error=%s",
        message_id,
        failures + 1,
        error,
    )
    incoming = Incoming.of(Event.from_dict(job.event), rt.deps.lookups)
    await not_scanned(rt.deps, jobs, job, incoming, "ocr_failed")
    await rt.done()
    return "not_scanned:ocr_failed"


# -- periodic: each slot once across the cluster ----------------------------------------------


REQUEUE_AFTER = 60.0  # seconds a pending scan job may wait for its defer before it is redone


async def requeue_waiting(queue: Any, store_jobs: ScanJobs, now: float) -> int:
    """Defer again the scan jobs whose defer was lost (PostgreSQL away just after the
    webhook's commit) or that wait from before the queue (a SQLite set-up moved to
    PostgreSQL). A job still queued keeps its queueing lock: no duplicate."""
    from jobs.queue import defer_scan

    count = 0
    for job in store_jobs.waiting(now, created_before=now - REQUEUE_AFTER):
        if await defer_scan(queue, job.message_id, job.event, job.request_id) is not None:
            count += 1
    if count:
        log.warning("scan jobs queued again count=%d", count)
    return count


async def requeue_scans(context: JobContext, timestamp: int) -> int:
    """Every minute: `requeue_waiting`."""
    rt = runtime(context)
    return await requeue_waiting(context.app, ScanJobs(rt.deps.store), time.time())


async def escalations(context: JobContext, timestamp: int) -> int:
    """Incidents past their grace period, escalated to the admins (once each: the store's
    claim moves open -> escalated atomically)."""
    rt = runtime(context)
    count = await rt.escalation.run_due()
    await rt.done()
    return count


async def tips_tick(context: JobContext, timestamp: int) -> int:
    """The tips scheduler's minute (the weekly report is its own task)."""
    rt = runtime(context)
    if rt.deps.tips is None:
        return 0
    result = await rt.deps.tips.tick(report=False)
    if result.sent or result.skipped:
        log.info("tips tick sent=%d skipped=%d", len(result.sent), len(result.skipped))
    await rt.done()
    return len(result.sent)


async def weekly_report(context: JobContext, timestamp: int) -> bool:
    """Last week's report to the ethics unit, on Monday from 09:00 local, once a week."""
    rt = runtime(context)
    if rt.deps.tips is None:
        return False
    sent = weekly_report_if_due(rt.deps.tips.ctx, rt.deps.now())
    await rt.done()
    return sent


async def retention(context: JobContext, timestamp: int) -> dict[str, int]:
    """Incidents and what hangs on them past BOT_RETENTION_DAYS, the tips area's tables,
    finished scan jobs."""
    rt = runtime(context)
    deps = rt.deps
    out = rt.escalation.purge()
    if deps.tips is not None:
        deps.tips.tips.purge(deps.now(), deps.config.retention_days)
    out["scan_jobs"] = ScanJobs(deps.store).purge(deps.now() - DONE_KEPT)
    return out


PERIODIC: dict[str, Callable[..., Awaitable[Any]]] = {
    "escalations": escalations,
    "tips_tick": tips_tick,
    "weekly_report": weekly_report,
    "retention": retention,
    "requeue_scans": requeue_scans,
}
__all__ = ["JOB_RETRIES", "PERIODIC", "SCAN_RETRY", "Runtime", "scan_media"]
