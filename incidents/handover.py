"""The LINE messages that follow a review step (incidents/review.py):

- a sender's provisional false positive on a `block` -> the reviewers (the group's admins,
  the ethics unit when it has none or for a type routed to it) get the reason and a
  confirm / overrule button pair;
- a dismissal overruled -> the sender (a friend) is asked again to unsend;
- a newly named admin (`/admin CODE`) -> one summary of the group's open incidents with
  their buttons (one push: a text and a carousel of up to 10), and a `handed_over` row in
  each incident's timeline.
"""

from __future__ import annotations

import logging

from deps import Deps
from incidents.notify import group_label, notify_admins
from incidents.timeline import record
from line import messages
from line.lookups import Where
from locales import label, local_time, t
from outbox import PRIORITY_ALERT, PRIORITY_NOTE
from storage import REVIEW_STATUSES, Incident, actor_ref

log = logging.getLogger("bot.actions")

HANDOVER_COLUMNS = 10  # a carousel's limit; the summary text counts the rest


async def ask_reviewers(deps: Deps, inc: Incident, reason: str, locale: str) -> None:
    """The sender's provisional false positive, with the confirm / overrule buttons."""
    gname = await group_label(deps, Where(inc.group_id, inc.chat_type, None), locale)
    body = t("review.sender_fp", locale, id=inc.id, group=gname, reason=reason)
    await notify_admins(
        deps,
        inc.group_id,
        body,
        kind="sender-answer",
        incident_id=inc.id,
        extra=[messages.review_buttons(inc.id, locale)],
    )


async def tell_sender_overruled(deps: Deps, inc: Incident, locale: str) -> None:
    """An admin overruled the sender's false positive: ask them (friends only) to unsend."""
    if not inc.sender_id or not await deps.lookups.is_friend(inc.sender_id):
        return
    gname = await group_label(deps, Where(inc.group_id, inc.chat_type, None), locale)
    await deps.outbox.enqueue_push(
        inc.sender_id,
        [messages.text(t("sender.overruled", locale, id=inc.id, group=gname))],
        priority=PRIORITY_NOTE,
        kind="review",
        incident_id=inc.id,
    )


def open_incidents(deps: Deps, group_id: str) -> list[Incident]:
    """The group's incidents a reviewer still has to look at, oldest first."""
    return [i for i in deps.store.list_incidents(group_id=group_id) if i.status in REVIEW_STATUSES]


async def hand_over(deps: Deps, group_id: str, chat_type: str, admin_id: str, locale: str) -> int:
    """Send a newly named admin the group's open incidents, in one push; returns how many."""
    pending = open_incidents(deps, group_id)
    if not pending:
        return 0
    tz = deps.config.timezone
    gname = await group_label(deps, Where(group_id, chat_type, None), locale)
    shown = pending[-HANDOVER_COLUMNS:]  # the latest ten; the text says how many more
    lines = [
        t(
            "handover.line",
            locale,
            id=inc.id,
            time=local_time(tz, inc.event_at or inc.created_at),
            items=messages.items_line(inc.types, {}, locale, inc.doc_type),
            status=label("status", inc.status, locale),
        )
        for inc in shown
    ]
    body = t("handover.summary", locale, group=gname, count=len(pending), lines="\n".join(lines))
    if len(pending) > len(shown):
        body += "\n" + t("handover.more", locale, count=len(pending) - len(shown))
    columns = [
        (
            t(
                "handover.column",
                locale,
                time=local_time(tz, inc.event_at or inc.created_at),
                status=label("status", inc.status, locale),
                items=messages.items_line(inc.types, {}, locale, inc.doc_type),
            ),
            messages.review_actions(inc.id, inc.status, locale),
        )
        for inc in shown
    ]
    now = deps.now()
    with deps.store.atomic():
        deps.outbox.add_push(
            admin_id,
            [messages.text(body), messages.carousel(t("handover.alt", locale), columns)],
            priority=PRIORITY_ALERT,
            kind="review",
        )
        ref = actor_ref(admin_id, deps.salt) if deps.salt else None
        for inc in pending:
            record(deps.store, inc.id, "handed_over", now, role="admin", actor=ref)
    deps.outbox.wake()
    log.info("incidents handed over group=%s count=%d", group_id, len(pending))
    return len(pending)
