"""Tips (ethics unit only): the library, and tips of its own with the length check and a
preview as the group will see them (tips/custom.py).

    GET  /console/tips
    POST /console/tips/preview       the draft checked and previewed, nothing stored
    POST /console/tips/add           stored when it passes the check
    POST /console/tips/{tid}/toggle  switch a custom tip on or off
"""

from __future__ import annotations

from typing import Any

from aiohttp import web

from console.i18n import ct, local_time
from console.page import Page, audit, deps_of, locale_of, render, viewer_of
from locales import LOCALES
from tips.custom import CUSTOM_KINDS, check_custom_tip
from tips.library import SCREEN_LINES, load_library

FIELDS = ("locale", "kind", "title", "body", "law", "habit")


async def _page(
    request: web.Request, extra: dict[str, Any] | None = None, status: int = 200
) -> web.Response:
    deps = deps_of(request)
    locale = locale_of(request)
    library = [
        {"id": tip.id, "kind": ct(f"tip.kind.{tip.kind}", locale), "title": tip.title}
        for tip in load_library(locale).values()
    ]
    custom = [
        {
            "id": row["id"],
            "title": row["title"],
            "kind": ct(f"tip.kind.{row['kind']}", locale),
            "locale": ct(f"pages.lang.{row['locale']}", locale),
            "enabled": bool(row["enabled"]),
            "added": local_time(row["created_at"], tz=deps.config.timezone),
        }
        for row in deps.store.custom_tips()
    ]
    context: dict[str, Any] = {
        "library": library,
        "custom": custom,
        "kinds": [(k, ct(f"tip.kind.{k}", locale)) for k in CUSTOM_KINDS],
        "languages": [(x, ct(f"pages.lang.{x}", locale)) for x in LOCALES],
        "screen_lines": SCREEN_LINES,
        "draft": {k: "" for k in FIELDS} | {"locale": locale, "kind": "rule"},
        "preview": None,
        "problems": [],
        "message": ct("pages.tips.added", locale) if request.query.get("done") else None,
    }
    context.update(extra or {})
    return render(request, "tips.html", context, status=status)


async def tips_view(request: web.Request) -> web.Response:
    audit(request, "tips.view")
    return await _page(request)


async def _checked(request: web.Request) -> tuple[Any, dict[str, Any]]:
    form = await request.post()
    data = {k: str(form.get(k, "")) for k in FIELDS}
    draft = check_custom_tip(data)
    locale = locale_of(request)
    extra = {
        "draft": data,
        "preview": {"text": draft.preview, "lines": draft.lines},
        "problems": [ct(p, locale, lines=draft.lines) for p in draft.problems],
    }
    return draft, extra


async def preview_post(request: web.Request) -> web.Response:
    _, extra = await _checked(request)
    return await _page(request, extra)


async def add_post(request: web.Request) -> web.StreamResponse:
    deps = deps_of(request)
    draft, extra = await _checked(request)
    if not draft.ok:
        return await _page(request, extra, status=400)

    with deps.store.atomic():
        tip_id = deps.store.add_custom_tip(
            draft.fields, deps.now(), viewer_of(request).session_hash
        )
    audit(request, "tips.add", detail=tip_id)
    raise web.HTTPSeeOther("/console/tips?done=1")


async def toggle_post(request: web.Request) -> web.StreamResponse:
    deps = deps_of(request)
    tip_id = request.match_info["tid"]
    row = deps.store.custom_tip(tip_id)
    if row is None:
        raise web.HTTPNotFound()
    with deps.store.atomic():
        deps.store.set_custom_tip_enabled(tip_id, not row["enabled"], deps.now())
    audit(request, "tips.toggle", detail=f"{tip_id} {'off' if row['enabled'] else 'on'}")
    raise web.HTTPSeeOther("/console/tips")


PAGES = (
    Page("/tips", tips_view, nav="pages.nav.tips", ethics_only=True, name="tips"),
    Page("/tips/preview", preview_post, method="POST", ethics_only=True),
    Page("/tips/add", add_post, method="POST", ethics_only=True),
    Page("/tips/{tid}/toggle", toggle_post, method="POST", ethics_only=True),
)
