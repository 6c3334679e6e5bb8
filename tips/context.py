"""What every part of the tips area shares: the store, the outbox, the clock, the time zone.

The parts (rotation, quota, broadcast, quiz, report, scheduler) are functions and small
classes that take a `TipsContext`; `TipsService` builds one and coordinates them.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from clock import Clock
from config import Config
from line.lookups import chat_locale, user_locale
from outbox import Outbox
from storage import Store
from storage.tips import TipStore

log = logging.getLogger("bot.tips")

DIRECT = "direct"  # tip_sends / quiz_answers key for 1:1 chats (no user id stored)


def time_zone(name: str | None) -> ZoneInfo:
    """The configured zone; Taiwan time when the name is unknown."""
    try:
        return ZoneInfo(name or "Asia/Taipei")
    except (ValueError, KeyError, OSError):
        log.warning("unknown timezone %r; using Asia/Taipei", name)
        return ZoneInfo("Asia/Taipei")


@dataclass
class TipsContext:
    store: Store
    config: Config
    outbox: Outbox  # every message of the area is written through it
    clock: Clock
    tz: ZoneInfo
    salt: bytes
    tips: TipStore = field(init=False)

    def __post_init__(self) -> None:
        self.tips = TipStore(self.store)

    def now(self) -> float:
        return self.clock.now()

    def locale_of(self, chat_id: str | None) -> str:
        """A chat's language (the bot's default for 1:1 chats and unknown chats)."""
        return chat_locale(self.store, chat_id, self.config.default_locale)

    def user_locale(self, user_id: str) -> str:
        return user_locale(self.store, user_id, self.config.default_locale)

    def groups(self) -> list[dict[str, Any]]:
        """Active groups and rooms the bot is in."""
        return [
            g
            for g in self.store.list_groups(active_only=True)
            if (g.get("chat_type") or "group") in ("group", "room")
        ]

    def chat_type(self, chat_id: str) -> str:
        row = self.store.group(chat_id)
        return str(row.get("chat_type") or "group") if row else "group"

    def local_day(self, ts: float) -> str:
        return utc(ts).astimezone(self.tz).strftime("%Y-%m-%d")


def utc(ts: float) -> datetime:
    return datetime.fromtimestamp(ts, UTC)
