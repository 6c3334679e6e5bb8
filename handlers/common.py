"""Small helpers every handler uses: who and where an event is from, which language to
speak, LINE lookups (friendship, names, group summary) that never break a flow."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from linebot.v3.messaging import ApiException
from linebot.v3.webhooks import GroupSource, RoomSource, UserSource

from handlers.deps import Deps
from locales import messages, normalise_locale

log = logging.getLogger("bot.handlers")

FRIEND_RECHECK_SECONDS = 24 * 3600
NAME_CACHE_SECONDS = 600.0  # display names kept in memory for alerts


@dataclass(frozen=True)
class Where:
    chat_id: str | None  # group / room id; the user id in a 1:1 chat
    chat_type: str  # group | room | user
    user_id: str | None  # who did it (may be None, e.g. unsend in some cases)

    @property
    def is_group(self) -> bool:
        return self.chat_type in ("group", "room")


def where(event: Any) -> Where:
    src = getattr(event, "source", None)
    if isinstance(src, GroupSource):
        return Where(src.group_id, "group", src.user_id)
    if isinstance(src, RoomSource):
        return Where(src.room_id, "room", src.user_id)
    if isinstance(src, UserSource):
        return Where(src.user_id, "user", src.user_id)
    return Where(None, "unknown", None)


def chat_locale(deps: Deps, chat_id: str | None) -> str:
    if chat_id:
        loc = deps.store.group_locale(chat_id)
        if loc:
            return normalise_locale(loc)
    return normalise_locale(deps.config.default_locale)


def user_locale(deps: Deps, user_id: str | None) -> str:
    if user_id:
        row = deps.store.user(user_id)
        if row and row.get("locale"):
            return normalise_locale(row["locale"])
    return normalise_locale(deps.config.default_locale)


def label(kind: str, value: str, locale: str) -> str:
    """A localised label (`type.tw_national_id`, `status.open`, ...); the name itself if none."""
    text = messages(locale).get(f"{kind}.{value}") or messages("zh-TW").get(f"{kind}.{value}")
    return str(text) if text else value


def local_time(deps: Deps, ts: float) -> str:
    try:
        tz = ZoneInfo(deps.config.timezone)
    except Exception:  # unknown zone name: fall back to Taiwan time
        tz = ZoneInfo("Asia/Taipei")
    return datetime.fromtimestamp(ts, tz).strftime("%Y-%m-%d %H:%M")


def event_time(event: Any, deps: Deps) -> float:
    ts = getattr(event, "timestamp", None)
    return ts / 1000.0 if isinstance(ts, int | float) and ts > 0 else deps.now()


async def is_friend(deps: Deps, user_id: str) -> bool:
    """Has the user added the bot? From follow/unfollow events, else a profile lookup
    (LINE answers 404 for users who are not friends), cached for a day."""
    row = deps.store.user(user_id)
    now = deps.now()
    if (
        row
        and row.get("is_friend") is not None
        and (row["is_friend"] or now - (row.get("checked_at") or 0) < FRIEND_RECHECK_SECONDS)
    ):
        return bool(row["is_friend"])
    try:
        profile = await deps.api.get_profile(user_id, _request_timeout=5)
    except ApiException as exc:
        if exc.status == 404:
            deps.store.set_friend(user_id, False, now)
            return False
        log.warning("profile lookup failed status=%s user=%s", exc.status, user_id)
        return _unknown_friend(row)
    except Exception as exc:  # timeouts, connection errors: do not block the flow
        log.warning("profile lookup failed error=%s user=%s", type(exc).__name__, user_id)
        return _unknown_friend(row)
    deps.store.set_friend(user_id, True, now, locale=getattr(profile, "language", None))
    return True


def _unknown_friend(row: dict[str, Any] | None) -> bool:
    """LINE could not tell (down, timeout): send the private note anyway, as the outbox will
    deliver it once LINE is back; a push to a non-friend is accepted and shown to nobody."""
    return bool(row["is_friend"]) if row and row.get("is_friend") is not None else True


async def display_name(deps: Deps, where_: Where, user_id: str | None) -> str | None:
    """The sender's display name in that chat (for admin alerts; never stored)."""
    if not user_id:
        return None
    cache: dict[tuple[str | None, str], tuple[float, str]] = deps.extra.setdefault(
        "display_names", {}
    )
    now = time.monotonic()
    hit = cache.get((where_.chat_id, user_id))
    if hit and now - hit[0] < NAME_CACHE_SECONDS:
        return hit[1]
    try:
        if where_.chat_type == "group" and where_.chat_id:
            p: Any = await deps.api.get_group_member_profile(
                where_.chat_id, user_id, _request_timeout=5
            )
        elif where_.chat_type == "room" and where_.chat_id:
            p = await deps.api.get_room_member_profile(where_.chat_id, user_id, _request_timeout=5)
        else:
            p = await deps.api.get_profile(user_id, _request_timeout=5)
        name = str(p.display_name)
    except Exception as exc:
        log.info("member profile unavailable error=%s user=%s", type(exc).__name__, user_id)
        return None
    if len(cache) > 5000:  # memory only, bounded; names are never written to the database
        cache.clear()
    cache[(where_.chat_id, user_id)] = (now, name)
    return name


async def group_name(deps: Deps, where_: Where) -> str | None:
    """The group's name (cached in the groups table; rooms have none)."""
    if not where_.chat_id or where_.chat_type != "group":
        return None
    row = deps.store.group(where_.chat_id)
    if row and row.get("name"):
        return str(row["name"])
    try:
        summary = await deps.api.get_group_summary(where_.chat_id, _request_timeout=5)
    except Exception as exc:
        log.info("group summary unavailable error=%s group=%s", type(exc).__name__, where_.chat_id)
        return None
    name = str(summary.group_name)
    deps.store.upsert_group(where_.chat_id, deps.now(), name=name, chat_type="group")
    return name


def where_failed(exc: BaseException) -> str:
    """`KeyError at handlers/actions.py:123`: an exception for the logs without its message
    (a message can quote the data that caused it)."""
    import traceback

    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "site-packages" not in f.filename] or frames
    if not ours:
        return type(exc).__name__
    last = ours[-1]
    parts = last.filename.replace("\\", "/").split("/")
    return f"{type(exc).__name__} at {'/'.join(parts[-2:])}:{last.lineno}"


def safe_v2(text: str) -> str:
    """Text placed inside a textV2 message must not open a `{substitution}` by accident."""
    return text.replace("{", "｛").replace("}", "｝")
