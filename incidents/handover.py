"""The LINE messages that follow a review step (incidents/review.py):

- a sender's provisional false positive on a `block` -> the reviewers (the group's admins,
  the ethics unit when it has none or for a type routed to it) get the reason and a
  confirm / overrule button pair;
- a dismissal overruled -> the sender (a friend) is asked again to unsend;
- a newly named admin (`/admin CODE`, or `bot.py admin add --group`) -> one summary of the group's open incidents with
  their buttons (one push: a text and a carousel of up to 10), and a `handed_over` row in
  each incident's timeline.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from deps import Deps
from incidents.notify import group_label, notify_admins
from incidents.timeline import record
from line import messages
from line.lookups import Where
from locales import label, local_time, t
from outbox import PRIORITY_ALERT, PRIORITY_NOTE, Outbox
from storage import REVIEW_STATUSES, Incident, Store, actor_ref

log = logging.getLogger("bot.actions")

HANDOVER_COLUMNS = 10  # a carousel's limit; the summary text counts the rest


async def ask_reviewers(deps: Deps, inc: Incident, reason: Callable[[str], str]) -> None:
    """The sender's provisional false positive, with the confirm / overrule buttons, to each
    reviewer in their own language (`reason`: the reason's label in a locale)."""
    gname = await deps.lookups.group_name(Where(inc.group_id, inc.chat_type, None))

    def body(loc: str) -> str:
        group = gname or label("alert", "room_name", loc)
        return t("review.sender_fp", loc, id=inc.id, group=group, reason=reason(loc))

    await notify_admins(
        deps,
        inc.group_id,
        body,
        kind="sender-answer",
        incident_id=inc.id,
        extra=lambda loc: [messages.review_buttons(inc.id, loc)],
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


def open_incidents(store: Store, group_id: str) -> list[Incident]:
    """The group's incidents a reviewer still has to look at, oldest first."""
    return [i for i in store.list_incidents(group_id=group_id) if i.status in REVIEW_STATUSES]


async def hand_over(deps: Deps, group_id: str, chat_type: str, admin_id: str, locale: str) -> int:
    """Send a newly named admin (`/admin CODE`) the group's open incidents, in one push;
    returns how many."""
    if not open_incidents(deps.store, group_id):
        return 0
    gname = await group_label(deps, Where(group_id, chat_type, None), locale)
    count = queue_handover(
        deps.store,
        deps.outbox,
        group_id,
        admin_id,
        locale,
        gname=gname,
        tz=deps.config.timezone,
        salt=deps.salt or None,
        now=deps.now(),
    )
    deps.outbox.wake()
    return count


def queue_handover(
    store: Store,
    outbox: Outbox,
    group_id: str,
    admin_id: str,
    locale: str,
    *,
    gname: str,
    tz: str,
    salt: bytes | None,
    now: float,
) -> int:
    """Queue the handover push (no LINE call: `bot.py admin add --group` queues it from the
    command line, the service delivers it) and the `handed_over` timeline rows; returns how
    many incidents it names. The caller wakes the outbox if it runs one."""
    pending = open_incidents(store, group_id)
    if not pending:
        return 0
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
    with store.atomic():
        outbox.add_push(
            admin_id,
            [messages.text(body), messages.carousel(t("handover.alt", locale), columns)],
            priority=PRIORITY_ALERT,
            kind="review",
        )
        ref = actor_ref(admin_id, salt) if salt else None
        for inc in pending:
            record(store, inc.id, "handed_over", now, role="admin", actor=ref)
    log.info("incidents handed over group=%s count=%d", group_id, len(pending))
    return len(pending)
