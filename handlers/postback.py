"""Postback buttons.

Incident buttons (data `inc:<action>&id=<incident>[&r=<reason code>]`):
- sender: `inc:unsent` (I have unsent it), `inc:fp` (false positive -> a reason from
  quick replies), `inc:need` (official need -> a justification from quick replies);
- admins of the incident's group (or the ethics unit): `inc:ack` (acknowledge),
  `inc:dis` (dismiss as false positive), and under a sender's provisional false positive
  (a `block`): `inc:confirm` (confirm it) and `inc:overrule` (overrule it).
Rights, transitions and the timeline rows are incidents/review.py's, shared with the
command line and the console; this module turns its results into replies.
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
from incidents import review
from incidents.handover import ask_reviewers, tell_sender_overruled
from incidents.notify import group_label, notify_admins
from incidents.review import Actor, ReviewResult
from line import messages
from line.incoming import Incoming
from line.lookups import Where
from locales import label, t
from storage import Incident

log = logging.getLogger("bot.postback")

router = Router("postback")

SENDER_ACTIONS = ("inc:unsent", "inc:fp", "inc:need")
REVIEWER_ACTIONS = ("inc:ack", "inc:dis", "inc:confirm", "inc:overrule")


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
    actor = Actor.line_user(w.user_id, deps.salt)
    if action in SENDER_ACTIONS:
        if not review.is_sender(actor, inc):
            await _reply(deps, incoming, t("pb.not_yours", locale))
            return
        await _sender_action(deps, incoming, inc, action, params.get("r"), locale)
    elif action in REVIEWER_ACTIONS:
        if review.role_of(deps.store, actor, inc) is None:
            await _reply(deps, incoming, t("pb.not_admin", locale))
            return
        await _reviewer_action(deps, incoming, inc, action, actor, locale)


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
    if _closed(inc, review.SENDER_FROM):
        await _reply(
            deps, incoming, t("pb.closed", locale, status=label("status", inc.status, locale))
        )
        return
    fp = action == "inc:fp"
    codes = messages.FP_REASONS if fp else messages.NEED_REASONS
    prefix = "reason" if fp else "need"
    if reason not in codes:
        quick = [
            messages.quick_item(
                label(prefix, code, locale),
                messages.pb_data(action, id=inc.id, r=code),
                label(prefix, code, locale),
            )
            for code in codes
        ]
        await _reply(deps, incoming, t("pb.ask_fp" if fp else "pb.ask_need", locale), quick)
        return
    assert reason is not None
    actor = Actor.line_user(inc.sender_id or "", deps.salt)
    result = (review.dismiss if fp else review.justify)(deps.store, inc.id, actor, reason, now=now)
    if not result.ok:
        st = result.status or inc.status
        await _reply(deps, incoming, t("pb.closed", locale, status=label("status", st, locale)))
        return
    log.info("incident %s by sender id=%s reason=%s", result.status, inc.id, reason)
    reason_label = label(prefix, reason, locale)
    provisional = result.status == "dismissed_provisional"
    done = "pb.fp_provisional" if provisional else "pb.fp_done" if fp else "pb.need_done"
    await _reply(deps, incoming, t(done, locale, reason=reason_label))
    if provisional and result.incident is not None:
        await ask_reviewers(deps, result.incident, reason_label, locale)
        return
    gname = await group_label(deps, Where(inc.group_id, inc.chat_type, None), locale)
    body = t(
        "alert.sender_fp" if fp else "alert.sender_need",
        locale,
        id=inc.id,
        group=gname,
        reason=reason_label,
    )
    # The buttons the text speaks of: overrule a false positive, acknowledge an official need.
    extra = [messages.review_buttons(inc.id, locale, result.status or "justified")]
    await notify_admins(
        deps, inc.group_id, body, kind="sender-answer", incident_id=inc.id, extra=extra
    )


async def _reviewer_action(
    deps: Deps, incoming: Incoming, inc: Incident, action: str, actor: Actor, locale: str
) -> None:
    now = deps.now()
    result: ReviewResult
    if action == "inc:ack":
        result = review.acknowledge(deps.store, inc.id, actor, now=now)
    elif action == "inc:dis":
        result = review.dismiss(deps.store, inc.id, actor, now=now)
    elif action == "inc:confirm":
        result = review.confirm_dismissal(deps.store, inc.id, actor, now=now)
    else:
        result = review.overrule_dismissal(deps.store, inc.id, actor, now=now)
    if not result.ok:
        if result.why == "wrong_status":
            st = result.status or inc.status
            body = t("pb.closed", locale, status=label("status", st, locale))
        else:
            body = result.message(locale)
        await _reply(deps, incoming, body)
        return
    log.info("incident %s by reviewer id=%s role=%s", result.action, inc.id, result.role)
    done = {"acknowledged": "pb.ack_done", "dismissed": "pb.dismiss_done"}.get(result.action)
    await _reply(deps, incoming, t(done, locale, id=inc.id) if done else result.message(locale))
    if result.action == "dismissal_overruled" and result.incident is not None:
        await tell_sender_overruled(deps, result.incident, locale)
