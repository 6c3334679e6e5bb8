"""The aiohttp application: `create_app(config)`.

    app = create_app(Config.from_env())
    web.run_app(app, host=..., port=...)

Routes: `POST /callback` (the LINE webhook, handlers/webhook.py), `GET /healthz`
(liveness: the process answers), `GET /readyz` (readiness: a list of named checks,
`READY_CHECKS`, each answering None or the reason it is degraded; 503 when one is),
`GET /metrics` (Prometheus; loopback or a bearer token, monitoring/metrics.py) and
`GET /charts/{token}.png` (tips report charts, tips/links.py) and the web console
under `/console/` (console/web.py).

Every resource is opened and closed by its own cleanup context, declared below beside
the `web.AppKey` it fills, in this order (closed in reverse):

    store -> LINE API clients -> outbox -> [tips service + scheduler] -> [OCR pool + scan
    runner | job queue] -> deps (built last, from all of the above; starts the escalation
    worker and the scan runner) -> webhook (drains its tasks first at shutdown)

With BOT_DATABASE_URL (PostgreSQL) the service is one replica of a cluster: the job queue
(jobs/queue.py) takes the OCR pool's place, and the tips ticks, escalations and retention
are the queue's periodic tasks, run by `bot.py worker` processes (`create_worker_app`).

The bracketed contexts are the optional ones (`optional_contexts()`, or
`create_app(..., contexts=[...])` in tests): `deps_ctx` reads what they opened with
`app.get(...)`, so `Deps` is built once, typed, and never patched afterwards.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from clock import Clock, SystemClock
from config import Config
from console.web import setup_console
from deps import Deps, ScanQueue
from detectors.policy import resolve_policy
from handlers import build_dispatcher
from handlers.media import BACKLOG_ALERT_AFTER, OCR_RETRY_DELAYS, ScanRunner, scan_health
from handlers.message import scan_thread
from handlers.tasks import TaskSet
from handlers.webhook import Webhook
from images.pool import OcrPool
from incidents.escalation import EscalationWorker
from incidents.notify import resume_followups
from jobs.queue import QUEUED_SCANS, is_queued
from line.client import LineClients, open_clients
from line.lookups import Lookups
from monitoring.logs import where_failed
from monitoring.metrics import METRICS, Metrics
from monitoring.metrics import allowed as metrics_allowed
from outbox import Outbox
from storage import Store, open_store
from storage.scan_jobs import ScanJobs
from tips.links import CHART_PATH, CHART_TOKEN
from tips.scheduler import Scheduler
from tips.service import TipsService

log = logging.getLogger("bot.app")

CleanupCtx = Callable[[web.Application], AsyncIterator[None]]


@dataclass(frozen=True)
class AppOptions:
    """Knobs tests and the demo turn; production uses the defaults."""

    clock: Clock | None = None
    outbox_base_delay: float = 1.0
    outbox_max_delay: float = 300.0
    reply_token_ttl: float = 50.0
    escalation_max_sleep: float = 30.0


CONFIG = web.AppKey("config", Config)
OPTIONS = web.AppKey("options", AppOptions)
CLOCK = web.AppKey("clock", Clock)
STARTED_AT = web.AppKey("started_at", float)
# A readiness check: (name, async fn(app) -> None when fine, else the reason).
ReadyCheck = tuple[str, Callable[[web.Application], Awaitable[str | None]]]
READY_CHECKS = web.AppKey("ready_checks", list[ReadyCheck])
TOKEN_STATE = web.AppKey("token_state", dict[str, tuple[float, str | None]])
TOKEN_CHECK_SECONDS = 60.0  # GET /v2/bot/info at most this often
OUTBOX_STUCK_SECONDS = 120.0  # a message due this long and still failing degrades /readyz
CHECKPOINT_SECONDS = 60.0  # WAL truncated this often (delivered bodies leave it)
FOLLOWUP_RETRY_SECONDS = 60.0


# -- store ------------------------------------------------------------------------------------

STORE = web.AppKey("store", Store)
SALT = web.AppKey("salt", bytes)  # the key of value hashes: configured, or a file beside the db


async def store_ctx(app: web.Application) -> AsyncIterator[None]:
    store = open_store(app[CONFIG].database)  # PostgreSQL (BOT_DATABASE_URL) or SQLite
    app[STORE] = store
    app[SALT] = store.hash_salt(app[CONFIG].hash_salt)  # the key is outside the database
    log.info("database ready path=%s", app[CONFIG].database_label)
    loops = TaskSet()
    loops.spawn(_checkpoints(store), name="wal-checkpoint")
    yield
    await loops.cancel()
    store.close()


async def _checkpoints(store: Store) -> None:
    """Truncate the WAL now and then: bodies deleted once delivered (they carry display
    names and masked values) then leave the disk, not only the database file."""
    failing = False
    while True:
        await asyncio.sleep(CHECKPOINT_SECONDS)
        if store.db.conn.in_transaction:
            continue
        try:
            store.checkpoint()
            failing = False
        except Exception as exc:
            if not failing:  # once per episode
                log.error("WAL checkpoint failed error=%s", where_failed(exc))
            failing = True


# -- LINE API clients -------------------------------------------------------------------------

LINE = web.AppKey("line", LineClients)


async def line_ctx(app: web.Application) -> AsyncIterator[None]:
    app[LINE] = await open_clients(app[CONFIG])
    yield
    await app[LINE].close()


# -- outbox -----------------------------------------------------------------------------------

OUTBOX = web.AppKey("outbox", Outbox)


async def outbox_ctx(app: web.Application) -> AsyncIterator[None]:
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
    outbox.start()
    yield
    await outbox.stop()


# -- tips (optional) --------------------------------------------------------------------------

TIPS = web.AppKey("tips", TipsService)
SCHEDULER = web.AppKey("tips_scheduler", Scheduler)


async def tips_ctx(app: web.Application) -> AsyncIterator[None]:
    """The tips service on the service's store, outbox, LINE client and clock, and its
    scheduler until shutdown."""
    service = TipsService.from_api(
        app[STORE],
        app[CONFIG],
        app[LINE].messaging,
        outbox=app[OUTBOX],
        clock=app[CLOCK],
        salt=app[SALT],
    )
    app[TIPS] = service
    scheduler = Scheduler(service)
    app[SCHEDULER] = scheduler  # started by deps_ctx, unless the job queue ticks instead
    yield
    await scheduler.stop()


async def chart(request: web.Request) -> web.Response:
    token = request.match_info.get("token", "")
    service = request.app.get(TIPS)
    if service is None or not CHART_TOKEN.fullmatch(token):
        raise web.HTTPNotFound()
    png = service.tips.chart(token, service.now())
    if png is None:
        raise web.HTTPNotFound()
    return web.Response(
        body=png,
        content_type="image/png",
        headers={"Cache-Control": "private, max-age=3600", "X-Robots-Tag": "noindex"},
    )


# -- OCR pool and image scan runner (optional) ------------------------------------------------

OCR_POOL = web.AppKey("ocr_pool", OcrPool)
SCAN_RUNNER = web.AppKey("scan_runner", ScanRunner)


def make_ocr_ctx(
    *,
    scan_seconds: float | None = None,
    memory_mb: int | None = None,
    backlog_alert_after: float = BACKLOG_ALERT_AFTER,
    check_every: float = 10.0,
    ocr_retry_delays: Sequence[float] = OCR_RETRY_DELAYS,
) -> CleanupCtx:
    """A cleanup context: start the OCR pool (engine loaded once per worker) and build the
    scan runner (`deps_ctx` starts it with `Deps`). Arguments override the configured
    limits (tests, bench); `ocr_retry_delays` are the waits before a job whose OCR service
    failed is tried again (handlers/media.py). Also adds the "image_backlog" readiness check."""

    async def ocr_ctx(app: web.Application) -> AsyncIterator[None]:
        app[READY_CHECKS].append(("image_backlog", check_image_backlog))
        pool = OcrPool.from_config(app[CONFIG])
        if scan_seconds is not None:
            pool.scan_seconds = scan_seconds
        if memory_mb is not None:
            pool.memory_mb = memory_mb
        try:
            await pool.start()
        except Exception as exc:
            # Text scanning must go on without OCR: image jobs wait in the database.
            log.error(
                "ocr pool failed to start engine=%s error=%s; images wait unscanned",
                pool.engine_name,
                where_failed(exc),
            )
            await pool.close()
            yield
            return
        app[OCR_POOL] = pool
        app[SCAN_RUNNER] = ScanRunner(
            pool,
            ScanJobs(app[STORE]),
            backlog_alert_after=backlog_alert_after,
            check_every=check_every,
            ocr_retry_delays=ocr_retry_delays,
        )
        yield
        await pool.close()

    return ocr_ctx


ocr_ctx = make_ocr_ctx()


async def check_image_backlog(app: web.Application) -> str | None:
    """Images are being scanned: OCR running, the oldest waiting job not too old."""
    ok, reason = scan_health(app[DEPS])
    return None if ok else reason


def optional_contexts(config: Config) -> list[CleanupCtx]:
    """The optional subsystems, in order: the tips service, the OCR pool, or on PostgreSQL
    the job queue in its place (images scanned by `bot.py worker` processes)."""
    if is_queued(config):
        from jobs.queue import queue_ctx

        return [tips_ctx, queue_ctx]
    return [tips_ctx, ocr_ctx]


# -- deps (built last) ------------------------------------------------------------------------

DEPS = web.AppKey("deps", Deps)
# True when the job queue runs the periodic work (set by jobs/queue.py's queue_ctx and by
# create_worker_app): deps_ctx then starts neither the escalation loop nor the scheduler.
ON_QUEUE = web.AppKey("on_queue", bool)
ESCALATION = web.AppKey("escalation", EscalationWorker)


async def deps_ctx(app: web.Application) -> AsyncIterator[None]:
    config, store, clock = app[CONFIG], app[STORE], app[CLOCK]
    # The policy file is read once, here: scans get the loaded Policy (no file check per
    # message), and a bad policy file fails the start, not a later message. The engine is
    # warmed up once, after start-up (freeze_gc).
    policy = resolve_policy(config)
    worker = EscalationWorker(max_sleep=app[OPTIONS].escalation_max_sleep)
    runner = app.get(SCAN_RUNNER)
    scans: ScanQueue | None = runner if runner is not None else app.get(QUEUED_SCANS)
    # On the job queue (a replica with queue_ctx, or a worker) escalations, retention and
    # tips ticks are periodic tasks run once across the cluster: no loop of our own.
    on_queue = app.get(ON_QUEUE, False)
    deps = Deps(
        config=config,
        store=store,
        api=app[LINE].messaging,
        blob=app[LINE].blob,
        outbox=app[OUTBOX],
        clock=clock,
        lookups=Lookups(store, app[LINE].messaging, config.default_locale, clock),
        salt=app[SALT],
        policy=policy,
        metrics=app[METRICS],  # counted by the webhook and the message handlers
        tips=app.get(TIPS),
        ocr=app.get(OCR_POOL),
        scans=scans,
        escalation=worker,
        scan_thread=scan_thread(),
    )
    app[METRICS].watch_store(store, deps.now, app[OUTBOX])
    app[DEPS] = deps
    app[ESCALATION] = worker
    if on_queue:
        worker.attach(deps)
    else:
        worker.start(deps)
        if SCHEDULER in app:
            app[SCHEDULER].start()
            log.info("tips scheduler started")
    if runner is not None:
        runner.start(deps)
    yield
    if runner is not None:
        await runner.stop()  # unfinished jobs stay pending for the next start
    await worker.stop()
    if deps.scan_thread is not None:
        deps.scan_thread.shutdown(wait=False, cancel_futures=True)


# -- webhook ----------------------------------------------------------------------------------

WEBHOOK = web.AppKey("webhook", Webhook)


async def webhook_ctx(app: web.Application) -> AsyncIterator[None]:
    deps = app[DEPS]
    webhook = Webhook(deps, build_dispatcher())
    app[WEBHOOK] = webhook
    webhook.spawn(_resume(deps))  # what a killed process left behind
    loops = TaskSet()
    loops.spawn(_retry_followups(deps), name="follow-up-retry")
    yield
    await loops.cancel()
    await webhook.drain()  # finish in-flight events while everything else is still open


async def _resume(deps: Deps) -> None:
    """At start: every follow-up a killed process left behind."""
    await resume_followups(deps)


async def _retry_followups(deps: Deps) -> None:
    """Now and then, follow-ups whose run failed after the answer (older than a minute:
    the ones still running are younger)."""
    while True:
        await asyncio.sleep(FOLLOWUP_RETRY_SECONDS)
        try:
            await resume_followups(deps, created_before=deps.now() - FOLLOWUP_RETRY_SECONDS)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # the database is failing: /readyz says so; try again later
            log.warning("follow-up retry pass failed error=%s", where_failed(exc))


async def freeze_gc(app: web.Application) -> None:
    """After start-up: pay the text engine's first-use costs (keyword automata of the
    policy and of each group override, one scan per code path), then move every object
    alive now out of the garbage collector's reach: full collections then walk only
    what events allocate, which keeps their pauses out of the webhook's answer times."""
    from detectors.engine import warm_up

    warm_up(app[CONFIG], freeze=True)  # gc.collect() + gc.freeze() at the end


