"""`bot.py worker`: one process that runs the queue's jobs; start as many as there are cores.

    await run_worker(config, concurrency=2)

- Resources: the service's own cleanup contexts (app.py `create_worker_app`): the store
  (PostgreSQL), the LINE clients, the outbox (it claims rows with a lease, as replicas do,
  so what a job queues is sent from here at once), the tips service, `Deps`; and an OCR
  pool of `concurrency` processes (one per job that may run at once).
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
    OCR_POOL,
    CleanupCtx,
    create_worker_app,
    outbox_ctx,
    tips_ctx,
)
from config import Config
from handlers.media import OCR_RETRY_DELAYS
from handlers.tasks import TaskSet
from images.pool import OcrPool
from jobs.queue import build_queue, ensure_schema
from jobs.tasks import Runtime, requeue_waiting
from monitoring.logs import where_failed
from storage.scan_jobs import ScanJobs

if TYPE_CHECKING:
    import procrastinate

log = logging.getLogger("bot.jobs.worker")

STALLED_AFTER = 30.0  # seconds without a heartbeat before a worker's jobs go to another


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
        config, contexts=[outbox_ctx, tips_ctx, make_worker_ocr_ctx(concurrency)]
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
