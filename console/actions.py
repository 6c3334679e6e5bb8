"""One incident's timeline and the actions a viewer may take on it, as POST forms:

    POST /console/incidents/{id}/acknowledge   open or escalated -> acknowledged
    POST /console/incidents/{id}/overrule      a sender's dismissal overruled
    POST /console/incidents/{id}/reopen        a closed incident open again
    POST /console/incidents/{id}/note          a note chosen from fixed choices (no free text)

Each needs the session's CSRF token (console/web.py), answers 404 for an incident the
viewer may not see, writes an audit row, and redirects back to the incident (303).
"""

from __future__ import annotations

from typing import Any

from aiohttp import web

from console.auth import Viewer
from console.i18n import ct, local_time
from console.page import Page, audit, deps_of, viewer_of
from deps import Deps
from storage import Incident

ACTIONS = ("acknowledge", "overrule", "reopen", "note")
NOTE_CHOICES = ("contacted_sender", "reported_supervisor", "no_action_needed", "needs_training")
ACK_FROM = ("open", "escalated")
OVERRULE_FROM = ("dismissed", "justified")
REOPEN_FROM = ("acknowledged", "dismissed", "justified")


def visible_incident(request: web.Request) -> Incident:
    """The incident of the URL if the viewer may see it; else 404 (never 'forbidden', so
    an id of another group tells nothing)."""
    deps = deps_of(request)
    inc = deps.store.incident(request.match_info["id"])
    if inc is None or inc.chat_type == "user":
        raise web.HTTPNotFound()
    if not viewer_of(request).may_see(deps.store, inc.group_id):
        raise web.HTTPNotFound()
    return inc


def available(deps: Deps, inc: Incident, viewer: Viewer) -> list[str]:
    """The actions that make sense for this incident now, in the order shown."""
    out = []
    if inc.status in ACK_FROM:
        out.append("acknowledge")
    if inc.status in OVERRULE_FROM:
        out.append("overrule")
    if inc.status in REOPEN_FROM:
        out.append("reopen")
    out.append("note")
    return out


def note_choices(locale: str) -> list[tuple[str, str]]:
    return [(c, ct(f"console.note.{c}", locale)) for c in NOTE_CHOICES]


async def timeline(deps: Deps, inc: Incident, locale: str) -> list[dict[str, Any]]:
    """What happened to the incident, oldest first: (time, what)."""
    steps: list[tuple[float | None, str]] = [
        (inc.created_at, ct("console.tl.opened", locale)),
        (inc.alerted_at, ct("console.tl.alerted", locale)),
        (inc.escalated_at, ct("console.tl.escalated", locale)),
        (inc.resolved_at, ct("console.tl.resolved", locale)),
    ]
    return [{"at": local_time(at), "what": what} for at, what in steps if at is not None]


async def act(request: web.Request) -> web.StreamResponse:
    deps = deps_of(request)
    inc = visible_incident(request)
    action = request.match_info["action"]
    if action not in ACTIONS:
        raise web.HTTPNotFound()
    form = await request.post()
    viewer = viewer_of(request)
    now = deps.now()
    detail = None
    with deps.store.atomic():
        if action == "acknowledge":
            ok = deps.store.set_incident_status(
                inc.id, "acknowledged", now, by=viewer.user_id, reason="admin", only_from=ACK_FROM
            )
        elif action == "overrule":
            ok = deps.store.set_incident_status(
                inc.id, "escalated", now, by=viewer.user_id, only_from=OVERRULE_FROM
            )
        elif action == "reopen":
            ok = deps.store.set_incident_status(
                inc.id, "open", now, by=viewer.user_id, only_from=REOPEN_FROM
            )
        else:
            choice = str(form.get("choice", ""))
            ok = choice in NOTE_CHOICES
            detail = choice if ok else None
    if not ok:
        raise web.HTTPConflict(text=ct("console.action_conflict", "zh-TW"))
    audit(request, f"incident.{action}", incident_id=inc.id, group_id=inc.group_id, detail=detail)
    raise web.HTTPSeeOther(f"/console/incidents/{inc.id}?done={action}")


PAGES = (Page("/incidents/{id}/{action}", act, method="POST", name="incident_action"),)
