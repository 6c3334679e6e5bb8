"""Postback buttons.

Incident buttons (data `inc:<action>&id=<incident>[&r=<reason code>]`):
- sender: `inc:unsent` (I have unsent it), `inc:fp` (false positive -> a reason from
  quick replies), `inc:need` (official need -> a justification from quick replies);
- admins of the incident's group (or the ethics unit): `inc:ack` (acknowledge),
  `inc:dis` (dismiss as false positive).
Reasons are codes chosen from buttons, never free text, so no personal data can end up
in an incident. Data starting with `tips:`, `quiz:` or `broadcast:` goes to the tips
router (handlers/tips.py), included before this one.
"""

from __future__ import annotations

import logging

from linebot.v3.messaging import QuickReplyItem
from linebot.v3.webhooks import PostbackEvent

from deps import Deps
from handlers.reply import reply_text
from handlers.router import Router
from incidents.notify import group_label, notify_admins
from line import messages
from line.incoming import Incoming
from line.lookups import Where
from locales import label, t
from storage import Incident

log = logging.getLogger("bot.postback")

router = Router("postback")

# Which statuses each action may move an incident from.
SENDER_FROM = ("open", "escalated")
ACK_FROM = ("open", "escalated", "dismissed", "justified")
DISMISS_FROM = ("open", "escalated", "justified", "acknowledged")


async def _reply(
    deps: Deps, incoming: Incoming, body: str, quick: list[QuickReplyItem] | None = None
) -> None:
    await reply_text(deps, incoming, body, kind="postback", quick=quick)


@router.on(PostbackEvent)
async def on_postback(deps: Deps, event: PostbackEvent) -> None:
    data = event.postback.data or ""
    incoming = Incoming.of(event, deps.lookups)
    w = incoming.where
    if not w.user_id:
        # LINE leaves the user id out when it may not share it: nobody can be checked
        # against the incident or the admin list, so nothing changes.
        log.info("postback without a user id ignored chat=%s", w.chat_id)
        return
    action, params = messages.parse_pb(data)
    if not action.startswith("inc:"):
        log.info("postback unknown action=%s user=%s", action[:20], w.user_id)
        return
    inc = deps.store.incident(params.get("id", ""))
    if inc is None:
        await _reply(deps, incoming, t("pb.unknown", deps.lookups.user_locale(w.user_id)))
        return
    log.info("postback action=%s incident=%s user=%s", action, inc.id, w.user_id)
    locale = deps.lookups.chat_locale(inc.group_id)
    if action in ("inc:unsent", "inc:fp", "inc:need"):
        if not inc.sender_id or w.user_id != inc.sender_id:
            await _reply(deps, incoming, t("pb.not_yours", locale))
            return
        await _sender_action(deps, incoming, inc, action, params.get("r"), locale)
    elif action in ("inc:ack", "inc:dis"):
        if not w.user_id or not (
            deps.store.is_admin(w.user_id, inc.group_id) or deps.store.is_ethics(w.user_id)
        ):
            await _reply(deps, incoming, t("pb.not_admin", locale))
            return
        await _admin_action(deps, incoming, inc, action, w.user_id, locale)


def _closed(inc: Incident, allowed: tuple[str, ...]) -> bool:
    return inc.status not in allowed


async def _sender_action(
    deps: Deps, incoming: Incoming, inc: Incident, action: str, reason: str | None, locale: str
) -> None:
    now = deps.now()
    if action == "inc:unsent":
        window_end = (inc.event_at or inc.created_at) + deps.config.unsend_window_seconds
        key = (
            "pb.already_retracted"
            if inc.status == "retracted"
            else "pb.window_passed"
            if now > window_end
            else "pb.not_yet"
        )
        await _reply(deps, incoming, t(key, locale))
        return
    if _closed(inc, SENDER_FROM):
        await _reply(
            deps, incoming, t("pb.closed", locale, status=label("status", inc.status, locale))
        )
        return
    codes = messages.FP_REASONS if action == "inc:fp" else messages.NEED_REASONS
    prefix = "reason" if action == "inc:fp" else "need"
    if reason not in codes:
        quick = [
            messages.quick_item(
                label(prefix, code, locale),
                messages.pb_data(action, id=inc.id, r=code),
                label(prefix, code, locale),
            )
            for code in codes
        ]
        await _reply(
            deps, incoming, t("pb.ask_fp" if action == "inc:fp" else "pb.ask_need", locale), quick
        )
        return
    assert reason is not None
    status = "dismissed" if action == "inc:fp" else "justified"
    if not deps.store.set_incident_status(
        inc.id, status, now, by=inc.sender_id, reason=f"{prefix}:{reason}", only_from=SENDER_FROM
    ):
        fresh = deps.store.incident(inc.id)
        st = fresh.status if fresh else inc.status
        await _reply(deps, incoming, t("pb.closed", locale, status=label("status", st, locale)))
        return
    deps.outbox.cancel(inc.id, ("escalation",))
    log.info("incident %s by sender id=%s reason=%s", status, inc.id, reason)
    reason_label = label(prefix, reason, locale)
    await _reply(
        deps,
        incoming,
        t("pb.fp_done" if action == "inc:fp" else "pb.need_done", locale, reason=reason_label),
    )
    gname = await group_label(deps, Where(inc.group_id, inc.chat_type, None), locale)
    body = t(
        "alert.sender_fp" if action == "inc:fp" else "alert.sender_need",
        locale,
        id=inc.id,
        group=gname,
        reason=reason_label,
    )
    await notify_admins(deps, inc.group_id, body, kind="sender-answer", incident_id=inc.id)


async def _admin_action(
    deps: Deps, incoming: Incoming, inc: Incident, action: str, admin_id: str, locale: str
) -> None:
    status, allowed, done = (
        ("acknowledged", ACK_FROM, "pb.ack_done")
        if action == "inc:ack"
        else ("dismissed", DISMISS_FROM, "pb.dismiss_done")
    )
    if inc.status == status or not deps.store.set_incident_status(
        inc.id, status, deps.now(), by=admin_id, reason="admin", only_from=allowed
    ):
        fresh = deps.store.incident(inc.id)
        st = fresh.status if fresh else inc.status
        await _reply(deps, incoming, t("pb.closed", locale, status=label("status", st, locale)))
        return
    deps.outbox.cancel(inc.id, ("escalation",))
    log.info("incident %s by admin id=%s admin=%s", status, inc.id, admin_id)
    await _reply(deps, incoming, t(done, locale, id=inc.id))