async def callback(request: web.Request) -> web.Response:
    return await request.app[WEBHOOK].handle(request)


async def healthz(request: web.Request) -> web.Response:
    """Liveness: the process and its event loop answer. Always 200; see /readyz."""
    app = request.app
    webhook = app[WEBHOOK]
    body: dict[str, Any] = {
        "status": "alive",
        "events_processed": webhook.processed,
        "events_in_flight": len(webhook.tasks),
        "bad_events": webhook.bad_events,
        "storage_failures": webhook.storage_failures,
        "uptime_seconds": round(time.time() - app[STARTED_AT], 1),
    }
    return web.json_response(body)


async def check_database(app: web.Application) -> str | None:
    """A write can be committed now (read-only file, full disk, lock: the reason)."""
    return app[STORE].writable()


async def check_webhook_storage(app: web.Application) -> str | None:
    """The last webhook commit failed (answered 500) and none succeeded since."""
    error = app[WEBHOOK].storage_error
    return f"webhook answered 500: {error}" if error else None


async def check_line_token(app: web.Application) -> str | None:
    """The access token is accepted by LINE (GET /v2/bot/info), checked once a minute."""
    now = time.monotonic()
    cache = app[TOKEN_STATE]
    hit = cache.get("last")
    if hit and now - hit[0] < TOKEN_CHECK_SECONDS:
        return hit[1]
    from linebot.v3.messaging import ApiException

    reason: str | None
    try:
        await app[LINE].messaging.get_bot_info(_request_timeout=5)
        reason = None
    except ApiException as exc:
        reason = f"LINE answered {exc.status} to GET /v2/bot/info" + (
            ": the access token is invalid or revoked" if exc.status in (401, 403) else ""
        )
    except Exception as exc:
        reason = f"LINE unreachable: {type(exc).__name__}"
    cache["last"] = (now, reason)
    return reason


