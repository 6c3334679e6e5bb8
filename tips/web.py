"""The tips area inside the running service: its cleanup context and the chart route.

    app.py, optional_contexts():  contexts.append(tips_ctx)
    app.py, create_app():         add_chart_route(app)

`tips_ctx` builds the `TipsService` on the service's store, outbox, LINE client and clock,
sets `deps.tips`, and runs the scheduler until shutdown.

Charts are served at `GET /charts/{token}.png`, the token 32 random bytes (URL-safe), valid
for `CHART_TTL_SECONDS`; anything else is 404, so a URL cannot be guessed or used for long.
"""

from __future__ import annotations

import logging
import re
import secrets
from collections.abc import AsyncIterator

from aiohttp import web

from storage.tips import TipStore
from tips.scheduler import Scheduler
from tips.service import TipsService

log = logging.getLogger("bot.tips.web")

CHART_TTL_SECONDS = 7 * 86400
CHART_PATH = "/charts/{token}.png"
_TOKEN = re.compile(r"[A-Za-z0-9_-]{40,64}")

TIPS = web.AppKey("tips", TipsService)
SCHEDULER = web.AppKey("tips_scheduler", Scheduler)


def publish_chart(tips: TipStore, public_url: str, png: bytes, now: float) -> str:
    """Store a chart under a fresh unguessable token; returns its public HTTPS URL."""
    token = secrets.token_urlsafe(32)
    tips.add_chart(token, png, now, now + CHART_TTL_SECONDS)
    return public_url.rstrip("/") + CHART_PATH.format(token=token)


async def tips_ctx(app: web.Application) -> AsyncIterator[None]:
    from app import DEPS

    deps = app[DEPS]
    service = TipsService.from_api(
        deps.store, deps.config, deps.api, outbox=deps.outbox, clock=deps.clock, salt=deps.salt
    )
    deps.tips = service
    app[TIPS] = service
    scheduler = Scheduler(service)
    app[SCHEDULER] = scheduler
    scheduler.start()
    log.info("tips scheduler started")
    yield
    await scheduler.stop()
    deps.tips = None


async def chart(request: web.Request) -> web.Response:
    token = request.match_info.get("token", "")
    service = request.app.get(TIPS)
    if service is None or not _TOKEN.fullmatch(token):
        raise web.HTTPNotFound()
    png = service.tips.chart(token, service.now())
    if png is None:
        raise web.HTTPNotFound()
    return web.Response(
        body=png,
        content_type="image/png",
        headers={"Cache-Control": "private, max-age=3600", "X-Robots-Tag": "noindex"},
    )


def add_chart_route(app: web.Application) -> None:
    app.router.add_get(CHART_PATH, chart)
