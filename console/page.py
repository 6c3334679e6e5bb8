"""What every console page uses: the `Page` record (one route, its nav label and who may
open it), the request's `Deps` and `Viewer`, rendering, and the audit helper.

A page module declares `PAGES = (Page(...), ...)`; console/registry.py lists the modules
once, in nav order. Handlers are `async def view(request) -> web.StreamResponse`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any

import aiohttp_jinja2
from aiohttp import web

from console.auth import Viewer
from deps import Deps

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@dataclass(frozen=True)
class Page:
    """One console route. `path` is under /console ("/incidents/{id}"); `nav` the locale key
    of its label in the navigation (None: not in it); `ethics_only`: admins get 404."""

    path: str
    handler: Handler
    method: str = "GET"
    nav: str | None = None
    ethics_only: bool = False
    name: str | None = None  # a route name, for request.app.router[name].url_for(...)


@dataclass
class ConsoleState:
    """What the console reads from the bot's application: its `Deps` (built last, so read
    on each request) and the session settings."""

    deps_of: Callable[[], Deps]
    idle_seconds: float
    secure_cookies: bool


CONSOLE = web.AppKey("console_state", ConsoleState)
VIEWER_REQ = web.RequestKey("console_viewer", Viewer)  # the signed-in viewer, if any
LOCALE_REQ = web.RequestKey("console_locale", str)


def deps_of(request: web.Request) -> Deps:
    return request.config_dict[CONSOLE].deps_of()


def viewer_of(request: web.Request) -> Viewer:
    return request[VIEWER_REQ]


def period_of(request: web.Request, periods: tuple[int, ...], default: int) -> int:
    """The `days` query parameter when it is one of the page's `periods`, else `default`."""
    try:
        days = int(request.query.get("days", str(default)))
    except ValueError:
        return default
    return days if days in periods else default


def locale_of(request: web.Request) -> str:
    return request.get(LOCALE_REQ, "zh-TW")


def render(
    request: web.Request, template: str, context: Mapping[str, Any], *, status: int = 200
) -> web.Response:
    response = aiohttp_jinja2.render_template(template, request, dict(context), status=status)
    return response


def audit(
    request: web.Request,
    action: str,
    *,
    incident_id: str | None = None,
    group_id: str | None = None,
    detail: str | None = None,
) -> None:
    """One audit row for the signed-in viewer's action (committed at once)."""
    deps = deps_of(request)
    with deps.store.atomic():
        deps.store.audit_add(
            viewer_of(request).user_id,
            "console",
            action,
            deps.now(),
            incident_id=incident_id,
            group_id=group_id,
            detail=detail,
        )


def require_ethics(request: web.Request) -> None:
    if not viewer_of(request).ethics:
        raise web.HTTPNotFound()