async def check_outbox(app: web.Application) -> str | None:
    """Messages are going out: none due for long and still failing."""
    stuck = app[STORE].outbox_stuck(time.time() - OUTBOX_STUCK_SECONDS)
    if not stuck:
        return None
    return (
        f"{stuck['count']} message(s) failing for over {OUTBOX_STUCK_SECONDS:.0f} s, "
        f"last error: {stuck['last_error'] or '-'}"
    )


async def check_delivery(app: web.Application) -> str | None:
    """LINE accepts our messages: token not refused (401/403 holds rows), monthly quota not
    reached (pushes paused), no outage over a minute (the outbox's own view)."""
    ok, reason = app[OUTBOX].health()
    return None if ok else reason


def default_ready_checks() -> list[ReadyCheck]:
    """The readiness checks, in the order /readyz reports them; the OCR context appends
    "image_backlog" when the app scans images."""
    return [
        ("database", check_database),
        ("webhook_storage", check_webhook_storage),
        ("line_token", check_line_token),
        ("outbox", check_outbox),
        ("delivery", check_delivery),
    ]


async def readyz(request: web.Request) -> web.Response:
    """Readiness: every named check with its reason; 503 when one is degraded."""
    checks: dict[str, dict[str, Any]] = {}
    for name, check in request.app[READY_CHECKS]:
        try:
            reason = await check(request.app)
        except Exception as exc:  # a check that breaks is a degraded check, with its cause
            reason = f"check failed: {type(exc).__name__}"
        checks[name] = {"ok": reason is None, "reason": reason}
    ok = all(c["ok"] for c in checks.values())
    body = {"status": "ready" if ok else "degraded", "checks": checks}
    return web.json_response(body, status=200 if ok else 503)


