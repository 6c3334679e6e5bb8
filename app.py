"""The aiohttp application: `create_app(config)`.

    app = create_app(Config.from_env())
    web.run_app(app, host=..., port=...)

Routes: `POST /callback` (the LINE webhook, handlers/webhook.py), `GET /healthz`
(liveness: the process answers), `GET /readyz` (readiness: a list of named checks,
`READY_CHECKS`, each answering None or the reason it is degraded; 503 when one is) and
`GET /metrics` (Prometheus; loopback or a bearer token, monitoring/metrics.py).
Every resource is opened and closed by its own cleanup context, in this order
(closed in reverse):

    store -> LINE API clients -> outbox worker -> deps + escalation worker
          -> optional subsystems (OCR pool, tips scheduler) -> webhook (drains tasks)

Optional subsystems plug in with one line each in `optional_contexts()` (or through
`create_app(..., contexts=[...])`): a cleanup context that reads `app[DEPS]` and sets
its field (`deps.ocr`, `deps.tips`) before the first event is served, e.g.

    async def ocr_ctx(app: web.Application) -> AsyncIterator[None]:
        pool = OcrPool(app[CONFIG]); app[DEPS].ocr = pool
        yield
        await pool.close()
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any

from aiohttp import web
from linebot.v3.messaging import (
    AsyncApiClient,
    AsyncMessagingApi,
    AsyncMessagingApiBlob,
    Configuration,
)

from config import Config
from handlers import build_dispatcher
from handlers.actions import resume_followups
from handlers.deps import Clock, Deps, SystemClock
from handlers.escalation import EscalationWorker
from handlers.media import ocr_ctx
from handlers.webhook import Webhook
from monitoring.metrics import METRICS, Metrics
from monitoring.metrics import allowed as metrics_allowed
from outbox import Outbox
from storage import Store
from tips.web import add_chart_route, tips_ctx

log = logging.getLogger("bot.app")

CleanupCtx = Callable[[web.Application], AsyncIterator[None]]


@dataclass
class LineClients:
    client: AsyncApiClient
    messaging: AsyncMessagingApi
    blob: AsyncMessagingApiBlob


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
STORE = web.AppKey("store", Store)
LINE = web.AppKey("line", LineClients)
OUTBOX = web.AppKey("outbox", Outbox)
DEPS = web.AppKey("deps", Deps)
ESCALATION = web.AppKey("escalation", EscalationWorker)
WEBHOOK = web.AppKey("webhook", Webhook)
STARTED_AT = web.AppKey("started_at", float)
# A readiness check: (name, async fn(app) -> None when fine, else the reason).
ReadyCheck = tuple[str, Callable[[web.Application], Awaitable[str | None]]]
READY_CHECKS = web.AppKey("ready_checks", list[ReadyCheck])
TOKEN_STATE = web.AppKey("token_state", dict[str, tuple[float, str | None]])
TOKEN_CHECK_SECONDS = 60.0  # GET /v2/bot/info at most this often
OUTBOX_STUCK_SECONDS = 120.0  # a message due this long and still failing degrades /readyz
CHECKPOINT_SECONDS = 60.0  # WAL truncated this often (delivered bodies leave it)


def optional_contexts() -> list[CleanupCtx]:
    """Optional subsystems, one line each (image helper: OCR pool; tips helper: scheduler)."""
    contexts: list[CleanupCtx] = []
    contexts.append(tips_ctx)  # tips helper: tips service + scheduler (sets deps.tips)
    contexts.append(ocr_ctx)  # image helper: OCR worker pool (sets deps.ocr)
    return contexts


def line_configuration(config: Config) -> Configuration:
    """SDK configuration; LINE_API_BASE_URL sends every call (content included) there."""
    return Configuration(host=config.line_api_base_url, access_token=config.channel_access_token)


async def store_ctx(app: web.Application) -> AsyncIterator[None]:
    store = Store.open(app[CONFIG].db_path)
    app[STORE] = store
    log.info("database ready path=%s", app[CONFIG].db_path)
    task = asyncio.create_task(_checkpoints(store), name="wal-checkpoint")
    yield
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task
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
                log.error("WAL checkpoint failed cause=%s: %s", type(exc).__name__, exc)
            failing = True


async def _session_without_env_lookups(client: AsyncApiClient) -> None:
    """The SDK opens its aiohttp session with trust_env=True, which costs two thread-pool
    hops on every API call (netrc and proxy lookups): measurable at a few hundred calls a
    second. Use a session with trust_env=False and read the proxy settings once instead."""
    import ssl
    import urllib.request

    import aiohttp

    rest = client.rest_client
    old = rest.pool_manager
    conf = client.configuration
    ssl_context = ssl.create_default_context(cafile=conf.ssl_ca_cert)
    if not conf.verify_ssl:
        ssl_context.check_hostname = False
        ssl_context.verify_mode = ssl.CERT_NONE
    connector = aiohttp.TCPConnector(limit=conf.connection_pool_maxsize or 100, ssl=ssl_context)
    rest.pool_manager = aiohttp.ClientSession(connector=connector, trust_env=False)
    if not rest.proxy:
        proxies = urllib.request.getproxies()
        host = urllib.parse.urlsplit(conf.host or "https://api.line.me").hostname or ""
        if not urllib.request.proxy_bypass(host):
            rest.proxy = proxies.get("https") or None
    await old.close()


async def line_ctx(app: web.Application) -> AsyncIterator[None]:
    client = AsyncApiClient(line_configuration(app[CONFIG]))
    await _session_without_env_lookups(client)
    app[LINE] = LineClients(client, AsyncMessagingApi(client), AsyncMessagingApiBlob(client))
    yield
    await client.close()


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


async def deps_ctx(app: web.Application) -> AsyncIterator[None]:
    config = app[CONFIG]
    store = app[STORE]
    # The policy file is read once, here: scans get the loaded Policy (no file check per
    # message). Warm the detectors up now (patterns compile on first use) rather than on
    # the first message; this also fails at start, not later, if the policy file is bad.
    from detectors import scan_text
    from detectors.policy import resolve_policy

    policy = resolve_policy(config)
    scan_text(
        "身分證 A123456789，電話 0912-345-678，住址 臺北市中正區重慶南路一段 122 號", policy=policy
    )
    deps = Deps(
        config=config,
        store=store,
        api=app[LINE].messaging,
        blob=app[LINE].blob,
        outbox=app[OUTBOX],
        policy=policy,
        clock=app[OPTIONS].clock or SystemClock(),
        salt=store.hash_salt(config.hash_salt),  # the key is outside the database
    )
    deps.extra["metrics"] = app[METRICS]  # counted by the webhook and the message handler
    app[METRICS].watch_store(store, deps.now, app[OUTBOX])
    worker = EscalationWorker(deps, max_sleep=app[OPTIONS].escalation_max_sleep)
    deps.escalation = worker
    app[DEPS] = deps
    app[ESCALATION] = worker
    worker.start()
    yield
    await worker.stop()


FOLLOWUP_RETRY_SECONDS = 60.0


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
            log.warning("follow-up retry pass failed error=%s", type(exc).__name__)


async def webhook_ctx(app: web.Application) -> AsyncIterator[None]:
    webhook = Webhook(app[DEPS], build_dispatcher())
    app[WEBHOOK] = webhook
    webhook.spawn(_resume(app[DEPS]))  # what a killed process left behind
    retry = asyncio.create_task(_retry_followups(app[DEPS]), name="follow-up-retry")
    yield
    retry.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await retry
    await webhook.drain()  # finish in-flight events while everything else is still open
    pool = app[DEPS].extra.pop("long_text_pool", None)  # handlers.message's scan thread
    if pool is not None:
        pool.shutdown(wait=False, cancel_futures=True)


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
    "image_backlog" (handlers/media.py) when the app scans images."""
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
    app = web.Application(client_max_size=1024 * 1024)
    app[CONFIG] = config
    app[OPTIONS] = options or AppOptions()
    app[STARTED_AT] = time.time()
    app[READY_CHECKS] = default_ready_checks()
    app[TOKEN_STATE] = {}
    app[METRICS] = Metrics()
    app.cleanup_ctx.extend([store_ctx, line_ctx, outbox_ctx, deps_ctx])
    app.cleanup_ctx.extend(optional_contexts() if contexts is None else contexts)
    app.cleanup_ctx.append(webhook_ctx)
    app.on_startup.append(freeze_gc)  # runs after the cleanup contexts have started
    app.router.add_post("/callback", callback)
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/readyz", readyz)
    app.router.add_get("/metrics", metrics_view)
    add_chart_route(app)  # tips helper: GET /charts/{token}.png (report charts)
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
