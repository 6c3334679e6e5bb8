"""Who and where an event is from, which language to speak there, and the LINE lookups
(friendship, display names, group name) that never break a flow.

`Lookups` is built once per app (deps.py) on the store, the Messaging API client and the
clock; its in-memory display-name cache lives with it.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from typing import Any

from linebot.v3.messaging import ApiException, AsyncMessagingApi
from linebot.v3.webhooks import GroupSource, RoomSource, Source, UserSource

from clock import Clock
from locales import normalise_locale
from storage import Store

log = logging.getLogger("bot.handlers")

FRIEND_RECHECK_SECONDS = 24 * 3600
NAME_CACHE_SECONDS = 600.0  # display names kept in memory for alerts
NAME_CACHE_MAX = 5000


@dataclass(frozen=True)
class Where:
    chat_id: str | None  # group / room id; the user id in a 1:1 chat
    chat_type: str  # group | room | user
    user_id: str | None  # who did it (may be None, e.g. unsend in some cases)

    @property
    def is_group(self) -> bool:
        return self.chat_type in ("group", "room")


def where(source: Source | None) -> Where:
    """The chat and the sender of an event's `source`."""
    if isinstance(source, GroupSource):
        return Where(source.group_id, "group", source.user_id)
    if isinstance(source, RoomSource):
        return Where(source.room_id, "room", source.user_id)
    if isinstance(source, UserSource):
        return Where(source.user_id, "user", source.user_id)
    return Where(None, "unknown", None)


def chat_locale(store: Store, chat_id: str | None, default: str) -> str:
    """The language of a group or room (its /lang choice), else the configured one.
    The one locale resolver: Lookups (handlers, incidents) and the tips area both use it."""
    if chat_id:
        loc = store.group_locale(chat_id)
        if loc:
            return normalise_locale(loc)
    return normalise_locale(default)


def user_locale(store: Store, user_id: str | None, default: str) -> str:
    """The language of a person in a 1:1 chat (from LINE's profile), else the configured one."""
    if user_id:
        row = store.user(user_id)
        if row and row.get("locale"):
            return normalise_locale(row["locale"])
    return normalise_locale(default)


@dataclass
class Lookups:
    store: Store
    api: AsyncMessagingApi
    default_locale: str
    clock: Clock
    _names: dict[tuple[str | None, str], tuple[float, str]] = field(default_factory=dict)

    def chat_locale(self, chat_id: str | None) -> str:
        return chat_locale(self.store, chat_id, self.default_locale)

    def user_locale(self, user_id: str | None) -> str:
        return user_locale(self.store, user_id, self.default_locale)

    def locale_of(self, w: Where) -> str:
        """The language to answer in: the chat's in a group or room, the person's in 1:1."""
        return self.chat_locale(w.chat_id) if w.is_group else self.user_locale(w.user_id)

    async def is_friend(self, user_id: str) -> bool:
        """Has the user added the bot? From follow/unfollow events, else a profile lookup
        (LINE answers 404 for users who are not friends), cached for a day."""
        row = self.store.user(user_id)
        now = self.clock.now()
        if (
            row
            and row.get("is_friend") is not None
            and (row["is_friend"] or now - (row.get("checked_at") or 0) < FRIEND_RECHECK_SECONDS)
        ):
            return bool(row["is_friend"])
        try:
            profile = await self.api.get_profile(user_id, _request_timeout=5)
        except ApiException as exc:
            if exc.status == 404:
                self.store.set_friend(user_id, False, now)
                return False
            log.warning("profile lookup failed status=%s user=%s", exc.status, user_id)
            return _unknown_friend(row)
        except Exception as exc:  # timeouts, connection errors: do not block the flow
            log.warning("profile lookup failed error=%s user=%s", type(exc).__name__, user_id)
            return _unknown_friend(row)
        self.store.set_friend(user_id, True, now, locale=getattr(profile, "language", None))
        return True

    async def display_name(self, w: Where, user_id: str | None) -> str | None:
        """The sender's display name in that chat (for admin alerts; never stored)."""
        if not user_id:
            return None
        now = time.monotonic()
        hit = self._names.get((w.chat_id, user_id))
        if hit and now - hit[0] < NAME_CACHE_SECONDS:
            return hit[1]
        try:
            if w.chat_type == "group" and w.chat_id:
                member = await self.api.get_group_member_profile(
                    w.chat_id, user_id, _request_timeout=5
                )
                name = str(member.display_name)
            elif w.chat_type == "room" and w.chat_id:
                in_room = await self.api.get_room_member_profile(
                    w.chat_id, user_id, _request_timeout=5
                )
                name = str(in_room.display_name)
            else:
                profile = await self.api.get_profile(user_id, _request_timeout=5)
                name = str(profile.display_name)
        except Exception as exc:
            log.info("member profile unavailable error=%s user=%s", type(exc).__name__, user_id)
            return None
        if len(self._names) > NAME_CACHE_MAX:  # memory only, bounded; never in the database
            self._names.clear()
        self._names[(w.chat_id, user_id)] = (now, name)
        return name

    async def group_name(self, w: Where) -> str | None:
        """The group's name (cached in the groups table; rooms have none)."""
        if not w.chat_id or w.chat_type != "group":
            return None
        row = self.store.group(w.chat_id)
        if row and row.get("name"):
            return str(row["name"])
        try:
            summary = await self.api.get_group_summary(w.chat_id, _request_timeout=5)
        except Exception as exc:
            log.info("group summary unavailable error=%s group=%s", type(exc).__name__, w.chat_id)
            return None
        name = str(summary.group_name)
        self.store.upsert_group(w.chat_id, self.clock.now(), name=name, chat_type="group")
        return name


def _unknown_friend(row: dict[str, Any] | None) -> bool:
    """LINE could not tell (down, timeout): send the private note anyway, as the outbox will
    deliver it once LINE is back; a push to a non-friend is accepted and shown to nobody."""
    return bool(row["is_friend"]) if row and row.get("is_friend") is not None else True
