"""Quota awareness: what a round of pushes costs, what is left this month, what fits.

A push to a group or room costs one message per member (LINE counts recipients). Before a
round of tips or a broadcast we ask LINE for each chat's member count
(`/v2/bot/group/{id}/members/count`, `/v2/bot/room/{id}/members/count`) and for the month's
quota (`/v2/bot/message/quota`) and use (`/v2/bot/message/quota/consumption`), subtract what
is still waiting in the outbox, and keep what fits, by priority.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from linebot.v3.messaging import AsyncMessagingApi

from tips.context import TipsContext

log = logging.getLogger("bot.tips.quota")

INCIDENT_PRIORITY_DAYS = 30  # groups with more incidents lately go first when quota is short
MEMBER_COUNT_CONCURRENCY = 8  # member-count lookups in flight at once


class QuotaUnavailable(Exception):
    """LINE did not tell us the quota (network, 5xx, no token)."""


class Platform(Protocol):
    async def member_count(self, chat_id: str, chat_type: str) -> int | None:
        """Members of a group or room (None when LINE does not answer)."""
        ...

    async def remaining(self) -> int | None:
        """Messages left this month; None for no limit. Raises QuotaUnavailable."""
        ...


class LinePlatform:
    """`Platform` over the SDK's AsyncMessagingApi (pointed at LINE or the fake platform)."""

    def __init__(self, api: AsyncMessagingApi, *, timeout: float = 5.0) -> None:
        self.api = api
        self.timeout = timeout

    async def member_count(self, chat_id: str, chat_type: str) -> int | None:
        try:
            if chat_type == "room":
                res = await self.api.get_room_member_count(chat_id, _request_timeout=self.timeout)
            else:
                res = await self.api.get_group_member_count(chat_id, _request_timeout=self.timeout)
        except Exception as exc:  # the estimate falls back to the last known count
            log.warning("member count unavailable chat=%s error=%s", chat_id, type(exc).__name__)
            return None
        return int(res.count)

    async def remaining(self) -> int | None:
        try:
            quota = await self.api.get_message_quota(_request_timeout=self.timeout)
            if getattr(quota.type, "value", quota.type) != "limited" or quota.value is None:
                return None
            used = await self.api.get_message_quota_consumption(_request_timeout=self.timeout)
        except Exception as exc:
            raise QuotaUnavailable(type(exc).__name__) from exc
        return max(0, int(quota.value) - int(used.total_usage))


@dataclass(frozen=True)
class Target:
    chat_id: str
    cost: int  # estimated messages (members)
    rank: tuple[Any, ...]  # sort key: smaller goes first
    known: bool = True  # cost from LINE or a stored count (False: a guess of 1)


@dataclass
class Plan:
    send: list[Target] = field(default_factory=list)
    skip: list[Target] = field(default_factory=list)
    remaining: int | None = None  # None: no limit (or unknown, see `quota_known`)
    quota_known: bool = True
    reserve: int = 0

    @property
    def cost(self) -> int:
        return sum(t.cost for t in self.send)

    @property
    def needed(self) -> int:
        return sum(t.cost for t in self.send + self.skip)


def fit(targets: Sequence[Target], remaining: int | None, *, reserve: int = 0) -> Plan:
    """Keep targets in rank order while they fit in `remaining`; a larger target that does not
    fit is skipped and smaller ones after it may still go. When anything must be skipped,
    `reserve` messages are kept back first (the notice to the ethics unit)."""
    ordered = sorted(targets, key=lambda t: t.rank)
    if remaining is None or sum(t.cost for t in ordered) <= remaining:
        return Plan(send=list(ordered), remaining=remaining)
    budget = max(0, remaining - reserve)
    plan = Plan(remaining=remaining, reserve=reserve)
    for t in ordered:
        if t.cost <= budget:
            plan.send.append(t)
            budget -= t.cost
        else:
            plan.skip.append(t)
    return plan


@dataclass
class Estimate:
    """What a round of pushes to some chats would cost, and what fits."""

    plan: Plan
    costs: dict[str, int] = field(default_factory=dict)

    @property
    def groups(self) -> int:
        return len(self.plan.send) + len(self.plan.skip)

    @property
    def messages(self) -> int:
        return self.plan.needed


class Estimator:
    """Member counts and the month's quota (from LINE when a platform is given), the
    pushes still waiting in the outbox, and the plan of what fits."""

    def __init__(self, ctx: TipsContext, platform: Platform | None) -> None:
        self.ctx = ctx
        self.platform = platform

    async def member_count(self, chat_id: str, chat_type: str) -> int | None:
        count = None
        if self.platform is not None:
            count = await self.platform.member_count(chat_id, chat_type)
        if count is not None:
            self.ctx.tips.set_member_count(chat_id, count)
            return count
        state = self.ctx.tips.state(chat_id)
        return state.member_count if state else None

    def _pending_cost(self, costs: dict[str, int]) -> int:
        """Pushes still waiting in the outbox will consume quota too."""
        store, total = self.ctx.store, 0
        for row in store.outbox_rows(status="pending") + store.outbox_rows(status="sending"):
            if row.reply_token or not row.to_id:
                continue
            if row.to_id in costs:
                per = costs[row.to_id]
            else:
                state = self.ctx.tips.state(row.to_id)
                per = state.member_count if state and state.member_count else 1
            total += per * max(1, len(row.messages))
        return total

    def _incident_rank(self, group_id: str, now: float) -> int:
        counts = self.ctx.store.incident_counts(group_id, now - INCIDENT_PRIORITY_DAYS * 86400)
        return sum(counts.values())

    async def estimate(self, chat_ids: Sequence[str], *, reserve: int = 0) -> Estimate:
        """Cost of one push to each chat against the quota left; the plan keeps groups with
        more recent incidents first, then smaller groups."""
        now = self.ctx.now()
        targets, costs = [], {}
        sem = asyncio.Semaphore(MEMBER_COUNT_CONCURRENCY)

        async def count_of(cid: str) -> int | None:
            async with sem:
                return await self.member_count(cid, self.ctx.chat_type(cid))

        counts = await asyncio.gather(*(count_of(cid) for cid in chat_ids))
        for cid, count in zip(chat_ids, counts, strict=True):
            cost = count if count is not None else 1
            costs[cid] = cost
            rank = (-self._incident_rank(cid, now), cost, cid)
            targets.append(Target(cid, cost, rank, known=count is not None))
        remaining: int | None = None
        known = True
        if self.platform is not None:
            try:
                remaining = await self.platform.remaining()
            except QuotaUnavailable as exc:
                known = False
                log.warning("quota unavailable error=%s; sending without a limit", exc)
        else:
            known = False
        if remaining is not None:
            remaining = max(0, remaining - self._pending_cost(costs))
        plan = fit(targets, remaining, reserve=reserve)
        plan.quota_known = known
        return Estimate(plan=plan, costs=costs)