async def metrics_view(request: web.Request) -> web.Response:
    """Prometheus text format; who may read it: monitoring/metrics.py (404 otherwise)."""
    if not metrics_allowed(request, request.app[CONFIG].metrics_token):
        raise web.HTTPNotFound()
    body = request.app[METRICS].render()
    return web.Response(body=body, headers={"Content-Type": "text/plain; version=0.0.4"})


def create_app(
    config: Config,
    *,
    options: AppOptions | None = None,
    contexts: Sequence[CleanupCtx] | None = None,
) -> web.Application:
    """The bot's aiohttp application. `contexts` replaces `optional_contexts()` (tests)."""
    app = _base_app(config, options)
    app.cleanup_ctx.extend([store_ctx, line_ctx, outbox_ctx])
    app.cleanup_ctx.extend(optional_contexts(config) if contexts is None else contexts)
    app.cleanup_ctx.extend([deps_ctx, webhook_ctx])
    app.on_startup.append(freeze_gc)  # runs after the cleanup contexts have started
    app.router.add_post("/callback", callback)
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/readyz", readyz)
    app.router.add_get("/metrics", metrics_view)
    app.router.add_get(CHART_PATH, chart)
    setup_console(app, lambda: app[DEPS], config.public_url)  # /console (console/web.py)
    return app


