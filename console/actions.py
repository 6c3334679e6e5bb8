"""One incident's timeline and the actions a viewer may take on it, as POST forms, through
the one review API (incidents/review.py: rights, transitions, the timeline row):

    POST /console/incidents/{id}/acknowledge   review.acknowledge
    POST /console/incidents/{id}/confirm       review.confirm_dismissal (a provisional one)
    POST /console/incidents/{id}/overrule      review.overrule_dismissal
    POST /console/incidents/{id}/reopen        review.reopen
    POST /console/incidents/{id}/note          review.add_note (choice: one of NOTE_CHOICES)

Each needs the session's CSRF token (console/web.py), answers 404 for an incident the
viewer may not see, writes an audit row when it changed something, and redirects back to
the incident (303); an action the incident's state no longer allows answers 409.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from aiohttp import web

from console.auth import Viewer
from console.i18n import ct, local_time
from console.names import member_names, person_name
from console.page import Page, audit, deps_of, locale_of, viewer_of
from deps import Deps
from incidents import review
from incidents.timeline import detail_label
from locales import label
from storage import Incident, actor_ref

Action = Callable[[Deps, Incident, review.Actor, str], review.ReviewResult]


def _ack(deps: Deps, inc: Incident, actor: review.Actor, _: str) -> review.ReviewResult:
    return review.acknowledge(deps.store, inc.id, actor, now=deps.now())


def _confirm(deps: Deps, inc: Incident, actor: review.Actor, _: str) -> review.ReviewResult:
    return review.confirm_dismissal(deps.store, inc.id, actor, now=deps.now())


def _overrule(deps: Deps, inc: Incident, actor: review.Actor, _: str) -> review.ReviewResult:
    return review.overrule_dismissal(deps.store, inc.id, actor, now=deps.now())


def _reopen(deps: Deps, inc: Incident, actor: review.Actor, _: str) -> review.ReviewResult:
    return review.reopen(deps.store, inc.id, actor, now=deps.now())


def _note(deps: Deps, inc: Incident, actor: review.Actor, choice: str) -> review.ReviewResult:
    return review.add_note(deps.store, inc.id, actor, choice, now=deps.now())


# action -> (the review function, the statuses it applies to)
ACTIONS: dict[str, tuple[Action, tuple[str, ...] | None]] = {
    "acknowledge": (_ack, review.ACK_FROM),
    "confirm": (_confirm, review.CONFIRM_FROM),
    "overrule": (_overrule, review.OVERRULE_FROM),
    "reopen": (_reopen, review.REOPEN_FROM),
    "note": (_note, None),
}


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
    """The actions that apply to the incident now, in the order shown; none for the
    viewer's own incident (a sender does not review themself)."""
    if inc.sender_id == viewer.user_id:
        return []
    return [a for a, (_, allowed) in ACTIONS.items() if allowed is None or inc.status in allowed]


def note_choices(locale: str) -> list[tuple[str, str]]:
    return review.note_choices(locale)


async def _actor_names(deps: Deps, inc: Incident, locale: str) -> dict[str, str]:
    """Timeline refs (keyed hashes) -> display names, for the people who may have acted:
    the sender, the group's admins, the ethics unit. Computed, never stored."""
    people = {u for u in (inc.sender_id,) if u}
    people.update(deps.store.group_admins(inc.group_id))
    people.update(deps.store.ethics_users())
    names = await member_names(deps, ((inc.group_id, u) for u in people), locale)
    out = {}
    for uid in people:
        name = names[(inc.group_id, uid)]
        if name == ct("console.unknown_member", locale):
            name = await person_name(deps, uid, locale)
        out[actor_ref(uid, deps.salt)] = name
    return out


async def timeline(deps: Deps, inc: Incident, locale: str) -> list[dict[str, Any]]:
    """What happened to the incident, oldest first: time, what, who (role and name), detail."""
    events = deps.store.incident_events(inc.id)
    names = await _actor_names(deps, inc, locale) if events else {}
    steps = []
    for ev in events:
        who = label("role", ev.actor_role, locale)
        if ev.actor and ev.actor in names:
            who = f"{who}・{names[ev.actor]}"
        steps.append(
            {
                "at": local_time(ev.at, tz=deps.config.timezone),
                "what": label("event", ev.kind, locale),
                "who": who,
                "detail": _detail(ev.detail, locale),
            }
        )
    return steps


def _detail(detail: str | None, locale: str) -> str:
    """A timeline row's code for a person; "admin=1,ethics=0" (who was alerted) in words."""
    counts = dict(part.split("=", 1) for part in (detail or "").split(",") if "=" in part)
    if set(counts) == {"admin", "ethics"} and all(v.isdigit() for v in counts.values()):
        return ct("console.tl.recipients", locale, admins=counts["admin"], ethics=counts["ethics"])
    return detail_label(detail, locale)


async def act(request: web.Request) -> web.StreamResponse:
    deps = deps_of(request)
    inc = visible_incident(request)
    action = request.match_info["action"]
    if action not in ACTIONS:
        raise web.HTTPNotFound()
    form = await request.post()
    viewer = viewer_of(request)
    choice = str(form.get("choice", ""))
    do, _ = ACTIONS[action]
    result = do(deps, inc, review.Actor.line_user(viewer.user_id, deps.salt), choice)
    if not result.ok:
        raise web.HTTPConflict(text=result.message(locale_of(request)))
    audit(
        request,
        f"incident.{action}",
        incident_id=inc.id,
        group_id=inc.group_id,
        detail=result.detail,
    )
    raise web.HTTPSeeOther(f"/console/incidents/{inc.id}?done={action}")


PAGES = (Page("/incidents/{id}/{action}", act, method="POST", name="incident_action"),)
