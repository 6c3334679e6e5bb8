"""Retraction: a flagged message unsent, or edited clean, closes its incident.

The masked values and hashes we held are deleted, pending messages about it (warning
not yet delivered, escalation) are cancelled, the sender is thanked privately (friends)
and admins who were alerted are told it is closed.
"""

from __future__ import annotations

import logging

from deps import Deps
from incidents.notify import notify_admins
from incidents.timeline import record
from line import messages
from line.lookups import Where
from locales import label, t
from outbox import PRIORITY_NOTE
from storage import Incident, actor_ref

log = logging.getLogger("bot.unsend")


async def close_as_retracted(deps: Deps, inc: Incident, *, how: str) -> None:
    """Retracted (unsent, or edited clean): forget the values, cancel what is queued about
    it, thank the sender, tell admins who were alerted."""
    now = deps.now()
    message_id = inc.message_id
    previous = inc.status
    if not deps.store.set_incident_status(
        inc.id,
        "retracted",
        now,
        by=inc.sender_id,
        only_from=(
            "open",
            "escalated",
            "acknowledged",
            "dismissed",
            "justified",
            "dismissed_provisional",
        ),
    ):
        return
    actor = actor_ref(inc.sender_id, deps.salt) if inc.sender_id and deps.salt else None
    record(deps.store, inc.id, "unsent", now, role="sender", actor=actor, detail=f"how:{how}")
    deps.store.forget_incident_values(inc.id)
    cancelled = deps.outbox.cancel(inc.id, ("warning", "note", "alert", "escalation"))
    log.info(
        "incident retracted id=%s message=%s how=%s was=%s cancelled=%d",
        inc.id,
        message_id,
        how,
        previous,
        cancelled,
    )
    locale = deps.lookups.chat_locale(inc.group_id)
    if deps.store.group_settings(inc.group_id).monitor_only:
        return  # the sender was never warned (monitor only): nothing to thank them for
    if inc.sender_id and await deps.lookups.is_friend(inc.sender_id):
        await deps.outbox.enqueue_push(
            inc.sender_id,
            [messages.text(t("unsend.thanks", locale))],
            priority=PRIORITY_NOTE,
            kind="thanks",
            incident_id=inc.id,
        )
    if inc.alerted_at or inc.escalated_at:
        gname = await deps.lookups.group_name(Where(inc.group_id, inc.chat_type, None))

        def body(loc: str) -> str:  # in each admin's own language
            group = gname or label("alert", "room_name", loc)
            return t("alert.retracted", loc, id=inc.id, group=group)

        await notify_admins(deps, inc.group_id, body, kind="retracted", incident_id=inc.id)