def _base_app(config: Config, options: AppOptions | None) -> web.Application:
    app = web.Application(client_max_size=1024 * 1024)
    app[CONFIG] = config
    app[OPTIONS] = options or AppOptions()
    app[CLOCK] = app[OPTIONS].clock or SystemClock()
    app[STARTED_AT] = time.time()
    app[READY_CHECKS] = default_ready_checks()
    app[TOKEN_STATE] = {}
    app[METRICS] = Metrics()
    return app


def create_worker_app(
    config: Config, *, contexts: Sequence[CleanupCtx], options: AppOptions | None = None
) -> web.Application:
    """The resources of a `bot.py worker` (jobs/worker.py), without the HTTP side: the
    store, the LINE clients, `contexts` (its outbox, tips service, OCR pool) and `Deps`,
    opened and closed by the same cleanup contexts as the service. Started with
    `web.AppRunner(app).setup()` and no site; `app[DEPS]` is then what tasks use."""
    app = _base_app(config, options)
    app[ON_QUEUE] = True
    app.cleanup_ctx.extend([store_ctx, line_ctx, *contexts, deps_ctx])
    return app


async def start_server(
    app: web.Application, host: str = "127.0.0.1", port: int = 0
) -> tuple[web.AppRunner, int]:
    """Run `app` on host:port (0 = a free port) without signal handlers; returns the runner
    (call `await runner.cleanup()` to stop) and the port. Used by the demo, tests and bench."""
    runner = web.AppRunner(app, handle_signals=False, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, host, port)
    await site.start()
    server = site._server
    sockets = getattr(server, "sockets", None) or []
    return runner, int(sockets[0].getsockname()[1]) if sockets else port


async def quiesce(app: web.Application, timeout: float = 10.0) -> None:
    """Wait until no event is in flight and nothing due is left in the outbox."""
    async with asyncio.timeout(timeout):
        while True:
            await app[WEBHOOK].idle()
            await app[OUTBOX].deliver_pending()
            counts = app[STORE].outbox_counts()
            due = app[STORE].outbox_next_due()
            busy = counts.get("sending", 0) or (due is not None and due <= time.time())
            if not app[WEBHOOK].tasks and not busy:
                return
            await asyncio.sleep(0.005)
