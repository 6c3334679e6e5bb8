"""The console's words: `locales/console.<locale>.json` (zh-TW first, English second), with
the main bundle (type and status labels) as the fallback, and local times in the service's
zone (BOT_TIMEZONE, config.timezone; Asia/Taipei by default)."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from locales import LOCALES, messages, normalise_locale
from locales import t as main_t


def _zone(tz: str) -> ZoneInfo:
    return ZoneInfo(tz or "Asia/Taipei")


def ct(key: str, locale: str | None = None, **kw: Any) -> str:
    """`key` from the console bundle in `locale` (zh-TW when missing), else the main one."""
    loc = normalise_locale(locale)
    text = messages(loc, "console").get(key)
    if text is None:
        text = messages(LOCALES[0], "console").get(key)
    if text is None:
        return main_t(key, loc, **kw)
    return str(text).format(**kw) if kw else str(text)


def local_time(ts: float | None, *, tz: str, seconds: bool = False) -> str:
    """`2026-03-02 14:05` in the zone `tz` (config.timezone; "" for None)."""
    if ts is None:
        return ""
    fmt = "%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M"
    return datetime.fromtimestamp(ts, _zone(tz)).strftime(fmt)


def day_start(day: str, *, tz: str) -> float | None:
    """The epoch second a `YYYY-MM-DD` day starts in the zone `tz`; None if not a date."""
    try:
        d = datetime.strptime(day, "%Y-%m-%d")
    except ValueError:
        return None
    return d.replace(tzinfo=_zone(tz)).timestamp()
