"""The procrastinate `App` for one database, its schema, and the serve side of the queue.

    queue = build_queue(config.database_url)   # tasks and periodic tasks registered
    async with queue.open_async():
        await ensure_schema(queue)              # once per database, under a lock
        await queue.configure_task(SCAN_TASK, ...).defer_async(message_id=..., ...)

Why procrastinate: it keeps the queue in the PostgreSQL database the bot already needs
(no broker), with what the cluster needs ready-made: retries chosen per failure, worker
heartbeats to find jobs of a dead worker, queueing locks, periodic tasks deferred once per
slot across every worker (a unique row per task and timestamp), and LISTEN/NOTIFY so a
worker starts a job within milliseconds of its defer.

The App is built per process by `build_queue` (no module-level client): tasks are plain
functions in jobs/tasks.py registered here, so tests can open several databases in one
process. procrastinate is imported only when a queue is built (SQLite set-ups never load it).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any

from aiohttp import web

from monitoring.logs import where_failed
from storage.scan_jobs import ScanJobs, backlog_health

if TYPE_CHECKING:
    import procrastinate

    from config import Config

log = logging.getLogger("bot.jobs")

SCAN_TASK = "scan_media"
SCAN_QUEUE = "scans"
PERIODIC_QUEUE = "periodic"
PERIODIC_PRIORITY = 10  # fetched before scans: an escalation never waits behind a burst
# Task name -> cron (UTC; a sixth field is seconds). Each slot is deferred once however many
# workers run the deferrer (procrastinate_periodic_defers is unique per task and timestamp).
PERIODIC_CRON = {
    "escalations": "* * * * * */5",  # incidents past their grace period (was: a 30 s loop)
    "tips_tick": "* * * * *",  # tips due, once a minute as before
    "weekly_report": "7 * * * *",  # hourly check; sends on Monday from 09:00 local, once
    "retention": "17 * * * *",  # hourly, as the escalation worker's purge did
    "requeue_scans": "* * * * *",  # scan jobs whose defer was lost (jobs/tasks.py)
}
# A slot missed while no worker ran is deferred late only within this many seconds.
PERIODIC_MAX_DELAY = 600.0
SCHEMA_LOCK = 0x6C67_7100  # pg_advisory_xact_lock key: one process applies the schema


def is_queued(config: Config) -> bool:
    """True when the service runs as a cluster on PostgreSQL (BOT_DATABASE_URL)."""
    return bool(config.database_url)


def build_queue(database_url: str, *, pool_size: int = 4) -> procrastinate.App:
    """The procrastinate App on `database_url` with the bot's tasks (not opened yet)."""
    import procrastinate

    from jobs import tasks

    queue = procrastinate.App(
        connector=procrastinate.PsycopgConnector(
            conninfo=database_url, min_size=1, max_size=max(2, pool_size)
        ),
        periodic_defaults={"max_delay": PERIODIC_MAX_DELAY},
    )
    queue.task(name=SCAN_TASK, queue=SCAN_QUEUE, pass_context=True, retry=tasks.SCAN_RETRY)(
        tasks.scan_media
    )
    for name, func in tasks.PERIODIC.items():
        task = queue.task(
            name=name,
            queue=PERIODIC_QUEUE,
            priority=PERIODIC_PRIORITY,
            pass_context=True,
            queueing_lock=name,  # a slow pass is not stacked with the next slots
        )(func)
        queue.periodic(cron=PERIODIC_CRON[name], periodic_id=name)(task)
    return queue


