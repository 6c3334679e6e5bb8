"""The console as a sub-application of the bot's aiohttp app, under /console.

    setup_console(app, lambda: app[DEPS])      # app.py, once

Routes of its own: /console/signin (how to sign in; no data), /console/login?token=…
(the link from the chat: its page posts the token to POST /console/login, which signs in
once and answers 303 under /console/), POST /console/logout,
POST /console/lang, /console/ (the first page the viewer may open), /console/static/….
Every other route comes from console/registry.py's PAGES.

The middleware, for every console response: a Content-Security-Policy without inline
script, no framing, no referrer, no caching. For every route but the public ones, a live
session (else 303 to /console/signin, or 403 for a POST); for every POST, the session's
CSRF token in the form (else 403).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit

import aiohttp_jinja2
import jinja2
from aiohttp import web
from aiohttp.typedefs import Handler

from console import auth
from console.i18n import ct, local_time
from console.page import (
    CONSOLE,
    LOCALE_REQ,
    VIEWER_REQ,
    ConsoleState,
    Page,
    audit,
    deps_of,
    locale_of,
    render,
    viewer_of,
)
from console.registry import PAGES
from deps import Deps
from locales import LOCALES, label, normalise_locale

PREFIX = "/console"
HERE = Path(__file__).parent
PUBLIC = ("/console/signin", "/console/login", "/console/static/")
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    "X-Robots-Tag": "noindex",
}


ERROR_PAGES = (403, 404, 409)


async def _error_page(request: web.Request, exc: web.HTTPException) -> web.Response:
    """A 403, 404 or 409 as a page of the console (its words, its navigation); the reason a
    handler gave (a review action that no longer applies) is shown as it is. The template
    context is made here: the refusal may come before the context processors ran."""
    reason = exc.text if exc.text and not exc.text.startswith(f"{exc.status}:") else ""
    page = {**await context(request), "status": exc.status, "reason": reason}
    return render(request, "error.html", page, status=exc.status)


def _is_public(path: str) -> bool:
    return any(path == p or (p.endswith("/") and path.startswith(p)) for p in PUBLIC)


def _pick_locale(request: web.Request, deps: Deps, user_id: str | None) -> str:
    asked = request.query.get("lang") or request.cookies.get(auth.LANG_COOKIE)
    if asked and normalise_locale(asked) in LOCALES:
        return normalise_locale(asked)
    if user_id:
        return deps.lookups.user_locale(user_id)
    return normalise_locale(deps.config.default_locale)


@web.middleware
async def console_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    try:
        response = await _guarded(request, handler)
    except web.HTTPException as exc:
        if exc.status in ERROR_PAGES and LOCALE_REQ in request:
            response = await _error_page(request, exc)
        else:
            exc.headers.update(SECURITY_HEADERS)
            raise
    response.headers.update(SECURITY_HEADERS)
    if request.path.startswith("/console/static/"):
        response.headers["Cache-Control"] = "public, max-age=3600"
    return response


async def _guarded(request: web.Request, handler: Handler) -> web.StreamResponse:
    deps = deps_of(request)
    state = request.config_dict[CONSOLE]
    viewer = auth.session_viewer(
        deps.store,
        deps.salt,
        request.cookies.get(auth.COOKIE),
        deps.now(),
        state.idle_seconds,
    )
    request[LOCALE_REQ] = _pick_locale(request, deps, viewer.user_id if viewer else None)
    if viewer is not None:
        request[VIEWER_REQ] = viewer
    if _is_public(request.path):
        return await handler(request)
    if viewer is None:
        if request.method == "POST":
            raise web.HTTPForbidden(text=ct("console.forbidden", locale_of(request)))
        raise web.HTTPSeeOther(f"{PREFIX}/signin")
    if request.method == "POST":
        form = await request.post()
        given = form.get("csrf")
        if not isinstance(given, str) or not auth.same_token(given, viewer.csrf):
            raise web.HTTPForbidden(text=ct("console.csrf_failed", locale_of(request)))
    return await handler(request)


async def context(request: web.Request) -> dict[str, object]:
    """What every template sees: words, times, labels, the viewer, the navigation."""
    locale = locale_of(request)
    viewer = request.get(VIEWER_REQ)
    nav = []
    if viewer is not None:
        for page in PAGES:
            if page.nav and page.method == "GET" and (viewer.ethics or not page.ethics_only):
                nav.append((PREFIX + page.path, ct(page.nav, locale)))

    def _t(key: str, **kw: object) -> str:
        return ct(key, locale, **kw)

    def _label(kind: str, value: str) -> str:
        return label(kind, value, locale)

    return {
        "t": _t,
        "label": _label,
        "when": partial(local_time, tz=deps_of(request).config.timezone),
        "locale": locale,
        "other_locale": "en" if locale == "zh-TW" else "zh-TW",
        "viewer": viewer,
        "csrf": viewer.csrf if viewer else "",
        "nav": nav,
        "path": request.path,
    }


# -- the console's own routes -------------------------------------------------------------------


async def signin(request: web.Request) -> web.Response:
    """How to sign in (no data); `?failed=1` after a used, expired or unknown link."""
    failed = request.query.get("failed") == "1"
    return render(request, "signin.html", {"failed": failed}, status=403 if failed else 200)


async def login_page(request: web.Request) -> web.Response:
    """The link from the chat. A GET uses nothing (LINE's link preview fetches it too): it
    answers a page whose script (/console/static/login.js, no inline script) posts the
    token at once, with a button for a browser without scripts. A used, expired or unknown
    link answers 403 with the explanation."""
    deps = deps_of(request)
    token = request.query.get("token", "")
    if not auth.link_valid(deps.store, deps.salt, token, deps.now()):
        return render(request, "signin.html", {"failed": True}, status=403)
    return render(request, "login.html", {"token": token})


async def login(request: web.Request) -> web.StreamResponse:
    """POST the link's token: signs in once (a session cookie), then 303 to /console/."""
    deps = deps_of(request)
    state = request.config_dict[CONSOLE]
    form = await request.post()
    token = form.get("token")
    now = deps.now()
    user_id: str | None = None
    with deps.store.atomic():
        if isinstance(token, str):
            user_id = auth.claim_link(deps.store, deps.salt, token, now)
        if user_id is not None and auth.has_role(deps.store, user_id):
            cookie = auth.start_session(deps.store, deps.salt, user_id, now)
            deps.store.audit_add(user_id, "console", "console.signin", now)
        else:
            user_id = None
    if user_id is None:
        return render(request, "signin.html", {"failed": True}, status=403)
    response = web.Response(status=303, headers={"Location": f"{PREFIX}/"})
    response.set_cookie(
        auth.COOKIE,
        cookie,
        path=PREFIX,
        httponly=True,
        samesite="Lax",
        secure=state.secure_cookies,
        max_age=None,
    )
    return response


async def logout(request: web.Request) -> web.StreamResponse:
    deps = deps_of(request)
    viewer = viewer_of(request)
    with deps.store.atomic():
        deps.store.console_session_end(viewer.session_hash, deps.now())
    audit(request, "console.signout")
    response = web.Response(status=303, headers={"Location": f"{PREFIX}/signin"})
    response.del_cookie(auth.COOKIE, path=PREFIX)
    return response


async def set_lang(request: web.Request) -> web.StreamResponse:
    form = await request.post()
    wanted = normalise_locale(str(form.get("lang", "")))
    back = str(form.get("next", "")) or f"{PREFIX}/"
    if not back.startswith(f"{PREFIX}/") or urlsplit(back).netloc:
        back = f"{PREFIX}/"
    response = web.Response(status=303, headers={"Location": back})
    secure = request.config_dict[CONSOLE].secure_cookies
    response.set_cookie(
        auth.LANG_COOKIE, wanted, path=PREFIX, httponly=True, samesite="Lax", secure=secure
    )
    return response


async def home(request: web.Request) -> web.StreamResponse:
    viewer = viewer_of(request)
    for page in PAGES:
        if page.nav and page.method == "GET" and (viewer.ethics or not page.ethics_only):
            raise web.HTTPSeeOther(PREFIX + page.path)
    raise web.HTTPNotFound()


async def to_home(request: web.Request) -> web.StreamResponse:
    raise web.HTTPSeeOther(f"{PREFIX}/")


def _guard(page: Page) -> Page:
    """Ethics-only pages answer 404 to admins (they do not learn the page exists)."""
    if not page.ethics_only:
        return page
    inner = page.handler

    async def handler(request: web.Request) -> web.StreamResponse:
        if not viewer_of(request).ethics:
            raise web.HTTPNotFound()
        return await inner(request)

    return Page(page.path, handler, page.method, page.nav, page.ethics_only, page.name)


def build_console(deps_of: Callable[[], Deps], *, secure_cookies: bool) -> web.Application:
    sub = web.Application(middlewares=[console_middleware])
    sub[CONSOLE] = ConsoleState(deps_of, auth.IDLE_SECONDS, secure_cookies)
    aiohttp_jinja2.setup(
        sub,
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        context_processors=[context],
    )
    sub.router.add_get("/", home)
    sub.router.add_get("/signin", signin)
    sub.router.add_get("/login", login_page)
    sub.router.add_post("/login", login)
    sub.router.add_post("/logout", logout)
    sub.router.add_post("/lang", set_lang)
    sub.router.add_static("/static", HERE / "static", append_version=True)
    for page in map(_guard, PAGES):
        sub.router.add_route(page.method, page.path, page.handler, name=page.name)
    return sub


def setup_console(
    app: web.Application, deps_of: Callable[[], Deps], public_url: str | None
) -> None:
    """Mount the console under /console on the bot's app (cookies Secure behind https)."""
    secure = bool(public_url and public_url.lower().startswith("https://"))
    app.router.add_get(PREFIX, to_home)
    app.add_subapp(PREFIX, build_console(deps_of, secure_cookies=secure))
