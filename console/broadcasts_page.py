"""Broadcasts (ethics unit only): compose a reminder to every group, see it as the groups
will, with the quota estimate, then confirm or cancel; and the history. The same code as
`/broadcast` in a 1:1 chat (tips/broadcast.py): a text the bot would block is refused, a
proposal expires after 15 minutes, only its author confirms it, and what does not fit the
month's quota is skipped.

    GET  /console/broadcasts
    POST /console/broadcasts/preview          text -> preview, estimate, confirm form
    POST /console/broadcasts/{bid}/confirm
    POST /console/broadcasts/{bid}/cancel
"""

from __future__ import annotations

from typing import Any

from aiohttp import web

from console.i18n import ct, local_time
from console.page import Page, audit, deps_of, locale_of, render, viewer_of
from locales import label, t
from tips.broadcast import BROADCAST_MAX_CHARS
from tips.messages import broadcast_messages


def _service(request: web.Request) -> Any:
    tips = deps_of(request).tips
    if tips is None:
        raise web.HTTPNotFound()
    return tips


async def _page(
    request: web.Request, extra: dict[str, Any] | None = None, status: int = 200
) -> web.Response:
    deps = deps_of(request)
    locale = locale_of(request)
    history = [
        {
            "created": local_time(r["created_at"], tz=deps.config.timezone),
            "text": r["text"],
            "target": ct("pages.broadcasts.all_groups", locale) if r["target"] == "*" else "1",
            "status": ct(f"pages.broadcasts.status.{r['status']}", locale),
            "groups": r["sent_groups"] if r["status"] == "sent" else r["groups"],
            "skipped": r["skipped_groups"] or 0,
        }
        for r in deps.store.broadcast_history()
    ]
    context: dict[str, Any] = {
        "history": history,
        "max_chars": BROADCAST_MAX_CHARS,
        "text": "",
        "proposal": None,
        "error": None,
        "message": None,
    }
    context.update(extra or {})
    return render(request, "broadcasts.html", context, status=status)


async def broadcasts_view(request: web.Request) -> web.Response:
    _service(request)
    audit(request, "broadcasts.view")
    return await _page(request)


async def preview_post(request: web.Request) -> web.Response:
    svc = _service(request)
    locale = locale_of(request)
    form = await request.post()
    text = str(form.get("text", "")).strip()
    proposal = await svc.propose_broadcast(viewer_of(request).user_id, text)
    if not proposal.ok:
        types = "、".join(label("type", x, locale) for x in proposal.leaked_types)
        error = t(
            proposal.message_key, locale, length=len(text), limit=BROADCAST_MAX_CHARS, types=types
        )
        audit(request, "broadcasts.refused", detail=proposal.message_key)
        return await _page(request, {"text": text, "error": error}, status=400)
    preview = "\n".join(str(m.get("text", "")) for m in broadcast_messages(text, locale))
    audit(request, "broadcasts.propose", detail=proposal.broadcast_id)
    return await _page(
        request,
        {
            "text": text,
            "proposal": {
                "id": proposal.broadcast_id,
                "preview": preview,
                "estimate": svc.estimate_text(proposal.estimate, locale),
            },
        },
    )


async def _decide(request: web.Request, confirm: bool) -> web.Response:
    svc = _service(request)
    locale = locale_of(request)
    bid = request.match_info["bid"]
    user = viewer_of(request).user_id
    if confirm:
        outcome = await svc.confirm_broadcast(bid, user)
    else:
        outcome = svc.cancel_broadcast(bid, user)
    if outcome.status in ("unknown", "refused"):
        raise web.HTTPNotFound()
    audit(
        request,
        f"broadcasts.{'confirm' if confirm else 'cancel'}",
        detail=f"{bid} {outcome.status}",
    )
    message = ct(
        f"pages.broadcasts.outcome.{outcome.status}",
        locale,
        groups=outcome.sent_groups,
        skipped=outcome.skipped_groups,
        messages=outcome.messages,
    )
    return await _page(request, {"message": message})


async def confirm_post(request: web.Request) -> web.Response:
    return await _decide(request, True)


async def cancel_post(request: web.Request) -> web.Response:
    return await _decide(request, False)


PAGES = (
    Page(
        "/broadcasts",
        broadcasts_view,
        nav="pages.nav.broadcasts",
        ethics_only=True,
        name="broadcasts",
    ),
    Page("/broadcasts/preview", preview_post, method="POST", ethics_only=True),
    Page("/broadcasts/{bid}/confirm", confirm_post, method="POST", ethics_only=True),
    Page("/broadcasts/{bid}/cancel", cancel_post, method="POST", ethics_only=True),
)
