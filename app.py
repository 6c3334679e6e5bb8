"""The aiohttp application: `create_app(config)`.

    app = create_app(Config.from_env())
    web.run_app(app, host=..., port=...)

Routes: `POST /callback` (the LINE webhook, handlers/webhook.py), `GET /healthz` and
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
import logging
import time
from collections.abc import AsyncIterator, Callable, Sequence
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
    yield
    store.close()


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
        clock=time.time,
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
    policy = config.policy_path
    # Warm the detectors up now (patterns compile on first use) rather than on the first
    # message; this also fails at start, not later, if the policy file is bad.
    from detectors import scan_text

    scan_text(
        "身分證 A123456789，電話 0912-345-678，住址 臺北市中正區重慶南路一段 122 號", config=policy
    )
    deps = Deps(
        config=config,
        store=store,
        api=app[LINE].messaging,
        blob=app[LINE].blob,
        outbox=app[OUTBOX],
        policy=policy,
        clock=app[OPTIONS].clock or SystemClock(),
        salt=store.hash_salt(config.hash_salt),
    )
    deps.extra["metrics"] = app[METRICS]  # counted by the webhook and the message handler
    app[METRICS].watch_store(store, deps.now)
    worker = EscalationWorker(deps, max_sleep=app[OPTIONS].escalation_max_sleep)
    deps.escalation = worker
    app[DEPS] = deps
    app[ESCALATION] = worker
    worker.start()
    yield
    await worker.stop()


async def webhook_ctx(app: web.Application) -> AsyncIterator[None]:
    webhook = Webhook(app[DEPS], build_dispatcher())
    app[WEBHOOK] = webhook
    yield
    await webhook.drain()  # finish in-flight events while everything else is still open


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
    app = request.app
    try:
        counts = app[STORE].outbox_counts()
        db_ok = True
    except Exception:
        counts, db_ok = {}, False
    body: dict[str, Any] = {
        "status": "ok" if db_ok else "degraded",
        "database": db_ok,
        "outbox_pending": counts.get("pending", 0) + counts.get("sending", 0),
        "events_processed": app[WEBHOOK].processed,
        "events_in_flight": len(app[WEBHOOK].tasks),
        "uptime_seconds": round(time.time() - app[STARTED_AT], 1),
    }
    return web.json_response(body, status=200 if db_ok else 503)


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
    app[METRICS] = Metrics()
    app.cleanup_ctx.extend([store_ctx, line_ctx, outbox_ctx, deps_ctx])
    app.cleanup_ctx.extend(optional_contexts() if contexts is None else contexts)
    app.cleanup_ctx.append(webhook_ctx)
    app.on_startup.append(freeze_gc)  # runs after the cleanup contexts have started
    app.router.add_post("/callback", callback)
    app.router.add_get("/healthz", healthz)
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
