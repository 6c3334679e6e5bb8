"""Which tip a group gets next, and queueing it.

Every group goes through the whole library (with the ethics unit's own tips in the group's
language, tips/custom.py) in its own shuffled order before any tip repeats; a new cycle never starts with the tip that ended the last one. A tip's bookkeeping
(rotation, the slot it fills, the send record) and its outbox row are written in one SQLite
transaction, so a restart can neither lose the fact that a tip was queued nor queue it twice.
"""

from __future__ import annotations

import logging
import random

from outbox import Priority
from storage.tips import TipState
from tips import library, messages
from tips.context import DIRECT, TipsContext
from tips.custom import tip_of_row
from tips.library import Tip

log = logging.getLogger("bot.tips")

REQUEST_COOLDOWN_SECONDS = 30 * 60  # `/tip` in a group: at most one every 30 minutes


def order(group_id: str, cycle: int, extra: tuple[str, ...] = ()) -> list[str]:
    """The group's order of the library (and `extra` tip ids) in one cycle (the same on
    every run with the same tips)."""
    ids = [*library.tip_ids(), *extra]
    random.Random(f"{group_id}:{cycle}").shuffle(ids)
    return ids


def pick(state: TipState, extra: tuple[str, ...] = ()) -> str:
    """The next tip for the group: none repeats until every tip has been sent once.
    `extra`: the ids of the custom tips the group may get. Updates the rotation in `state`
    (the caller saves it)."""
    known = set(library.tip_ids()) | set(extra)
    if not known:
        raise LookupError("the tip library is empty")
    sent = [i for i in state.sent_ids if i in known]
    remaining = [i for i in order(state.group_id, state.cycle, extra) if i not in sent]
    if not remaining:
        last = state.sent_ids[-1] if state.sent_ids else None
        state.cycle += 1
        state.sent_ids = []
        remaining = order(state.group_id, state.cycle, extra)
        if len(remaining) > 1 and remaining[0] == last:
            remaining.append(remaining.pop(0))
    else:
        state.sent_ids = sent
    return remaining[0]


def custom_tips(ctx: TipsContext, locale: str) -> dict[str, Tip]:
    """The ethics unit's tips switched on, written in `locale` (id -> tip)."""
    rows = ctx.store.custom_tips(enabled_only=True)
    return {str(r["id"]): tip_of_row(r) for r in rows if r["locale"] == locale}


def queue_tip(
    ctx: TipsContext,
    group_id: str,
    *,
    reason: str,
    slot: float | None = None,
    cost: int | None = None,
    reply_token: str | None = None,
) -> tuple[int, Tip] | None:
    """Pick, record and queue the next tip for a group, in one transaction. None when
    `slot` was already handled (the check and the write are one transaction)."""
    now = ctx.now()
    locale = ctx.locale_of(group_id)
    with ctx.tips.transaction():
        state = ctx.tips.state(group_id) or TipState(group_id, last_slot=now)
        if slot is not None and state.last_slot is not None and state.last_slot >= slot:
            return None  # another tick (or process) already handled this slot
        custom = custom_tips(ctx, locale)
        tip_id = pick(state, tuple(custom))
        tip = custom.get(tip_id) or library.load_library(locale)[tip_id]
        send_id = ctx.tips.add_send(
            group_id=group_id,
            tip_id=tip_id,
            kind=tip.kind,
            reason=reason,
            status="queued",
            slot=slot,
            sent_at=now,
            cost=cost,
        )
        (row,) = ctx.outbox.add_reply(
            reply_token,
            messages.tip_messages(tip, locale, send_id=send_id),
            fallback_to=group_id,
            priority=Priority.TIP,
            kind="tip",
        )
        ctx.tips.set_send_outbox(send_id, row)
        state.sent_ids.append(tip_id)
        state.last_sent_at = now
        if slot is not None:
            state.last_slot = max(state.last_slot or 0.0, slot)
        if reply_token:
            state.last_request_at = now
        ctx.tips.save_state(state)
    ctx.outbox.wake()
    log.info("tip queued group=%s tip=%s reason=%s send=%s", group_id, tip_id, reason, send_id)
    return send_id, tip


def request_tip(
    ctx: TipsContext, chat_id: str, chat_type: str, reply_token: str | None
) -> int | None:
    """`/tip` from a member: the next tip as a reply (free). Returns the minutes to wait
    when the group asked too recently, else None."""
    now = ctx.now()
    if chat_type in ("group", "room"):
        state = ctx.tips.state(chat_id)
        if (
            state
            and state.last_request_at
            and now - state.last_request_at < REQUEST_COOLDOWN_SECONDS
        ):
            return max(1, int((REQUEST_COOLDOWN_SECONDS - (now - state.last_request_at)) // 60))
        queue_tip(ctx, chat_id, reason="request", cost=0, reply_token=reply_token)
        return None
    # 1:1: a random tip, no per-user rotation (no user id stored with the send)
    locale = ctx.locale_of(None)
    tip_id = random.choice(library.tip_ids())
    tip = library.load_library(locale)[tip_id]
    with ctx.tips.transaction():
        send_id = ctx.tips.add_send(
            group_id=DIRECT,
            tip_id=tip_id,
            kind=tip.kind,
            reason="request",
            status="queued",
            sent_at=now,
            cost=0,
        )
        ctx.outbox.add_reply(
            reply_token,
            messages.tip_messages(tip, locale, send_id=send_id),
            fallback_to=chat_id,
            priority=Priority.REPLY,
            kind="tip",
        )
    ctx.outbox.wake()
    return None
