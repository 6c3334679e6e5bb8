"""The platform's HTTP app: LINE's routes (routes_messaging, routes_reads), the control API
for other processes (control), and one middleware that gives every /v2/ call a request ID,
applies injected failures and latency, checks the bearer token and records the call."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from aiohttp import web

from devtools.fakeline import routes_messaging, routes_reads
from devtools.fakeline.control import add_routes as add_control_routes
from devtools.fakeline.responses import (
    NOT_FOUND,
    REQUEST_ID,
    STATUS_MESSAGES,
    check_auth,
    error,
)
from devtools.fakeline.world import WORLD

if TYPE_CHECKING:
    from devtools.fakeline.platform import FakeLinePlatform

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def make_app(line: FakeLinePlatform) -> web.Application:
    @web.middleware
    async def middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
        if not request.path.startswith("/v2/"):
            return await handler(request)
        request_id = line.new_request_id()
        request[REQUEST_ID] = request_id
        if line.latency > 0:
            await asyncio.sleep(line.latency)
        resp: web.StreamResponse
        rule = None
        if line.down:
            resp = error(503, STATUS_MESSAGES[503])
        else:
            rule = line.match_failure(request)
            if rule is not None and not rule.accept:
                resp = line.failure_response(rule)
            else:
                resp = check_auth(request, line.access_token) or await _handle(handler, request)
                if rule is not None:
                    resp = line.failure_response(rule)
            if rule is not None and rule.delay > 0:
                await asyncio.sleep(rule.delay)
        resp.headers["x-line-request-id"] = request_id
        line.requests.append((request.method, request.path, resp.status))
        await line.notify()
        return resp

    app = web.Application(middlewares=[middleware], client_max_size=4 * 1024 * 1024)
    app[WORLD] = line
    app.add_routes(routes_messaging.routes)
    app.add_routes(routes_reads.routes)
    add_control_routes(app, line)
    return app


async def _handle(handler: Handler, request: web.Request) -> web.StreamResponse:
    try:
        return await handler(request)
    except web.HTTPException as exc:
        if exc.status == 404:
            return error(404, NOT_FOUND)
        if exc.status == 405:
            return error(405, "Method Not Allowed")
        raise
