"""Quota awareness: what a round of pushes costs, what is left this month, what fits.

A push to a group or room costs one message per member (LINE counts recipients). Before a
round of tips or a broadcast we ask LINE for each chat's member count
(`/v2/bot/group/{id}/members/count`, `/v2/bot/room/{id}/members/count`) and for the month's
quota (`/v2/bot/message/quota`) and use (`/v2/bot/message/quota/consumption`), subtract what
is still waiting in the outbox, and keep what fits, by priority.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

log = logging.getLogger("bot.tips.quota")


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

    def __init__(self, api: Any, *, timeout: float = 5.0) -> None:
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
