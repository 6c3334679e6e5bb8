"""Ethics-unit reminders to every group (or one): propose, then confirm or cancel.

Step 1 checks who asks (the ethics unit, or the command line), refuses a text the bot
itself would block, estimates the cost against the month's quota and keeps the reminder
pending for `BROADCAST_TTL_SECONDS`. Step 2, by the same person, queues what fits.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
from dataclasses import dataclass, field

from locales import t
from outbox import Priority
from tips import messages
from tips.context import TipsContext
from tips.quota import Estimate, Estimator

log = logging.getLogger("bot.tips")

BROADCAST_TTL_SECONDS = 15 * 60  # a broadcast not confirmed within 15 minutes expires
BROADCAST_MAX_CHARS = 1000


@dataclass
class BroadcastProposal:
    ok: bool
    message_key: str  # ui key of the answer when not ok
    broadcast_id: str | None = None
    estimate: Estimate | None = None
    leaked_types: list[str] = field(default_factory=list)


@dataclass
class BroadcastOutcome:
    status: str  # sent | cancelled | expired | refused | done_already | unknown
    # done_already: what the broadcast had become (sending | sent | cancelled | expired)
    previous: str = ""
    sent_groups: int = 0
    skipped_groups: int = 0
    messages: int = 0


def _who(ctx: TipsContext, user_id: str) -> str:
    return hashlib.sha256(ctx.salt + b"broadcast:" + user_id.encode()).hexdigest()[:32]


def _leak_types(ctx: TipsContext, text: str) -> list[str]:
    """The finding types if the bot itself would block this text in a group."""
    from detectors import scan_text

    result = scan_text(text, config=ctx.config.policy_path, salt=ctx.salt)
    if result.verdict != "block":
        return []
    return sorted({f.type for f in result.findings})


async def propose(
    ctx: TipsContext,
    estimator: Estimator,
    user_id: str | None,
    text: str,
    *,
    target: str | None = None,
) -> BroadcastProposal:
    """Step 1: check who asks, estimate, keep the reminder pending confirmation.
    `user_id` None means the command line (the operator of the machine)."""
    if user_id is not None and not ctx.store.is_ethics(user_id):
        log.info("broadcast refused: not in the ethics unit")
        return BroadcastProposal(False, "broadcast.refused")
    text = text.strip()
    if not text:
        return BroadcastProposal(False, "broadcast.usage")
    if len(text) > BROADCAST_MAX_CHARS:
        return BroadcastProposal(False, "broadcast.too_long")
    leaked = _leak_types(ctx, text)
    if leaked:
        log.info("broadcast refused: the text itself would be blocked types=%s", leaked)
        return BroadcastProposal(False, "broadcast.has_personal_data", leaked_types=leaked)
    chats = [target] if target else [g["group_id"] for g in ctx.groups()]
    if not chats:
        return BroadcastProposal(False, "broadcast.no_groups")
    est = await estimator.estimate(chats, reserve=0)
    now = ctx.now()
    bid = secrets.token_urlsafe(12)
    ctx.tips.add_broadcast(
        {
            "id": bid,
            "requested_by": _who(ctx, user_id) if user_id else "cli",
            "text": text,
            "target": target or "*",
            "status": "pending",
            "groups": est.groups,
            "messages": est.messages,
            "created_at": now,
            "expires_at": now + BROADCAST_TTL_SECONDS,
        }
    )
    return BroadcastProposal(True, "broadcast.estimate", bid, est)


def estimate_text(est: Estimate, locale: str) -> str:
    """The estimate in words: groups, messages, quota left, and what would be skipped."""
    if est.plan.remaining is None:
        line = t(
            "broadcast.estimate_unlimited" if est.plan.quota_known else "broadcast.estimate",
            locale,
            groups=est.groups,
            messages=est.messages,
            remaining="?",
        )
    else:
        line = t(
            "broadcast.estimate",
            locale,
            groups=est.groups,
            messages=est.messages,
            remaining=est.plan.remaining,
        )
    if est.plan.skip:
        line += "\n" + t(
            "broadcast.over_quota",
            locale,
            fit_groups=len(est.plan.send),
            fit_messages=est.plan.cost,
            skipped=len(est.plan.skip),
        )
    return line


def confirm_messages(proposal: BroadcastProposal, text: str, locale: str) -> list[messages.Message]:
    """The preview, the estimate and the confirm/cancel buttons for the ethics member."""
    assert proposal.estimate is not None and proposal.broadcast_id is not None
    estimate = estimate_text(proposal.estimate, locale)
    return messages.confirm_messages(text, estimate, proposal.broadcast_id, locale)


async def confirm(
    ctx: TipsContext, estimator: Estimator, broadcast_id: str, user_id: str | None
) -> BroadcastOutcome:
    """Step 2: an ethics member (the one who asked) confirms; what fits goes out."""
    if user_id is not None and not ctx.store.is_ethics(user_id):
        return BroadcastOutcome("refused")
    row = ctx.tips.broadcast(broadcast_id)
    if row is None:
        return BroadcastOutcome("unknown")
    if user_id is not None and row["requested_by"] != _who(ctx, user_id):
        return BroadcastOutcome("refused")
    now = ctx.now()
    if row["status"] != "pending":
        return BroadcastOutcome("done_already", previous=str(row["status"]))
    if now > row["expires_at"]:
        ctx.tips.move_broadcast(broadcast_id, "pending", "expired", now)
        return BroadcastOutcome("expired")
    if not ctx.tips.move_broadcast(broadcast_id, "pending", "sending", now):
        return BroadcastOutcome("done_already", previous="sending")  # a double tap
    chats = [row["target"]] if row["target"] != "*" else [g["group_id"] for g in ctx.groups()]
    ethics = ctx.store.ethics_users()
    est = await estimator.estimate(chats, reserve=len(ethics))
    with ctx.tips.transaction():
        for t in est.plan.send:
            ctx.outbox.add_push(
                t.chat_id,
                messages.broadcast_messages(row["text"], ctx.locale_of(t.chat_id)),
                kind="broadcast",
                priority=Priority.BROADCAST,
            )
        ctx.tips.finish_broadcast(broadcast_id, len(est.plan.send), len(est.plan.skip))
    ctx.outbox.wake()
    log.info(
        "broadcast queued id=%s groups=%d skipped=%d",
        broadcast_id,
        len(est.plan.send),
        len(est.plan.skip),
    )
    return BroadcastOutcome(
        "sent",
        sent_groups=len(est.plan.send),
        skipped_groups=len(est.plan.skip),
        messages=est.plan.cost,
    )


def cancel(ctx: TipsContext, broadcast_id: str, user_id: str | None) -> BroadcastOutcome:
    if user_id is not None and not ctx.store.is_ethics(user_id):
        return BroadcastOutcome("refused")
    row = ctx.tips.broadcast(broadcast_id)
    if row is None:
        return BroadcastOutcome("unknown")
    if ctx.tips.move_broadcast(broadcast_id, "pending", "cancelled", ctx.now()):
        return BroadcastOutcome("cancelled")
    fresh = ctx.tips.broadcast(broadcast_id)
    return BroadcastOutcome("done_already", previous=str(fresh["status"]) if fresh else "")
