"""False-positive feedback: why senders and admins dismissed warnings, by finding type and
rule, and the values dismissed again and again in a group, each with a suggested
allow-list entry for that group (one button; the entry holds the value's keyed hash and
its masked form, as the incidents do).

    GET  /console/feedback?days=90
    POST /console/feedback/allow      group, type, digest: add the suggested entry
"""

from __future__ import annotations

from aiohttp import web

from console.i18n import ct
from console.names import group_names
from console.page import Page, audit, deps_of, locale_of, period_of, render, viewer_of
from locales import label

DAY = 86400.0
PERIODS = (30, 90, 365)
SUGGEST_AT = 2  # dismissals of the same value in a group before an entry is suggested


def _reason(code: str, locale: str) -> str:
    prefix, _, rest = code.partition(":")
    if not rest:
        return ct(f"console.reason.{prefix}", locale) if prefix else "-"
    return label(prefix, rest, locale)


async def feedback_view(request: web.Request) -> web.Response:
    deps = deps_of(request)
    locale = locale_of(request)
    store = deps.store
    days = period_of(request, PERIODS, 90)
    since = deps.now() - days * DAY
    groups = viewer_of(request).groups(store)
    reasons = store.dismissal_reasons(groups, since)
    values = store.dismissed_values(groups, since, SUGGEST_AT)
    allowed = {
        (gid, m)
        for gid in {v["group_id"] for v in values}
        for e in store.allow_entries(gid)
        for m in e.marks
    }
    names = await group_names(deps, {v["group_id"] for v in values}, locale)
    rows = [
        {
            "type": label("type", r["type"], locale),
            "rule": r["rule"],
            "reason": _reason(r["reason"], locale),
            "count": r["n"],
        }
        for r in reasons
    ]
    suggestions = [
        {
            "group": names[v["group_id"]],
            "group_id": v["group_id"],
            "type": label("type", v["type"], locale),
            "type_code": v["type"],
            "digest": v["digest"],
            "masked": v["masked"] or "-",
            "count": v["n"],
            "listed": (v["group_id"], f"{v['type']}|{v['digest']}") in allowed,
        }
        for v in values
    ]
    audit(request, "feedback.view", detail=f"days={days}")
    return render(
        request,
        "feedback.html",
        {"days": days, "periods": PERIODS, "rows": rows, "suggestions": suggestions},
    )


async def allow_post(request: web.Request) -> web.StreamResponse:
    deps = deps_of(request)
    form = await request.post()
    gid, type_, digest = (str(form.get(k, "")) for k in ("group", "type", "digest"))
    store = deps.store
    if not viewer_of(request).may_see(store, gid):
        raise web.HTTPNotFound()
    since = deps.now() - max(PERIODS) * DAY
    match = [
        v
        for v in store.dismissed_values([gid], since, SUGGEST_AT)
        if v["type"] == type_ and v["digest"] == digest
    ]
    if not match:
        raise web.HTTPNotFound()
    with store.atomic():
        entry_id = store.add_allow_entry(
            gid,
            f"{label('type', type_, locale_of(request))} {match[0]['masked'] or ''}".strip(),
            [f"{type_}|{digest}"],
            "",
            deps.now(),
            viewer_of(request).session_hash,
        )
    audit(request, "feedback.allow_add", group_id=gid, detail=f"entry={entry_id}")
    raise web.HTTPSeeOther(f"/console/groups/{gid}?done=allow")


PAGES = (
    Page("/feedback", feedback_view, nav="pages.nav.feedback", name="feedback"),
    Page("/feedback/allow", allow_post, method="POST"),
)
