"""Helpers shared by the tips tests: their channel, people, Taipei times, a group with members.

`Clock` is the one hand-moved clock (devtools.clock.ManualClock): `clock.t = taipei(...)`.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from devtools.clock import ManualClock
from devtools.fakeline import FakeLinePlatform, group_id, user_id
from storage import Store

TZ = ZoneInfo("Asia/Taipei")
SECRET = "tips-test-secret"
TOKEN = "tips-test-token"
ETHICS = user_id("ethics-officer")
MEMBER = user_id("member")

Clock = ManualClock  # the one hand-moved clock, under the name the tips tests use


def taipei(y: int, mo: int, d: int, h: int = 0, mi: int = 0) -> float:
    return datetime(y, mo, d, h, mi, tzinfo=TZ).timestamp()


def add_group(
    platform: FakeLinePlatform,
    store: Store,
    seed: str,
    members: int,
    *,
    joined_at: float,
    locale: str = "zh-TW",
) -> str:
    gid = group_id(seed)
    platform.add_group(gid, seed, {user_id(f"{seed}-{i}"): f"m{i}" for i in range(members)})
    store.upsert_group(
        gid, joined_at, chat_type="group", joined_at=joined_at, locale=locale, name=seed
    )
    return gid