async def ensure_schema(queue: procrastinate.App) -> bool:
    """Apply procrastinate's schema to the database when it is not there yet, under an
    advisory lock so that replicas and workers starting together apply it once. True when
    this call applied it. (Upgrades of procrastinate's own schema: its migrations folder,
    `SchemaManager.get_migrations_path()`, applied like ours before replicas restart.)"""
    import psycopg

    connector = queue.connector
    conninfo = connector._pool_args["conninfo"]  # type: ignore[attr-defined]
    async with await psycopg.AsyncConnection.connect(conninfo) as conn, conn.transaction():
        await conn.execute("SELECT pg_advisory_xact_lock(%s)", [SCHEMA_LOCK])
        cur = await conn.execute("SELECT to_regclass('procrastinate_jobs') IS NOT NULL")
        row = await cur.fetchone()
        if row and row[0]:
            return False
        await conn.execute(queue.schema_manager.get_schema().encode())
    log.info("job queue schema applied")
    return True


async def defer_scan(
    queue: procrastinate.App,
    message_id: str,
    event: dict[str, Any],
    request_id: str | None,
    *,
    ocr_failures: int = 0,
    delay: float = 0.0,
) -> int | None:
    """One scan job: the message id and the content-free event (what `act` needs), never the
    content. None when the message already has a job waiting (its queueing lock)."""
    from procrastinate.exceptions import AlreadyEnqueued

    options: dict[str, Any] = {"queueing_lock": f"scan:{message_id}"}
    if delay > 0:
        options["schedule_in"] = {"seconds": delay}
    try:
        return await queue.configure_task(SCAN_TASK, **options).defer_async(
            message_id=message_id, event=event, request_id=request_id, ocr_failures=ocr_failures
        )
    except AlreadyEnqueued:
        log.info("scan job already queued message=%s", message_id)
        return None


class QueuedScans:
    """`deps.scans` of a replica on the queue: a job per image for any worker; the backlog
    read from the scan-job table every process shares."""

    def __init__(
        self, queue: procrastinate.App, jobs: ScanJobs, *, backlog_alert_after: float
    ) -> None:
        self.queue = queue
        self.jobs = jobs
        self.backlog_alert_after = backlog_alert_after

    async def submit(self, message_id: str, event: dict[str, Any], request_id: str | None) -> None:
        try:
            await defer_scan(self.queue, message_id, event, request_id)
        except Exception as exc:  # PostgreSQL unreachable: the row waits for requeue_scans
            log.error("scan job not queued message=%s error=%s", message_id, where_failed(exc))

    def health(self) -> tuple[bool, str]:
        return backlog_health(self.jobs.oldest_waiting(), time.time(), self.backlog_alert_after)

    async def idle(self) -> None:
        """Wait until every scan job so far is done (tests, bench)."""
        while True:
            counts = self.jobs.counts()
            if not counts.get("pending") and not counts.get("running"):
                return
            await asyncio.sleep(0.05)


# -- serve: the queue in place of the OCR pool ------------------------------------------------

QUEUED_SCANS = web.AppKey("queued_scans", QueuedScans)


def make_queue_ctx(*, backlog_alert_after: float | None = None) -> Any:
    """A cleanup context for `bot.py serve` on PostgreSQL: open the queue (applying its
    schema if needed) and give `deps_ctx` a `QueuedScans` as `deps.scans`."""

    async def queue_ctx(app: web.Application) -> AsyncIterator[None]:
        from app import CONFIG, ON_QUEUE, READY_CHECKS, STORE, check_image_backlog
        from handlers.media import BACKLOG_ALERT_AFTER

        config = app[CONFIG]
        assert config.database_url, "queue_ctx needs BOT_DATABASE_URL"
        queue = build_queue(config.database_url)
        await queue.open_async()
        try:
            await ensure_schema(queue)
            app[QUEUED_SCANS] = QueuedScans(
                queue,
                ScanJobs(app[STORE]),
                backlog_alert_after=backlog_alert_after or BACKLOG_ALERT_AFTER,
            )
            app[ON_QUEUE] = True  # escalations, ticks, retention: the workers' periodic tasks
            app[READY_CHECKS].append(("image_backlog", check_image_backlog))
            log.info("job queue ready: images are scanned by `bot.py worker` processes")
            yield
        finally:
            await queue.close_async()

    return queue_ctx


queue_ctx = make_queue_ctx()
