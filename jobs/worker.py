"""`bot.py worker`: one process that runs the queue's jobs; start as many as there are cores.

    await run_worker(config, concurrency=2)

- Resources: the service's own cleanup contexts (app.py `create_worker_app`): the store,
  the LINE clients, the tips service, `Deps`; plus the two that differ here: an OCR pool of
  `concurrency` processes (one per job that may run at once), and an outbox that only
  delivers (it never resets rows other processes are sending).
- The procrastinate worker runs `concurrency` jobs at a time (LISTEN/NOTIFY: a job starts
  milliseconds after its defer), sends a heartbeat every `stalled_after / 3` s, and runs
  the periodic deferrer (each slot once across the cluster).
- `retry_stalled`: every `stalled_after / 2` s, jobs whose worker stopped sending heartbeats
  (killed, machine lost) are put back for another worker.
- SIGTERM / SIGINT: the worker stops taking jobs, lets the running ones finish, closes.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
import time
from collections.abc import AsyncIterator, Sequence
from typing import TYPE_CHECKING

from aiohttp import web

from app import (
    CONFIG,
    DEPS,
    ESCALATION,
    LINE,
    OCR_POOL,
    OPTIONS,
    OUTBOX,
    STORE,
    CleanupCtx,
    create_worker_app,
)
from app import tips_ctx as service_tips_ctx
from clock import SystemClock
from config import Config
from handlers.media import OCR_RETRY_DELAYS
from handlers.tasks import TaskSet
from images.pool import OcrPool
from jobs.queue import build_queue, ensure_schema
from jobs.tasks import Runtime, requeue_waiting
from monitoring.logs import where_failed
from outbox import Outbox
from storage.scan_jobs import ScanJobs

if TYPE_CHECKING:
    import procrastinate

log = logging.getLogger("bot.jobs.worker")

STALLED_AFTER = 30.0  # seconds without a heartbeat before a worker's jobs go to another
DELIVER_EVERY = 2.0  # seconds between outbox passes (retries due, rows of dead workers)


async def worker_outbox_ctx(app: web.Application) -> AsyncIterator[None]:
    """An outbox that delivers what this worker's jobs queue (after each job, and every
    `DELIVER_EVERY` s for retries). Unlike the service's, it does not put rows left
    `sending` back to pending at start: those belong to whichever process is sending."""
    opts = app[OPTIONS]
    outbox = Outbox(
        app[STORE],
        app[LINE].messaging,
        clock=SystemClock(),
        base_delay=opts.outbox_base_delay,
        max_delay=opts.outbox_max_delay,
        reply_token_ttl=opts.reply_token_ttl,
    )
    app[OUTBOX] = outbox
    loops = TaskSet()
    loops.spawn(_deliver_now_and_then(outbox), name="worker-outbox")
    yield
    await loops.cancel()


async def _deliver_now_and_then(outbox: Outbox) -> None:
    failing = False
    while True:
        await asyncio.sleep(DELIVER_EVERY)
        try:
            await outbox.deliver_pending()
            failing = False
        except Exception as exc:
            if not failing:
                log.error("worker outbox pass failed error=%s", where_failed(exc))
            failing = True


def make_worker_ocr_ctx(workers: int) -> CleanupCtx:
    """The OCR pool of a worker: `workers` processes, the configured engine and limits."""

    async def ocr_ctx(app: web.Application) -> AsyncIterator[None]:
        pool = OcrPool.from_config(dataclasses.replace(app[CONFIG], ocr_workers=workers))
        await pool.start()  # a worker that cannot OCR stops here, with the reason
        app[OCR_POOL] = pool
        yield
        await pool.close()

    return ocr_ctx


async def retry_stalled(queue: procrastinate.App, stalled_after: float) -> None:
    """Now and then: jobs left `doing` by a worker whose heartbeat stopped, retried now."""
    while True:
        try:
            stalled = await queue.job_manager.get_stalled_jobs(
                seconds_since_heartbeat=stalled_after
            )
            for job in stalled:
                try:
                    await queue.job_manager.retry_job(job)
                    log.warning(
                        "job of a stopped worker retried job=%s task=%s", job.id, job.task_name
                    )
                except Exception as exc:  # another worker retried it first
                    log.info("stalled job not retried job=%s error=%s", job.id, where_failed(exc))
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            log.error("stalled-job check failed error=%s", where_failed(exc))
        await asyncio.sleep(max(0.5, stalled_after / 2))


async def run_worker(
    config: Config,
    *,
    concurrency: int = 1,
    stalled_after: float = STALLED_AFTER,
    ocr_retry_delays: Sequence[float] = OCR_RETRY_DELAYS,
    install_signal_handlers: bool = True,
) -> None:
    """Run jobs until SIGTERM / SIGINT (or cancellation)."""
    if not config.database_url:
        raise ValueError("bot.py worker needs BOT_DATABASE_URL (PostgreSQL)")
    app = create_worker_app(
        config, contexts=[worker_outbox_ctx, service_tips_ctx, make_worker_ocr_ctx(concurrency)]
    )
    resources = web.AppRunner(app, handle_signals=False)
    await resources.setup()  # opens the cleanup contexts; no site, no port
    queue = build_queue(config.database_url, pool_size=concurrency + 3)
    loops = TaskSet()
    try:
        async with queue.open_async():
            await ensure_schema(queue)
            deps = app[DEPS]
            rt = Runtime(
                deps=deps,
                pool=app.get(OCR_POOL),
                escalation=app[ESCALATION],
                ocr_retry_delays=tuple(ocr_retry_delays),
            )
            rt.after_job.append(deps.outbox.deliver_pending)
            loops.spawn(retry_stalled(queue, stalled_after), name="retry-stalled")
            await requeue_waiting(queue, ScanJobs(deps.store), time.time())
            log.info(
                "worker ready concurrency=%d engine=%s stalled_after=%.0fs",
                concurrency,
                config.ocr_engine,
                stalled_after,
            )
            await queue.run_worker_async(
                concurrency=concurrency,
                additional_context={"runtime": rt},
                install_signal_handlers=install_signal_handlers,
                update_heartbeat_interval=max(0.5, stalled_after / 3),
                stalled_worker_timeout=stalled_after,
                shutdown_graceful_timeout=60.0,
                listen_notify=True,
                fetch_job_polling_interval=5.0,
            )
    finally:
        await loops.cancel()
        with contextlib.suppress(Exception):
            await resources.cleanup()
    log.info("worker stopped")
