"""The audit log (ethics unit only): every console action, every view of an incident, and
every CLI command that reads or changes incidents, newest first, with display names."""

from __future__ import annotations

from aiohttp import web

from console.i18n import ct, local_time
from console.names import group_names, person_name
from console.page import Page, deps_of, locale_of, render, viewer_of

PAGE_SIZE = 200


async def audit_view(request: web.Request) -> web.Response:
    deps = deps_of(request)
    locale = locale_of(request)
    try:
        page = max(1, int(request.query.get("page", "1")))
    except ValueError:
        page = 1
    groups = viewer_of(request).groups(deps.store)
    entries = deps.store.audit_list(
        groups=groups, limit=PAGE_SIZE + 1, offset=(page - 1) * PAGE_SIZE
    )
    more = len(entries) > PAGE_SIZE
    entries = entries[:PAGE_SIZE]
    names = await group_names(deps, {e["group_id"] for e in entries if e["group_id"]}, locale)
    actors = {a: await person_name(deps, a, locale) for a in {e["actor"] for e in entries}}
    rows = [
        {
            "at": local_time(e["at"], tz=deps.config.timezone, seconds=True),
            "actor": actors[e["actor"]],
            "via": ct(f"console.via.{e['via']}", locale),
            "action": ct(f"console.action.{e['action']}", locale),
            "group": names.get(e["group_id"] or "", ""),
            "incident_id": e["incident_id"] or "",
            "detail": e["detail"] or "",
        }
        for e in entries
    ]
    return render(request, "audit.html", {"rows": rows, "page": page, "more": more})


PAGES = (Page("/audit", audit_view, nav="console.nav.audit", ethics_only=True, name="audit"),)
